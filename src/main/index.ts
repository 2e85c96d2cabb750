/**
 * Composition root of the desktop app: creates the pieces and connects them. Each piece keeps its
 * logic in its own module (tray, windows, notifications, storage, IPC, power, login item).
 */
import { app, dialog, Menu, powerMonitor, session, shell, type SaveDialogOptions } from 'electron';
import { writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EngineStatus } from '../shared/status';
import { withDesktopFeatures } from './desktop-service';
import { createDesktopEngine } from './engine-factory';
import { connectIpc } from './ipc';
import { originOf } from './ipc/sender-guard';
import { createLoginItemController } from './login-item';
import { nodeAutostartFs } from './login-item-fs';
import { createNotifier } from './notifications/notifier';
import { appPaths } from './paths';
import { watchPower } from './power';
import { openSettingsStore, secretStorageStatus } from './store/electron-settings';
import { createTray } from './tray/tray';
import { performTrayAction } from './tray-actions';
import { registerAppSchemePrivileges, handleAppProtocol } from './windows/electron-protocol';
import { APP_ORIGIN } from './windows/options';
import { denyAllPermissions, hardenWebContents, restrictDownloads } from './windows/hardening';
import { SettingsWindow } from './windows/settings-window';
import { installCrashGuard, setCrashSecrets } from '../engine/crash-guard';

export const APP_ID = 'app.trawlarr.desktop';

const log = (line: string) => console.log(`[trawlarr] ${line}`);

// crash output never shows a key (the engine's keys are registered once the engine exists)
installCrashGuard(process, { write: (text) => console.error(text), exit: (code) => app.exit(code) });

// before 'ready': every renderer sandboxed, and app:// a standard, secure scheme
app.enableSandbox();
registerAppSchemePrivileges();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start().catch((error: unknown) => {
    dialog.showErrorBox('Trawlarr could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  // where the settings window's pages come from: app:// when packaged, plus the dev server in development
  const devOrigin = devServerUrl ? originOf(devServerUrl) : undefined;
  const appOrigins = devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];
  // set once the window manager exists; a second launch before that has nothing to focus yet
  const ui: { settingsWindow?: SettingsWindow } = {};
  let instanceUrls: readonly string[] = [];

  app.on('second-instance', () => ui.settingsWindow?.open());
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { instanceUrls: () => instanceUrls, openExternal: (url) => shell.openExternal(url), log }));
  // the app lives in the tray: closing the settings window does not quit
  app.on('window-all-closed', () => {});

  await app.whenReady();
  if (process.platform === 'darwin') app.dock?.hide();
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  if (process.platform !== 'darwin' && app.isPackaged) Menu.setApplicationMenu(null);
  denyAllPermissions(session.defaultSession);
  restrictDownloads(session.defaultSession, appOrigins, log);

  const paths = appPaths({ mainDir: dirname(fileURLToPath(import.meta.url)), appPath: app.getAppPath(), resourcesPath: process.resourcesPath, packaged: app.isPackaged });
  handleAppProtocol(paths.renderer);

  const store = openSettingsStore();
  const loaded = store.load();
  let settings = loaded.settings;
  instanceUrls = settings.instances.map((i) => i.url);
  const saveSettings = (next: typeof settings) => {
    store.save(next);
    settings = next;
    instanceUrls = next.instances.map((i) => i.url);
  };

  const engine = await createDesktopEngine({ settings, saveSettings, dataDir: app.getPath('userData'), log });
  setCrashSecrets(() => engine.service.secrets());
  const loginItem = createLoginItemController({
    platform: process.platform,
    api: app,
    fs: nodeAutostartFs,
    env: process.env,
    homeDir: homedir(),
    execPath: process.execPath,
    packaged: app.isPackaged,
  });

  let status: EngineStatus | undefined;
  let launchAtLogin = { supported: loginItem.supported, enabled: loginItem.supported ? await loginItem.isEnabled() : false };
  const refreshTray = () => tray.update(status, launchAtLogin);
  const refreshLaunchAtLogin = async () => {
    launchAtLogin = { supported: loginItem.supported, enabled: loginItem.supported ? await loginItem.isEnabled() : false };
    refreshTray();
  };

  const service = withDesktopFeatures(engine.service, {
    version: app.getVersion(),
    platform: process.platform,
    loginItem,
    secretStorage: secretStorageStatus,
    settings: () => settings,
    replaceSettings: (next) => engine.replaceSettings(next),
    saveFile: async (defaultPath, content) => {
      const options: SaveDialogOptions = { title: 'Export settings with API keys', defaultPath, filters: [{ name: 'JSON', extensions: ['json'] }] };
      const result = await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return undefined;
      await writeFile(result.filePath, content, { mode: 0o600 });
      return result.filePath;
    },
    onLaunchAtLoginChanged: () => void refreshLaunchAtLogin(),
  });

  const window = new SettingsWindow({
    preloadPath: paths.preload,
    iconPath: paths.appIcon,
    ...(devServerUrl ? { devServerUrl } : {}),
    navigate: (target) => ipc.events.push({ event: 'navigate', payload: target }),
    log,
  });
  ui.settingsWindow = window;
  const ipc = connectIpc({ service, settingsContents: () => window.webContents, appOrigins, log });

  const tray = createTray({
    assetsDir: paths.trayIcons,
    onAction: (action) =>
      void performTrayAction(action, {
        service,
        openSettings: (target) => window.open(target),
        toggleLaunchAtLogin: async () => {
          await loginItem.setEnabled(!launchAtLogin.enabled);
          await refreshLaunchAtLogin();
        },
        quit: () => app.quit(),
        log,
      }),
  });

  const notifier = createNotifier({ switches: () => settings.notifications, openSettings: (target) => window.open(target), iconPath: paths.appIcon });
  const onStatus = (next: EngineStatus) => {
    status = next;
    refreshTray();
  };
  service.subscribe((event) => {
    if (event.event === 'status') {
      onStatus(event.payload);
      // the notifier learns instance names from status
      notifier.onEvent({ type: 'status', status: event.payload });
    } else if (event.event === 'engine') {
      if (event.payload.type === 'status') onStatus(event.payload.status);
      notifier.onEvent(event.payload);
    }
  });
  const stopWatchingPower = watchPower(powerMonitor, { onResume: () => engine.resumeAfterSleep() }, log);

  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    stopped = true;
    stopWatchingPower();
    notifier.dispose();
    ipc.dispose();
    void engine
      .stop()
      .catch((error: unknown) => log(`engine stop failed: ${String(error)}`))
      .finally(() => {
        tray.destroy();
        app.quit();
      });
  });

  refreshTray();
  for (const warning of loaded.warnings) log(warning);
  if (loaded.warnings.length) void dialog.showMessageBox({ type: 'warning', message: 'Trawlarr settings', detail: loaded.warnings.join('\n\n') });
  const storage = secretStorageStatus();
  if (!storage.encrypted && storage.message) log(storage.message);

  await engine.start();
  status = await service.getStatus({});
  refreshTray();
  if (settings.instances.length === 0) window.open({ page: 'instances' });
}
