import { describe, expect, it } from 'vitest';
import { createSafeStorageBox, type SafeStorageLike } from './safe-storage-box';

/** A fake safeStorage: `available` and `backend` are what the system would report. */
function fakeStorage(available: boolean, backend?: string): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(`enc:${Buffer.from(plain).toString('hex')}`),
    decryptString: (data) => Buffer.from(data.toString().slice(4), 'hex').toString(),
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
  };
}

describe('createSafeStorageBox', () => {
  it('encrypts and decrypts through safeStorage', () => {
    const box = createSafeStorageBox(fakeStorage(true), 'darwin');
    expect(box.protection).toBe('os');
    expect(box.isAvailable()).toBe(true);
    const sealed = box.encrypt('token-123');
    expect(sealed.includes(Buffer.from('token-123'))).toBe(false);
    expect(box.decrypt(sealed)).toBe('token-123');
  });

  it('is unavailable without a keychain, and on Linux with only the hard-coded password', () => {
    expect(createSafeStorageBox(fakeStorage(false), 'win32').isAvailable()).toBe(false);
    expect(createSafeStorageBox(fakeStorage(true, 'basic_text'), 'linux').isAvailable()).toBe(false);
    expect(createSafeStorageBox(fakeStorage(true, 'gnome_libsecret'), 'linux').isAvailable()).toBe(true);
    expect(createSafeStorageBox(fakeStorage(true, 'kwallet5'), 'linux').isAvailable()).toBe(true);
  });
});
