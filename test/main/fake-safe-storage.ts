import type { SafeStorageLike } from '../../src/main/store/secret-box';

/** A reversible stand-in for safeStorage (the real one needs Electron): the output never contains the input. */
export class FakeSafeStorage implements SafeStorageLike {
  available = true;
  /** what a different OS keyring would do: decryption fails */
  broken = false;
  isEncryptionAvailable() {
    return this.available;
  }
  encryptString(plainText: string): Buffer {
    return Buffer.from(Buffer.from(plainText, 'utf8').map((b) => b ^ 0x5a));
  }
  decryptString(encrypted: Buffer): string {
    if (this.broken) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(encrypted.map((b) => b ^ 0x5a)).toString('utf8');
  }
}

export class MemoryKv {
  data = new Map<string, unknown>();
  writes = 0;
  get(key: string) {
    const value = this.data.get(key);
    return value === undefined ? undefined : structuredClone(value);
  }
  set(key: string, value: unknown) {
    this.writes++;
    // electron-store persists JSON
    this.data.set(key, JSON.parse(JSON.stringify(value)));
  }
}
