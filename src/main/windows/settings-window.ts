/**
 * The settings window: created when asked for, destroyed on close (the app lives on in the tray),
 * hardened per Electron's security checklist. Electron glue; its options and policies are the
 * pure modules beside it.
 */
import { BrowserWindow, dialog, type WebContents } from 'electron';
import { confirmUnload } from './hardening';
import { navigateTargetToSearch, type NavigateTarget } from '../../shared/contract';
import { APP_INDEX_URL, settingsWindowOptions } from './options';

export interface SettingsWindowOptions {
  preloadPath: string;
  iconPath?: string;
  /** the dev server URL in development (electron-vite), else the packaged app via app:// */
  devServerUrl?: string;
  /** tell an open window to show a page (pushed as the `navigate` event) */
  navigate: (target: NavigateTarget) => void;
  log: (line: string) => void;
}

export class SettingsWindow {
  private window: BrowserWindow | undefined;

  constructor(private readonly options: SettingsWindowOptions) {}

  get webContents(): WebContents | undefined {
    return this.window && !this.window.isDestroyed() ? this.window.webContents : undefined;
  }

  /** Shows the window (creating it if needed), on a page if given. */
  open(target?: NavigateTarget): void {
    if (this.window && !this.window.isDestroyed()) {
      if (target) this.options.navigate(target);
      if (this.window.isMinimized()) this.window.restore();
      this.window.show();
      this.window.focus();
      return;
    }
    const window = new BrowserWindow(settingsWindowOptions({ preloadPath: this.options.preloadPath, iconPath: this.options.iconPath }));
    this.window = window;
    window.once('ready-to-show', () => window.show());
    window.webContents.on('will-prevent-unload', (event) =>
      confirmUnload(event, () => {
        const choice = dialog.showMessageBoxSync(window, {
          type: 'question',
          buttons: ['Leave without saving', 'Stay'],
          defaultId: 1,
          cancelId: 1,
          title: 'Unsaved changes',
          message: 'This page has changes that are not saved.',
        });
        return choice === 0 ? 'leave' : 'stay';
      }),
    );
    window.on('closed', () => {
      if (this.window === window) this.window = undefined;
    });
    const base = this.options.devServerUrl ?? APP_INDEX_URL;
    void window.loadURL(base + navigateTargetToSearch(target)).catch((error: unknown) => this.options.log(`settings window failed to load: ${String(error)}`));
  }

  close(): void {
    this.window?.destroy();
    this.window = undefined;
  }
}
