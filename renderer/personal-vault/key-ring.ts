/**
 * The workstation key pair and who holds its private half. The public key is in the store for
 * every writer (the sync worker included). Private keys live in this module's memory only — after
 * the holder unlocked them (sign-in, OS keychain, recovery key) or in the window that created
 * them — and are forgotten on lock. A key generation whose private key is in no memory and has no
 * wrap left is lost: its records' personal fields cannot be read again, everything else can.
 */
import type { CurDatabase } from '../db/schema';
import { exportRawPublicKey, generateWorkstationKeyPair, importRawPublicKey, openBatchOpener, randomId, type BatchOpener } from './batch-cipher';
import { unwrapPrivateKey, wrapPrivateKey, type HolderSecret } from './key-wrap';
import { publicKeyRowId, wrapRowId, type Bytes, type VaultRow, type VaultBatchRow, type VaultPublicKeyRow, type VaultWrapRow, type WrapHolder } from './sealed';

/** The OS keychain's key for this workstation (Electron main process, safeStorage). */
export interface VaultKeychain {
  /** 32 random bytes, created on first use; throws with a Russian message when the keychain is refused. */
  key(): Promise<Bytes>;
}

const privateKeys = new Map<string, CryptoKey>();
const openers = new Map<string, Promise<BatchOpener>>();
const publicKeys = new Map<string, Promise<CryptoKey>>();
let keychain: VaultKeychain | null = null;
let lastKeychainError: string | null = null;

export function configureVaultKeychain(next: VaultKeychain | null): void {
  keychain = next;
}

export function hasKeychain(): boolean {
  return keychain !== null;
}

/** Forget every private key and batch key (lock, sign-out). */
export function forgetPrivateKeys(): void {
  privateKeys.clear();
  openers.clear();
}

export function privateKeyInMemory(keyId: string): boolean {
  return privateKeys.has(keyId);
}

export async function currentKeyId(db: CurDatabase): Promise<string | null> {
  const row = await db.vault.get('current');
  return row && 'keyId' in row && row.id === 'current' ? row.keyId : null;
}

export class VaultNotReady extends Error {
  constructor() {
    super('Ключ шифрования персональных данных ещё не создан');
    this.name = 'VaultNotReady';
  }
}

/**
 * The current generation as this context last read it. Sealing reads it once per database, not
 * once per page: every write checks it inside its own transaction (`assertCurrentKey`), and a
 * write sealed to a generation that is no longer current is refused and sealed again.
 */
const sealingKeyIds = new WeakMap<CurDatabase, string>();

export class VaultKeyChanged extends Error {
  constructor() {
    super('Ключ шифрования персональных данных сменился во время записи: запись будет повторена.');
    this.name = 'VaultKeyChanged';
  }
}

/**
 * Inside a write transaction that includes `db.vault`, with the 'current' row read there (Dexie
 * keeps its transaction only across its own promises, so the caller does the read): the batch was
 * sealed to the current generation, or VaultKeyChanged.
 */
export function assertCurrentKey(db: CurDatabase, current: VaultRow | undefined, keyId: string): void {
  if (current?.id === 'current' && current.keyId === keyId) return;
  sealingKeyIds.delete(db);
  throw new VaultKeyChanged();
}

/** The current generation's public key, for sealing (no secret needed). */
export async function currentPublicKey(db: CurDatabase): Promise<{ keyId: string; publicKey: CryptoKey }> {
  let keyId = sealingKeyIds.get(db) ?? null;
  if (!keyId) {
    keyId = await currentKeyId(db);
    if (!keyId) throw new VaultNotReady();
    sealingKeyIds.set(db, keyId);
  }
  let key = publicKeys.get(keyId);
  if (!key) {
    key = db.vault.get(publicKeyRowId(keyId)).then((row) => {
      if (!row) throw new VaultNotReady();
      return importRawPublicKey((row as VaultPublicKeyRow).publicKey);
    });
    publicKeys.set(keyId, key);
    key.catch(() => publicKeys.delete(keyId));
  }
  return { keyId, publicKey: await key };
}

/**
 * A new key generation becomes current: new records are sealed to it. Its private key stays in
 * this window's memory and is wrapped for the OS keychain when there is one; users and the
 * recovery key get their wraps through the session hooks.
 */
export async function createKeyGeneration(db: CurDatabase): Promise<string> {
  const pair = await generateWorkstationKeyPair();
  const keyId = randomId(8);
  const row: VaultPublicKeyRow = { id: publicKeyRowId(keyId), keyId, publicKey: await exportRawPublicKey(pair.publicKey), createdAt: db.now() };
  const wraps: VaultWrapRow[] = [];
  if (keychain) {
    try {
      wraps.push(await wrapPrivateKey(keyId, pair.privateKey, { holder: 'keychain', key: await keychain.key() }, db.now()));
    } catch (error) {
      // The keychain refused (Linux basic_text, locked keyring): the key still works in this
      // session and for users' passwords; the card explains why reveals fail after a restart.
      lastKeychainError = error instanceof Error ? error.message : String(error);
    }
  }
  await db.transaction('rw', db.vault, async () => {
    await db.vault.put(row);
    await db.vault.bulkPut(wraps);
    await db.vault.put({ id: 'current', keyId });
  });
  privateKeys.set(keyId, pair.privateKey);
  sealingKeyIds.set(db, keyId);
  return keyId;
}

/** Why the OS keychain could not be used (a Russian sentence), or null. */
export function keychainError(): string | null {
  return lastKeychainError;
}

/** The current generation's id, creating the first one when the store has none (no rotation here). */
export async function ensureWorkstationKey(db: CurDatabase): Promise<string> {
  const existing = sealingKeyIds.get(db) ?? (await currentKeyId(db));
  if (existing) return existing;
  return createKeyGeneration(db);
}

async function wrapsOf(db: CurDatabase, filter: (row: VaultWrapRow) => boolean): Promise<VaultWrapRow[]> {
  const rows = await db.vault.where('id').startsWith('wrap:').toArray();
  return (rows as VaultWrapRow[]).filter(filter);
}

/** Wraps every private key held in memory for a holder (replacing its older wraps); returns how many. */
export async function wrapHeldKeysFor(db: CurDatabase, secret: HolderSecret): Promise<number> {
  const rows: VaultWrapRow[] = [];
  for (const [keyId, key] of privateKeys) rows.push(await wrapPrivateKey(keyId, key, secret, db.now()));
  await db.vault.bulkPut(rows);
  return rows.length;
}

/** Wraps one generation's private key, held in memory, for a holder (a snapshot's passphrase or laptop key). */
export async function wrapHeldKeyFor(db: CurDatabase, keyId: string, secret: HolderSecret): Promise<void> {
  const key = privateKeys.get(keyId);
  if (!key) throw new Error('private key not held');
  await db.vault.put(await wrapPrivateKey(keyId, key, secret, db.now()));
}

/** Forget one generation's private key (the window that made a snapshot's key hands it over to its wraps). */
export function forgetPrivateKey(keyId: string): void {
  privateKeys.delete(keyId);
}

/** Unwraps into memory every generation this holder has a wrap for; returns how many. Wrong secret: throws. */
export async function unlockWith(db: CurDatabase, secret: HolderSecret): Promise<number> {
  const rows = await wrapsOf(db, (row) => row.holder === secret.holder);
  for (const row of rows) {
    if (privateKeys.has(row.keyId)) continue;
    privateKeys.set(row.keyId, await unwrapPrivateKey(row, secret));
  }
  return rows.length;
}

export async function removeWrapsOf(db: CurDatabase, holder: WrapHolder): Promise<void> {
  const rows = await wrapsOf(db, (row) => row.holder === holder);
  await db.vault.bulkDelete(rows.map((r) => r.id));
}

export type KeyState = 'open' | 'locked' | 'lost';

/**
 * Whether a generation's private key can be used now: in memory ('open'), behind a holder
 * ('locked'), or nowhere ('lost'). With an OS keychain wrap the key is fetched here, on demand.
 */
export async function openKey(db: CurDatabase, keyId: string): Promise<KeyState> {
  if (privateKeys.has(keyId)) return 'open';
  const wraps = await wrapsOf(db, (row) => row.keyId === keyId);
  const byKeychain = wraps.find((row) => row.holder === 'keychain');
  if (byKeychain && keychain) {
    try {
      privateKeys.set(keyId, await unwrapPrivateKey(byKeychain, { holder: 'keychain', key: await keychain.key() }));
      lastKeychainError = null;
      return 'open';
    } catch (error) {
      lastKeychainError = error instanceof Error ? error.message : String(error);
    }
  }
  return wraps.length ? 'locked' : 'lost';
}

/** The batch's opener, derived once per batch while the key is held. */
export function batchOpener(keyId: string, batch: VaultBatchRow): Promise<BatchOpener> {
  let opener = openers.get(batch.id);
  if (!opener) {
    const key = privateKeys.get(keyId);
    if (!key) return Promise.reject(new Error('private key not held'));
    opener = openBatchOpener(batch, key);
    openers.set(batch.id, opener);
    opener.catch(() => openers.delete(batch.id));
  }
  return opener;
}

export { wrapRowId };
