/**
 * The desktop app's entry, in named steps (in the style of gitify's main entry): security that
 * Electron accepts only before 'ready', the single-instance lock, the lifecycle, then after
 * 'ready' the session's hardening and the DesktopApp, which owns the desktop state (engine,
 * window, IPC, tray, notifications).
 */
import { app, dialog } from 'electron';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appLocation, secureSession } from './app/after-ready';
import { DesktopApp } from './app/desktop-app';
import { launchOptions } from './app/launch-options';
import { watchLifecycle } from './app/lifecycle';
import { applyPreReadySecurity } from './app/pre-ready';
import { appPaths } from './paths';

const log = (line: string) => console.log(`[trawlarr] ${line}`);

applyPreReadySecurity();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const lifecycle = watchLifecycle(log);
  void start()
    .then((desktop) => lifecycle.attach(desktop))
    .catch((error: unknown) => {
      dialog.showErrorBox('Trawlarr could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}

async function start(): Promise<DesktopApp> {
  await app.whenReady();
  const launch = launchOptions(process.argv, process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin);
  const paths = appPaths({ mainDir: dirname(fileURLToPath(import.meta.url)), appPath: app.getAppPath(), resourcesPath: process.resourcesPath, packaged: app.isPackaged });
  const location = appLocation();
  secureSession({ location, rendererDir: paths.renderer, log });
  return DesktopApp.start({ launch, paths, location, log });
}
