import type { SafeStorageLike } from '../../src/main/store/secret-box';

/** A reversible stand-in for safeStorage's async API (the real one needs Electron): the output never contains the input. */
export class FakeSafeStorage implements SafeStorageLike {
  available = true;
  /** what a different OS keyring would do: decryption fails */
  broken = false;
  /** what a keyring that appeared (or rotated its key) answers */
  shouldReEncrypt = false;
  async isAsyncEncryptionAvailable() {
    return this.available;
  }
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    return Buffer.from(Buffer.from(plainText, 'utf8').map((b) => b ^ 0x5a));
  }
  async decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    if (this.broken) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync.');
    return { result: Buffer.from(encrypted.map((b) => b ^ 0x5a)).toString('utf8'), shouldReEncrypt: this.shouldReEncrypt };
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
