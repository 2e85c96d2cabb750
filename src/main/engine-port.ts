/**
 * What the desktop shell needs from the engine, as an interface so main compiles and is tested
 * without it. The engine (src/engine) provides an implementation; engine-factory.ts connects it.
 */
import type { AppService, MaskedSettings } from '../shared/contract';
import type { Settings } from '../shared/settings';

export interface DesktopEngine {
  /** the contract's backend, served to the settings window over IPC */
  service: AppService;
  start(): Promise<void>;
  /** on quit: finish or abandon in-flight work cleanly */
  stop(): Promise<void>;
  /** powerMonitor "resume": the scheduler's catch-up hook (each overdue job once) */
  resumeAfterSleep(): void;
  /** replace the whole settings document (import) and apply it */
  replaceSettings(settings: Settings): Promise<MaskedSettings>;
  /** the settings in force: the one copy the desktop shell reads */
  settings(): Settings;
}

export interface DesktopEngineDeps {
  /** the settings as loaded from the store, keys opened */
  settings: Settings;
  /** persist settings: validates, seals keys, writes electron-store; the engine calls it on every change */
  saveSettings(settings: Settings): void | Promise<void>;
  /** where history, cycle state and budget ledgers live (app.getPath('userData')) */
  dataDir: string;
  log(line: string): void;
}

export type CreateDesktopEngine = (deps: DesktopEngineDeps) => Promise<DesktopEngine>;
