/**
 * The fake Electron's configuration (from the test, per launch) and everything it records. The
 * records are what the scenarios judge: calls the app made, the tray as a user sees it, windows,
 * notifications, dialogs, the quit sequence and the process exit.
 */
export type Keyring = 'gnome_libsecret' | 'kwallet6' | 'basic_text' | 'none';

export interface FakeElectronConfig {
  /** the app's user-data folder (settings store, engine data) */
  userData: string;
  home: string;
  /** where package.json is (app.getAppPath()) */
  appPath: string;
  /** the built main bundle to run */
  mainBundle: string;
  /** Electron 46 removed the synchronous safeStorage API; 45 has it, deprecated */
  electronMajor: 45 | 46;
  keyring: Keyring;
  packaged: boolean;
  /** command-line arguments after the executable, e.g. ["--hidden"] */
  args: string[];
  /** env.APPIMAGE: the app runs from an AppImage */
  appImage?: string;
  /** kernel.apparmor_restrict_unprivileged_userns as the harness simulates it */
  usernsRestricted?: boolean;
  /** timers of 5 to 30 minutes (the grab digest's 10-minute window) fire 1000 times sooner, and the clock jumps by the time skipped */
  compressTimers?: boolean;
  /** playwright browser server the windows render in */
  wsEndpoint: string;
}

export interface MenuRecord {
  label: string;
  type: string;
  enabled: boolean;
  checked?: boolean;
  submenu?: MenuRecord[];
}

export interface WindowRecord {
  id: number;
  url?: string;
  visible: boolean;
  destroyed: boolean;
  options: unknown;
  /** webContents events the app listens to (the hardening's will-navigate, …) */
  listening: string[];
  windowOpenHandler: boolean;
}

export interface NotificationRecord {
  title: string;
  body: string;
  silent: boolean;
  shown: boolean;
  clicked: boolean;
}

export interface DialogRecord {
  kind: 'messageBoxSync' | 'messageBox' | 'errorBox' | 'saveDialog';
  title?: string;
  message?: string;
  detail?: string;
  buttons?: string[];
  answer?: string;
}

export interface Records {
  calls: string[];
  deprecations: string[];
  ready: boolean;
  tray: { created: boolean; destroyed: boolean; image?: string; imageExists?: boolean; tooltip?: string; menu?: MenuRecord[]; contextMenuSets: number; repeatedMenuSets: number; clickListeners: number };
  windows: WindowRecord[];
  notifications: NotificationRecord[];
  dialogs: DialogRecord[];
  ipcHandlers: string[];
  quit: string[];
  singleInstanceLock: 'held' | 'refused' | 'released' | 'never-asked';
  secondInstanceArgs: string[][];
  exitCode?: number;
  desktopName?: string;
  appName: string;
  /** packages the main bundle imports (bare specifiers, from the bundle itself) */
  importedPackages: string[];
}

export const config: FakeElectronConfig = JSON.parse(process.env.TRAWLARR_FAKE_ELECTRON ?? 'null') as FakeElectronConfig;
if (!config) throw new Error('the fake Electron needs TRAWLARR_FAKE_ELECTRON (set by test/desktop/support/driver.ts)');

export const records: Records = {
  calls: [],
  deprecations: [],
  ready: false,
  tray: { created: false, destroyed: false, contextMenuSets: 0, repeatedMenuSets: 0, clickListeners: 0 },
  windows: [],
  notifications: [],
  dialogs: [],
  ipcHandlers: [],
  quit: [],
  singleInstanceLock: 'never-asked',
  secondInstanceArgs: [],
  appName: 'Electron',
  importedPackages: [],
};

export function record(call: string): void {
  records.calls.push(call);
}

/** Electron throws for these before 'ready'; so does the fake. */
export function requireReady(api: string): void {
  if (!records.ready) throw new Error(`${api} cannot be used before the app is ready (the fake enforces Electron's rule)`);
}

export function requireNotReady(api: string): void {
  if (records.ready) throw new Error(`${api} can only be called before the app is ready (the fake enforces Electron's rule)`);
}

export function deprecated(api: string, replacement: string): void {
  records.deprecations.push(`${api} is deprecated: use ${replacement}`);
}

/** An Electron event whose default can be prevented. */
export function preventable(): { defaultPrevented: boolean; preventDefault(): void } {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}
