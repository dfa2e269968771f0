/**
 * Keys of snapshot bundles kept on this computer, in their own small IndexedDB database next to
 * the computer's store (`<own db>-bundle-keys`):
 *
 * - the laptop's X25519 key pair («Ключ этого ноутбука»): generated here with a NON-EXTRACTABLE
 *   private key, so page code can use it to open a bundle addressed to this laptop but can never
 *   read it out or copy it; only the public half leaves, as a small key file for the centre;
 * - the centre's Ed25519 signing key (on a workstation): generated here, or imported once from the
 *   command line's key file, and likewise stored non-extractable;
 * - the centre keys this laptop trusts (public, pinned after a person compared the fingerprint).
 *
 * What protects the private keys: the browser profile. IndexedDB is not encrypted by the app; a
 * person with the logged-in OS account can use (not extract) the keys through the app. In Electron
 * the OS keychain (safeStorage) would add a second factor; that is not built (see the guide).
 */
import Dexie, { type Table } from 'dexie';
import { fingerprint } from '../../shared/bundle';
import { ownDbName } from '../runtime/database';

export interface StoredPrivateKey {
  id: 'laptop' | 'signing';
  privateKey: CryptoKey;
  publicKey: Uint8Array<ArrayBuffer>;
  fingerprint: string;
  /** The laptop's label, or the centre's name for a signing key. */
  label: string;
  createdAt: number;
  /** How the signing key came here. */
  origin: 'generated' | 'imported';
}

export interface TrustedCentre {
  fingerprint: string;
  publicKey: Uint8Array<ArrayBuffer>;
  centre: string;
  pinnedAt: number;
  /** 'first-import': compared by phone when the first snapshot came; 'file': configured in advance. */
  how: 'first-import' | 'file';
}

class BundleKeyDatabase extends Dexie {
  keys!: Table<StoredPrivateKey, string>;
  trusted!: Table<TrustedCentre, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({ keys: 'id', trusted: 'fingerprint' });
  }
}

let keyDb: BundleKeyDatabase | null = null;

export function bundleKeyDbName(): string {
  return `${ownDbName()}-bundle-keys`;
}

function db(): BundleKeyDatabase {
  if (!keyDb) keyDb = new BundleKeyDatabase(bundleKeyDbName());
  return keyDb;
}

export async function getStoredKey(id: StoredPrivateKey['id']): Promise<StoredPrivateKey | null> {
  return (await db().keys.get(id)) ?? null;
}

/** A new laptop key pair; the private half cannot be exported. Replaces an older one. */
export async function createLaptopKey(label: string, at: number): Promise<StoredPrivateKey> {
  const pair = (await crypto.subtle.generateKey({ name: 'X25519' }, false, ['deriveBits'])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const row: StoredPrivateKey = { id: 'laptop', privateKey: pair.privateKey, publicKey, fingerprint: await fingerprint(publicKey), label, createdAt: at, origin: 'generated' };
  await db().keys.put(row);
  return row;
}

/** A new centre signing key; the private half cannot be exported. */
export async function createSigningKey(centre: string, at: number): Promise<StoredPrivateKey> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const row: StoredPrivateKey = { id: 'signing', privateKey: pair.privateKey, publicKey, fingerprint: await fingerprint(publicKey), label: centre, createdAt: at, origin: 'generated' };
  await db().keys.put(row);
  return row;
}

/** Keeps an imported signing key (already non-extractable: `importSigningKey` imports it so). */
export async function storeImportedSigningKey(key: { privateKey: CryptoKey; publicKey: Uint8Array<ArrayBuffer>; centre: string }, at: number): Promise<StoredPrivateKey> {
  const row: StoredPrivateKey = { id: 'signing', privateKey: key.privateKey, publicKey: key.publicKey, fingerprint: await fingerprint(key.publicKey), label: key.centre, createdAt: at, origin: 'imported' };
  await db().keys.put(row);
  return row;
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
