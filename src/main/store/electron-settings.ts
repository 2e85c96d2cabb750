/** Electron glue: the settings store on electron-store, keys sealed with safeStorage's async API. */
import { safeStorage } from 'electron';
import Store from 'electron-store';
import { SettingsStore } from './settings-store';
import { describeSecretStorage, type SecretStorageStatus } from './secret-storage-status';

export function openSettingsStore(): SettingsStore {
  const store = new Store<Record<string, unknown>>({
    name: 'settings',
    // an unreadable file is an error to show, never a reason to silently start from scratch
    clearInvalidConfig: false,
    // readable by the user only, even though the keys in it are sealed
    configFileMode: 0o600,
  });
  return new SettingsStore({ get: (key) => store.get(key), set: (key, value) => store.set(key, value) }, safeStorage, { source: store.path });
}

/** Call after app 'ready' (the Linux backend is unknown before). */
export async function secretStorageStatus(): Promise<SecretStorageStatus> {
  return describeSecretStorage({
    platform: process.platform,
    available: await safeStorage.isAsyncEncryptionAvailable(),
    ...(process.platform === 'linux' ? { linuxBackend: safeStorage.getSelectedStorageBackend() } : {}),
  });
}
