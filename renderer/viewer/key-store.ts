/**
 * Keys of snapshot bundles kept on this computer, in their own small IndexedDB database next to
 * the computer's store (`<own db>-bundle-keys`):
 *
 * - the laptop's X25519 key pair («Ключ этого ноутбука»): generated here, so page code can use it
 *   to open a bundle addressed to this laptop; only the public half leaves, as a small key file for
 *   the centre;
 * - the centre's Ed25519 signing key (on a workstation): generated here, or imported once from the
 *   command line's key file;
 * - the centre keys this laptop trusts (public, pinned after a person compared the fingerprint).
 *
 * What protects the private keys (issue #18):
 * - Electron: the OS keychain. The private key is stored only as PKCS #8 sealed with AES-256-GCM
 *   under a key derived (HKDF, its own label) from the 32 bytes the main process keeps under
 *   `safeStorage` — the same keychain secret as the personal-data vault (`vault:keychain-key`, one
 *   IPC contract), which refuses Linux's `basic_text`. The profile's files alone open nothing; the
 *   key exists in clear only in memory, non-extractable, while it is used.
 * - Browser mode: no keychain. The key is a NON-EXTRACTABLE WebCrypto key in the profile: page code
 *   can use it but never read it out; a person with the profile's files (or the logged-in OS
 *   account) can use it through the browser. The snapshot screen says so.
 * A key made in browser mode (or before this protection existed) stays usable in Electron and is
 * marked as kept by the profile until a new one is made.
 */
import Dexie, { type Table } from 'dexie';
import { fingerprint, importSigningKey } from '../../shared/bundle';
import { ownDbName } from '../runtime/database';

type Bytes = Uint8Array<ArrayBuffer>;

/** The OS keychain's 32-byte secret (Electron main, safeStorage); throws a Russian message when refused. */
export interface BundleKeychain {
  key(): Promise<Bytes>;
}

export type KeyProtection = 'keychain' | 'profile';

/** What the screens see of a stored private key: everything but the key itself. */
export interface StoredPrivateKey {
  id: 'laptop' | 'signing';
  publicKey: Bytes;
  fingerprint: string;
  /** The laptop's label, or the centre's name for a signing key. */
  label: string;
  createdAt: number;
  /** How the signing key came here. */
  origin: 'generated' | 'imported';
  /** Who protects the private half at rest. */
  protection: KeyProtection;
}

/** The stored row: a profile key as a non-extractable CryptoKey, a keychain key sealed. */
interface StoredKeyRow extends Omit<StoredPrivateKey, 'protection'> {
  /** Browser mode (or older rows): the non-extractable key itself. */
  privateKey?: CryptoKey;
  /** Electron: PKCS #8 sealed under the keychain-derived key; the row id is the additional data. */
  sealed?: { iv: Bytes; data: Bytes };
}

export interface TrustedCentre {
  fingerprint: string;
  publicKey: Bytes;
  centre: string;
  pinnedAt: number;
  /** 'first-import': compared by phone when the first snapshot came; 'file': configured in advance. */
  how: 'first-import' | 'file';
}

class BundleKeyDatabase extends Dexie {
  keys!: Table<StoredKeyRow, string>;
  trusted!: Table<TrustedCentre, string>;

  constructor(name: string) {
    super(name);
    // Rows gained `sealed` (no index change, no new version needed).
    this.version(1).stores({ keys: 'id', trusted: 'fingerprint' });
  }
}

export const KEY_STORE_MESSAGES = {
  keychainNeeded:
    'Закрытый ключ защищён системным хранилищем паролей, а оно сейчас недоступно. Запустите приложение в той же учётной записи ОС, где ключ был создан.',
  damaged: 'Закрытый ключ не открывается: запись повреждена или системное хранилище паролей сменилось. Создайте новый ключ.',
} as const;

let keyDb: BundleKeyDatabase | null = null;
let keychain: BundleKeychain | null = null;

/** Electron: the OS keychain seals new keys and opens sealed ones; null: browser mode. */
export function configureBundleKeychain(next: BundleKeychain | null): void {
  keychain = next;
}

/** Whether keys made now are sealed by the OS keychain (Electron) or kept by the profile (browser). */
export function newKeyProtection(): KeyProtection {
  return keychain ? 'keychain' : 'profile';
}

export function bundleKeyDbName(): string {
  return `${ownDbName()}-bundle-keys`;
}

function db(): BundleKeyDatabase {
  if (!keyDb) keyDb = new BundleKeyDatabase(bundleKeyDbName());
  return keyDb;
}

/** Tests only: forget the open database (another profile's name, a fresh start). */
export function closeKeyStoreForTests(): void {
  keyDb?.close();
  keyDb = null;
}

const encoder = new TextEncoder();

async function keychainKek(): Promise<CryptoKey> {
  if (!keychain) throw new Error(KEY_STORE_MESSAGES.keychainNeeded);
  const secret = await keychain.key();
  const ikm = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  // Its own label: the vault's key-encryption key and this one never coincide.
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: encoder.encode('cur/bundle-keys/v1') },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

const ALGORITHMS = {
  laptop: { algorithm: { name: 'X25519' }, usages: ['deriveBits'] as KeyUsage[] },
  signing: { algorithm: { name: 'Ed25519' }, usages: ['sign'] as KeyUsage[] },
} as const;

function publicView(row: StoredKeyRow): StoredPrivateKey {
  return { id: row.id, publicKey: row.publicKey, fingerprint: row.fingerprint, label: row.label, createdAt: row.createdAt, origin: row.origin, protection: row.sealed ? 'keychain' : 'profile' };
}

/** The row to store for a new private key: sealed under the keychain when there is one, else the key (made non-extractable) itself. */
async function rowFor(base: Omit<StoredKeyRow, 'privateKey' | 'sealed'>, extractableKey: CryptoKey, nonExtractable: () => Promise<CryptoKey>): Promise<StoredKeyRow> {
  if (!keychain) return { ...base, privateKey: await nonExtractable() };
  const kek = await keychainKek();
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', extractableKey);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(base.id) }, kek, pkcs8));
  return { ...base, sealed: { iv, data } };
}

export async function getStoredKey(id: StoredPrivateKey['id']): Promise<StoredPrivateKey | null> {
  const row = await db().keys.get(id);
  return row ? publicView(row) : null;
}

/**
 * The private half, non-extractable, for one use (opening or signing a bundle); null when no key
 * is stored. A keychain-sealed key needs the keychain: without it, or when it no longer opens the
 * key, an Error with a Russian message.
 */
export async function openPrivateKey(id: StoredPrivateKey['id']): Promise<CryptoKey | null> {
  const row = await db().keys.get(id);
  if (!row) return null;
  if (row.privateKey) return row.privateKey;
  if (!row.sealed) throw new Error(KEY_STORE_MESSAGES.damaged);
  const kek = await keychainKek();
  let pkcs8: ArrayBuffer;
  try {
    pkcs8 = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: row.sealed.iv, additionalData: encoder.encode(row.id) }, kek, row.sealed.data);
  } catch {
    throw new Error(KEY_STORE_MESSAGES.damaged);
  }
  const { algorithm, usages } = ALGORITHMS[id];
  return crypto.subtle.importKey('pkcs8', pkcs8, algorithm, false, usages);
}

/** A new laptop key pair; replaces an older one. */
export async function createLaptopKey(label: string, at: number): Promise<StoredPrivateKey> {
  const sealing = keychain !== null;
  const pair = (await crypto.subtle.generateKey({ name: 'X25519' }, sealing, ['deriveBits'])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const base = { id: 'laptop' as const, publicKey, fingerprint: await fingerprint(publicKey), label, createdAt: at, origin: 'generated' as const };
  const row = await rowFor(base, pair.privateKey, async () => pair.privateKey);
  await db().keys.put(row);
  return publicView(row);
}

/** A new centre signing key. */
export async function createSigningKey(centre: string, at: number): Promise<StoredPrivateKey> {
  const sealing = keychain !== null;
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, sealing, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const base = { id: 'signing' as const, publicKey, fingerprint: await fingerprint(publicKey), label: centre, createdAt: at, origin: 'generated' as const };
  const row = await rowFor(base, pair.privateKey, async () => pair.privateKey);
  await db().keys.put(row);
  return publicView(row);
}

/** Keeps the signing key of a command-line key file (shared/bundle `exportSigningKey`); throws on a bad file. */
export async function storeImportedSigningKey(keyFileText: string, at: number): Promise<StoredPrivateKey> {
  const sealing = keychain !== null;
  const imported = await importSigningKey(keyFileText, sealing);
  const base = { id: 'signing' as const, publicKey: imported.publicKey, fingerprint: await fingerprint(imported.publicKey), label: imported.centre, createdAt: at, origin: 'imported' as const };
  const row = await rowFor(base, imported.privateKey as CryptoKey, async () => imported.privateKey as CryptoKey);
  await db().keys.put(row);
  return publicView(row);
}

export async function listTrustedCentres(): Promise<TrustedCentre[]> {
  return (await db().trusted.toArray()).sort((a, b) => a.pinnedAt - b.pinnedAt);
}

export async function pinCentre(entry: TrustedCentre): Promise<void> {
  await db().trusted.put(entry);
}

export async function unpinCentre(fp: string): Promise<void> {
  await db().trusted.delete(fp);
}
