/**
 * The engine with the desktop store as its settings persistence. The store is read once, at
 * start; from then on the engine holds the one copy of the settings.
 */
import { app } from 'electron';
import { ServiceError } from '../../shared/contract';
import type { Settings } from '../../shared/settings';
import { createDesktopEngine } from '../engine-factory';
import type { DesktopEngine } from '../engine-port';
import { openSettingsStore } from '../store/electron-settings';
import { SecretStorageUnavailableError } from '../store/secret-box';
import type { SettingsStore } from '../store/settings-store';

export async function openDesktopEngine(log: (line: string) => void): Promise<{ engine: DesktopEngine; warnings: string[] }> {
  const store = openSettingsStore();
  const loaded = await store.load();
  const engine = await createDesktopEngine({ settings: loaded.settings, saveSettings: (next) => save(store, next), dataDir: app.getPath('userData'), log });
  return { engine, warnings: loaded.warnings };
}

/** A key that cannot be sealed is the user's to fix (install a keyring): its own error code, not "internal". */
async function save(store: SettingsStore, next: Settings): Promise<void> {
  try {
    await store.save(next);
  } catch (error) {
    if (error instanceof SecretStorageUnavailableError) throw new ServiceError('keyring-unavailable', error.message);
    throw error;
  }
}
