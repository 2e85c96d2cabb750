/**
 * API keys at rest: sealed with Electron's safeStorage (DPAPI on Windows, Keychain on macOS,
 * libsecret/KWallet on Linux) before they are written. Pure: the safeStorage-like object is injected.
 * `env:NAME` references are not secrets and stay readable.
 *
 * The asynchronous safeStorage API: the synchronous one is deprecated in Electron 45 and removed
 * in 46 (https://github.com/electron/electron/pull/47941).
 */
import { apiKeyEnvName } from '../../shared/contract';

/** The parts of Electron's safeStorage used here. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
}

export const SEALED_PREFIX = 'safe:v1:';

/** No keyring (or no encryption at all) on this system: a key cannot be stored. */
export class SecretStorageUnavailableError extends Error {
  override name = 'SecretStorageUnavailableError';
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(SEALED_PREFIX);
}

/** The form written to disk. A value that is already sealed (a key that could not be opened) is kept as is. */
export async function sealApiKey(key: string, safe: SafeStorageLike): Promise<string> {
  if (isSealed(key) || apiKeyEnvName(key)) return key;
  if (!(await safe.isAsyncEncryptionAvailable())) {
    throw new SecretStorageUnavailableError(
      'cannot store the API key: this system offers no keyring to encrypt it (Electron safeStorage is unavailable). On Linux, install and unlock GNOME Keyring or KWallet, then restart Trawlarr.',
    );
  }
  return SEALED_PREFIX + (await safe.encryptStringAsync(key)).toString('base64');
}

/**
 * The key to use. `rewrite`: the store should write it again, sealed: it was in plain text (a
 * build without encryption), or the keyring asks for it (shouldReEncrypt: a keyring appeared
 * where there was none, or the key rotated).
 */
export type OpenedKey = { ok: true; key: string; rewrite: boolean } | { ok: false };

export async function openApiKey(stored: string, safe: SafeStorageLike): Promise<OpenedKey> {
  if (apiKeyEnvName(stored)) return { ok: true, key: stored, rewrite: false };
  if (!isSealed(stored)) return { ok: true, key: stored, rewrite: true };
  try {
    const opened = await safe.decryptStringAsync(Buffer.from(stored.slice(SEALED_PREFIX.length), 'base64'));
    return opened.result ? { ok: true, key: opened.result, rewrite: opened.shouldReEncrypt } : { ok: false };
  } catch {
    return { ok: false };
  }
}
