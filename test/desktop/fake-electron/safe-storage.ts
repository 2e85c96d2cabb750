/**
 * safeStorage as Electron 45/46 behave on Linux. gnome_libsecret/kwallet: "v11" ciphertexts;
 * basic_text: "v10" (Chromium's built-in password, available but not a keyring); none: nothing
 * is available. The synchronous API is deprecated in 45 (recorded) and gone in 46. Decrypting a
 * v10 value once a keyring exists answers shouldReEncrypt.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { config, deprecated, records } from './state';

const keyOf = (version: string) => createHash('sha256').update(`fake-electron-${version}`).digest();
const version = (): 'v10' | 'v11' | undefined => (config.keyring === 'none' ? undefined : config.keyring === 'basic_text' ? 'v10' : 'v11');

function encrypt(plainText: string, api: string): Buffer {
  const v = version();
  if (!records.ready || !v) throw new Error(`Error while encrypting the text provided to ${api}. Encryption is not available.`);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(v), iv);
  const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from(v), iv, cipher.getAuthTag(), body]);
}

function decrypt(encrypted: Buffer, api: string): { result: string; shouldReEncrypt: boolean } {
  const v = encrypted.subarray(0, 3).toString();
  const now = version();
  const readable = now === v || (v === 'v10' && now === 'v11');
  if (!records.ready || !now || !readable) throw new Error(`Error while decrypting the ciphertext provided to ${api}. Decryption failed.`);
  const decipher = createDecipheriv('aes-256-gcm', keyOf(v), encrypted.subarray(3, 15));
  decipher.setAuthTag(encrypted.subarray(15, 31));
  const result = Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8');
  return { result, shouldReEncrypt: v !== now };
}

const asyncApi = {
  isAsyncEncryptionAvailable: async () => records.ready && version() !== undefined,
  encryptStringAsync: async (plainText: string) => encrypt(plainText, 'safeStorage.encryptStringAsync'),
  decryptStringAsync: async (encrypted: Buffer) => decrypt(encrypted, 'safeStorage.decryptStringAsync'),
  getSelectedStorageBackend: () => (!records.ready ? 'unknown' : config.keyring === 'none' ? 'basic_text' : config.keyring),
  setUsePlainTextEncryption: () => undefined,
};

const syncApi = {
  isEncryptionAvailable: () => {
    deprecated('safeStorage.isEncryptionAvailable', 'safeStorage.isAsyncEncryptionAvailable');
    return records.ready && version() !== undefined;
  },
  encryptString: (plainText: string) => {
    deprecated('safeStorage.encryptString', 'safeStorage.encryptStringAsync');
    return encrypt(plainText, 'safeStorage.encryptString');
  },
  decryptString: (encrypted: Buffer) => {
    deprecated('safeStorage.decryptString', 'safeStorage.decryptStringAsync');
    return decrypt(encrypted, 'safeStorage.decryptString').result;
  },
};

export const safeStorage = config.electronMajor >= 46 ? asyncApi : { ...asyncApi, ...syncApi };
