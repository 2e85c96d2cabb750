/**
 * The desktop app once Electron is ready: it owns the desktop state (the engine, the settings
 * window, the IPC connection, the tray, notifications, launch at login) and builds it in named
 * steps. Settings are read from the engine only.
 */
import { app, dialog, powerMonitor, type SaveDialogOptions } from 'electron';
import { writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import type { AppService, NavigateTarget } from '../../shared/contract';
import type { EngineStatus } from '../../shared/status';
import { setCrashSecrets } from '../../engine/crash-guard';
import { withDesktopFeatures } from '../desktop-service';
import type { DesktopEngine } from '../engine-port';
import { connectIpc, type IpcConnection } from '../ipc';
import { createLoginItemController, LoginItemRefusedError, type LoginItemController } from '../login-item';
import { nodeAutostartFs, usernsRestricted } from '../login-item-fs';
import { createNotifier, type Notifier } from '../notifications/notifier';
import type { AppPaths } from '../paths';
import { watchPower } from '../power';
import { secretStorageStatus } from '../store/electron-settings';
import type { SecretStorageStatus } from '../store/secret-storage-status';
import { createTray, type TrayController } from '../tray/tray';
import type { TrayAction } from '../tray/menu-model';
import { performTrayAction } from '../tray-actions';
import { SettingsWindow } from '../windows/settings-window';
import { hardenNewWebContents, type AppLocation } from './after-ready';
import { openDesktopEngine } from './desktop-engine';
import { firstWindow, type LaunchOptions } from './launch-options';

export interface DesktopAppDeps {
  launch: LaunchOptions;
  paths: AppPaths;
  location: AppLocation;
  log: (line: string) => void;
}

export class DesktopApp {
  private status: EngineStatus | undefined;
  private launchAtLogin = { supported: false, enabled: false };
  private closing = false;
  private readonly service: AppService;
  private readonly window: SettingsWindow;
  private readonly ipc: IpcConnection;
  private readonly tray: TrayController;
  private readonly notifier: Notifier;
  private readonly stopWatchingPower: () => void;

  static async start(deps: DesktopAppDeps): Promise<DesktopApp> {
    const { engine, warnings } = await openDesktopEngine(deps.log);
    setCrashSecrets(() => engine.service.secrets());
    const desktop = new DesktopApp(deps, engine, await secretStorageStatus(), createLoginItem());
    await desktop.run(warnings);
    return desktop;
  }

  private constructor(
    private readonly deps: DesktopAppDeps,
    private readonly engine: DesktopEngine,
    private readonly secretStorage: SecretStorageStatus,
    private readonly loginItem: LoginItemController,
  ) {
    this.service = this.desktopService();
    this.window = this.settingsWindow();
    this.ipc = connectIpc({ service: this.service, settingsContents: () => this.window.webContents, appOrigins: deps.location.appOrigins, log: deps.log });
    this.tray = createTray({ assetsDir: deps.paths.trayIcons, onAction: (action) => void this.onTrayAction(action), onClick: () => this.openWindow() });
    this.notifier = createNotifier({ switches: () => engine.settings().notifications, openSettings: (target) => this.openWindow(target), iconPath: deps.paths.appIcon });
    this.service.subscribe((event) => {
      if (event.event === 'status') this.onStatus(event.payload);
      if (event.event === 'engine' && event.payload.type === 'status') this.onStatus(event.payload.status);
      if (event.event === 'engine') this.notifier.onEvent(event.payload);
    });
    this.stopWatchingPower = watchPower(powerMonitor, { onResume: () => engine.resumeAfterSleep() }, deps.log);
  }

  /** Shows the window (creating it), on a page if given; not while quitting. */
  openWindow(target?: NavigateTarget): void {
    if (!this.closing) this.window.open(target);
  }

  async shutdown(): Promise<void> {
    this.closing = true;
    this.stopWatchingPower();
    this.notifier.dispose();
    this.ipc.dispose();
    try {
      await this.engine.stop();
    } finally {
      this.tray.destroy();
    }
  }

  private async run(warnings: string[]): Promise<void> {
    for (const warning of warnings) this.deps.log(warning);
    if (warnings.length) void dialog.showMessageBox({ type: 'warning', message: 'Trawlarr settings', detail: warnings.join('\n\n') });
    if (!this.secretStorage.encrypted && this.secretStorage.message) this.deps.log(this.secretStorage.message);
    await this.refreshLaunchAtLogin();
    await this.engine.start();
    this.onStatus(await this.service.getStatus({}));
    const target = firstWindow(this.deps.launch, this.engine.settings().instances.length);
    if (target) this.openWindow(target);
  }

  /** Window step: created when asked for; links to configured instances open in the browser. */
  private settingsWindow(): SettingsWindow {
    hardenNewWebContents(() => this.engine.settings().instances.map((i) => i.url), this.deps.log);
    return new SettingsWindow({
      preloadPath: this.deps.paths.preload,
      iconPath: this.deps.paths.appIcon,
      ...(this.deps.location.devServerUrl ? { devServerUrl: this.deps.location.devServerUrl } : {}),
      navigate: (target) => this.ipc.events.push({ event: 'navigate', payload: target }),
      log: this.deps.log,
    });
  }

  /** The engine's service plus what only the desktop has: launch at login, the keyring's status, exports to a file. */
  private desktopService(): AppService {
    return withDesktopFeatures(this.engine.service, {
      version: app.getVersion(),
      platform: process.platform,
      loginItem: this.loginItem,
      secretStorage: this.secretStorage,
      settings: () => this.engine.settings(),
      replaceSettings: (next) => this.engine.replaceSettings(next),
      saveFile: saveWithDialog,
      onLaunchAtLoginChanged: () => void this.refreshLaunchAtLogin(),
    });
  }

  private onStatus(status: EngineStatus): void {
    this.status = status;
    // the notifier learns instance names from status
    this.notifier.onEvent({ type: 'status', status });
    this.tray.update(status, this.launchAtLogin);
  }

  private async refreshLaunchAtLogin(): Promise<void> {
    this.launchAtLogin = { supported: this.loginItem.supported, enabled: this.loginItem.supported ? await this.loginItem.isEnabled() : false };
    this.tray.update(this.status, this.launchAtLogin);
  }

  private onTrayAction(action: TrayAction): Promise<void> {
    return performTrayAction(action, {
      service: this.service,
      openSettings: (target) => this.openWindow(target),
      toggleLaunchAtLogin: () => this.toggleLaunchAtLogin(),
      quit: () => app.quit(),
      log: this.deps.log,
    });
  }

  private async toggleLaunchAtLogin(): Promise<void> {
    try {
      await this.loginItem.setEnabled(!this.launchAtLogin.enabled);
    } catch (error) {
      if (!(error instanceof LoginItemRefusedError)) throw error;
      void dialog.showMessageBox({ type: 'warning', message: 'Launch at Login is not available for the AppImage', detail: error.message });
    } finally {
      await this.refreshLaunchAtLogin();
    }
  }
}

function createLoginItem(): LoginItemController {
  return createLoginItemController({
    platform: process.platform,
    api: app,
    fs: nodeAutostartFs,
    env: process.env,
    homeDir: homedir(),
    execPath: process.execPath,
    packaged: app.isPackaged,
    usernsRestricted,
  });
}

/** An export with keys: main writes it to a file the user picks, so the keys never cross the bridge. */
async function saveWithDialog(defaultPath: string, content: string): Promise<string | undefined> {
  const options: SaveDialogOptions = { title: 'Export settings with API keys', defaultPath, filters: [{ name: 'JSON', extensions: ['json'] }] };
  const result = await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return undefined;
  await writeFile(result.filePath, content, { mode: 0o600 });
  return result.filePath;
}
