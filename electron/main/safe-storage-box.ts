/**
 * Electron's safeStorage as the git credential store's SecretBox, so remembered tokens are encrypted by the
 * operating system's keychain (Keychain, DPAPI, libsecret/kwallet) when it has one.
 */
import type { SecretBox } from '../services/git';

/** The part of Electron's `safeStorage` the box uses; main.ts passes the real one, tests a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(data: Buffer): string;
  /** Linux only: 'basic_text' means a hard-coded password, no better than the app key, so it does not count. */
  getSelectedStorageBackend?(): string;
}

/** Adapts safeStorage; the box reports itself unavailable where the system offers no real keychain. */
export function createSafeStorageBox(storage: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretBox {
  return {
    protection: 'os',
    isAvailable() {
      if (!storage.isEncryptionAvailable()) return false;
      if (platform === 'linux' && storage.getSelectedStorageBackend) {
        const backend = storage.getSelectedStorageBackend();
        return backend !== 'basic_text' && backend !== 'unknown';
      }
      return true;
    },
    encrypt: (plain) => storage.encryptString(plain),
    decrypt: (data) => storage.decryptString(data),
  };
}
