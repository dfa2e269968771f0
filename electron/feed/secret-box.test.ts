import { describe, expect, it, vi } from 'vitest';
import { createSafeStorageBox, judgeKeychain, KEYCHAIN_MESSAGES, KeychainRefused, type SafeStorageLike } from './secret-box';

describe('OS keychain for feed tokens', () => {
  it.each([
    [{ platform: 'win32', encryptionAvailable: true, linuxBackend: null }, { ok: true }],
    [{ platform: 'linux', encryptionAvailable: true, linuxBackend: 'gnome_libsecret' }, { ok: true }],
    [{ platform: 'linux', encryptionAvailable: true, linuxBackend: 'kwallet6' }, { ok: true }],
    [{ platform: 'linux', encryptionAvailable: true, linuxBackend: 'basic_text' }, { ok: false, reason: KEYCHAIN_MESSAGES.basicText }],
    [{ platform: 'linux', encryptionAvailable: true, linuxBackend: 'unknown' }, { ok: false, reason: KEYCHAIN_MESSAGES.notReady }],
    [{ platform: 'win32', encryptionAvailable: false, linuxBackend: null }, { ok: false, reason: KEYCHAIN_MESSAGES.unavailable }],
  ])('%o → %o', (facts, verdict) => {
    expect(judgeKeychain(facts)).toEqual(verdict);
  });

  it('says in Russian what to do about basic_text', () => {
    expect(KEYCHAIN_MESSAGES.basicText).toMatch(/basic_text.*не защита.*GNOME Keyring.*KWallet/s);
  });

  function fakeSafeStorage(backend: string): SafeStorageLike {
    return {
      isAsyncEncryptionAvailable: async () => true,
      getSelectedStorageBackend: () => backend,
      encryptStringAsync: vi.fn(async (text: string) => Buffer.from(`sealed:${text}`)),
      decryptStringAsync: vi.fn(async (sealed: Buffer) => ({ result: sealed.toString().replace(/^sealed:/, '') })),
    };
  }

  it('seals and opens through safeStorage on a real keychain', async () => {
    const box = createSafeStorageBox(fakeSafeStorage('gnome_libsecret'), 'linux');
    const sealed = await box.encrypt('tok');
    expect(Buffer.from(sealed).toString()).toBe('sealed:tok');
    await expect(box.decrypt(sealed)).resolves.toBe('tok');
  });

  it('refuses to seal with the basic_text backend, before safeStorage is called', async () => {
    const storage = fakeSafeStorage('basic_text');
    const box = createSafeStorageBox(storage, 'linux');
    await expect(box.encrypt('tok')).rejects.toBeInstanceOf(KeychainRefused);
    expect(storage.encryptStringAsync).not.toHaveBeenCalled();
  });
});
