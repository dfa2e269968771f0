/**
 * The snapshot keys at rest: sealed by the OS keychain in Electron (the stored row holds no key,
 * only ciphertext; without the keychain, or with another keychain secret, nothing opens), kept as
 * non-extractable keys by the profile in the browser.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportSigningKey, generateSigningKey } from '../../shared/bundle';
import {
  bundleKeyDbName,
  closeKeyStoreForTests,
  configureBundleKeychain,
  createLaptopKey,
  createSigningKey,
  getStoredKey,
  KEY_STORE_MESSAGES,
  newKeyProtection,
  openPrivateKey,
  storeImportedSigningKey,
} from './key-store';
import { BUNDLE_KEYCHAIN_MISSING, bundleKeychainOf } from './keychain';

const SECRET = new Uint8Array(32).fill(7);
const keychainOf = (secret: Uint8Array<ArrayBuffer>) => ({ key: async () => secret });

/** The stored row as the profile's files hold it. */
async function rawRow(id: string): Promise<Record<string, unknown>> {
  const db = new Dexie(bundleKeyDbName());
  db.version(1).stores({ keys: 'id', trusted: 'fingerprint' });
  try {
    return (await db.table('keys').get(id)) as Record<string, unknown>;
  } finally {
    db.close();
  }
}

async function signs(privateKey: CryptoKey, publicKey: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const data = new TextEncoder().encode('манифест');
  const signature = await crypto.subtle.sign('Ed25519', privateKey, data);
  const verifier = await crypto.subtle.importKey('raw', publicKey, 'Ed25519', false, ['verify']);
  return crypto.subtle.verify('Ed25519', verifier, signature, data);
}

beforeEach(async () => {
  closeKeyStoreForTests();
  await Dexie.delete(bundleKeyDbName());
});
afterEach(() => configureBundleKeychain(null));

describe('snapshot keys under the OS keychain (Electron)', () => {
  it('stores a new laptop key only sealed, and opens it non-extractable with the keychain', async () => {
    configureBundleKeychain(keychainOf(SECRET));
    expect(newKeyProtection()).toBe('keychain');
    const laptop = await createLaptopKey('Ноутбук', 1);
    expect(laptop.protection).toBe('keychain');
    const row = await rawRow('laptop');
    expect(row.privateKey).toBeUndefined();
    expect(row.sealed).toBeDefined();
    const key = (await openPrivateKey('laptop'))!;
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', key)).rejects.toThrow();
    // It is the pair's private half: it agrees with the public half of another pair as that pair does.
    const other = (await crypto.subtle.generateKey({ name: 'X25519' }, false, ['deriveBits'])) as CryptoKeyPair;
    const peer = await crypto.subtle.importKey('raw', laptop.publicKey, { name: 'X25519' }, false, []);
    const mine = await crypto.subtle.deriveBits({ name: 'X25519', public: other.publicKey }, key, 256);
    const theirs = await crypto.subtle.deriveBits({ name: 'X25519', public: peer }, other.privateKey, 256);
    expect(new Uint8Array(mine)).toEqual(new Uint8Array(theirs));
  });

  it('without the keychain, or with another keychain secret, the sealed key does not open', async () => {
    configureBundleKeychain(keychainOf(SECRET));
    await createSigningKey('ЦУР', 1);
    configureBundleKeychain(null);
    await expect(openPrivateKey('signing')).rejects.toThrow(KEY_STORE_MESSAGES.keychainNeeded);
    configureBundleKeychain(keychainOf(new Uint8Array(32).fill(8)));
    await expect(openPrivateKey('signing')).rejects.toThrow(KEY_STORE_MESSAGES.damaged);
  });

  it('a generated and an imported signing key sign with the key the keychain opens', async () => {
    configureBundleKeychain(keychainOf(SECRET));
    const generated = await createSigningKey('ЦУР', 1);
    expect(await signs((await openPrivateKey('signing'))!, generated.publicKey)).toBe(true);
    const file = await exportSigningKey(await generateSigningKey('ЦУР Кировской области'));
    const imported = await storeImportedSigningKey(file, 2);
    expect(imported).toMatchObject({ origin: 'imported', protection: 'keychain', label: 'ЦУР Кировской области' });
    expect((await rawRow('signing')).privateKey).toBeUndefined();
    expect(await signs((await openPrivateKey('signing'))!, imported.publicKey)).toBe(true);
  });

  it('a keychain refusal (Linux basic_text) reaches the screen as its Russian sentence, and nothing is stored', async () => {
    const refusal = 'Системное хранилище паролей не найдено: Electron предлагает «basic_text»';
    configureBundleKeychain({ key: () => Promise.reject(new Error(refusal)) });
    await expect(createLaptopKey('Ноутбук', 1)).rejects.toThrow(refusal);
    expect(await getStoredKey('laptop')).toBeNull();
  });
});

describe('snapshot keys in browser mode', () => {
  it('keeps a non-extractable key in the profile and says so', async () => {
    expect(newKeyProtection()).toBe('profile');
    const laptop = await createLaptopKey('Ноутбук', 1);
    expect(laptop.protection).toBe('profile');
    const key = (await openPrivateKey('laptop'))!;
    expect(key.extractable).toBe(false);
    expect((await rawRow('laptop')).sealed).toBeUndefined();
  });

  it('a profile key made before stays usable when the keychain appears', async () => {
    const signing = await createSigningKey('ЦУР', 1);
    configureBundleKeychain(keychainOf(SECRET));
    expect((await getStoredKey('signing'))!.protection).toBe('profile');
    expect(await signs((await openPrivateKey('signing'))!, signing.publicKey)).toBe(true);
  });
});

describe('the keychain a window uses', () => {
  it('none in the browser; the main process key in Electron, a clear message when it gives none', async () => {
    expect(bundleKeychainOf({ shell: 'browser', vaultKeychainKey: async () => null })).toBeNull();
    expect(await bundleKeychainOf({ shell: 'electron', vaultKeychainKey: async () => SECRET })!.key()).toBe(SECRET);
    await expect(bundleKeychainOf({ shell: 'electron', vaultKeychainKey: async () => null })!.key()).rejects.toThrow(BUNDLE_KEYCHAIN_MISSING);
  });
});
