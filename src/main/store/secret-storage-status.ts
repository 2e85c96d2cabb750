/** Whether stored keys are really encrypted on this system, said plainly for the Settings page. */

export type LinuxBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

export interface SecretStorageStatus {
  encrypted: boolean;
  message?: string;
}

export function describeSecretStorage(input: { platform: NodeJS.Platform; available: boolean; linuxBackend?: LinuxBackend }): SecretStorageStatus {
  if (!input.available) {
    return {
      encrypted: false,
      message: 'This system offers Trawlarr no way to encrypt API keys, so it cannot store them. On Linux, install and unlock a keyring (GNOME Keyring or KWallet) and restart Trawlarr.',
    };
  }
  if (input.platform === 'linux' && (input.linuxBackend === 'basic_text' || input.linuxBackend === 'unknown' || input.linuxBackend === undefined)) {
    return {
      encrypted: false,
      message:
        'Your API keys are not encrypted by the operating system: no keyring (GNOME Keyring or KWallet) was found, so they are only obscured with a password built into Electron. Anyone who can read your files can read the keys. Install and unlock a keyring, then restart Trawlarr.',
    };
  }
  return { encrypted: true };
}
