/**
 * The one place the desktop shell meets the engine: the same engine host the headless command
 * runs, with the desktop store as its settings persistence and the app's user-data folder as its
 * data directory (history, cycle state, budget ledgers).
 */
import { createEngineHost } from '../engine/host';
import type { CreateDesktopEngine } from './engine-port';

export const createDesktopEngine: CreateDesktopEngine = (deps) =>
  createEngineHost({
    settings: deps.settings,
    saveSettings: deps.saveSettings,
    dataDir: deps.dataDir,
    log: deps.log,
    mode: 'desktop',
  });
