/**
 * API keys at rest: sealed with Electron's safeStorage (DPAPI on Windows, Keychain on macOS,
 * libsecret/KWallet on Linux) before they are written. Pure: the safeStorage-like object is injected.
 * `env:NAME` references are not secrets and stay readable.
 */
import { apiKeyEnvName } from '../../shared/contract';

/** The parts of Electron's safeStorage used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const SEALED_PREFIX = 'safe:v1:';

export class SecretStorageUnavailableError extends Error {
  override name = 'SecretStorageUnavailableError';
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(SEALED_PREFIX);
}

/** The form written to disk. A value that is already sealed (a key that could not be opened) is kept as is. */
export function sealApiKey(key: string, safe: SafeStorageLike): string {
  if (isSealed(key) || apiKeyEnvName(key)) return key;
  if (!safe.isEncryptionAvailable()) {
    throw new SecretStorageUnavailableError('cannot store the API key: this system offers no encryption for it (Electron safeStorage is unavailable)');
  }
  return SEALED_PREFIX + safe.encryptString(key).toString('base64');
}

export type OpenedKey = { ok: true; key: string; wasPlainText: boolean } | { ok: false };

/** The key to use; `wasPlainText` when the store held it unsealed (it is then rewritten sealed). */
export function openApiKey(stored: string, safe: SafeStorageLike): OpenedKey {
  if (apiKeyEnvName(stored)) return { ok: true, key: stored, wasPlainText: false };
  if (!isSealed(stored)) return { ok: true, key: stored, wasPlainText: true };
  try {
    const key = safe.decryptString(Buffer.from(stored.slice(SEALED_PREFIX.length), 'base64'));
    return key ? { ok: true, key, wasPlainText: false } : { ok: false };
  } catch {
    return { ok: false };
  }
}
