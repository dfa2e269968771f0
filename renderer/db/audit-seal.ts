/**
 * The browser's holder of the audit log's key: an HMAC-SHA-256 WebCrypto key created
 * non-extractable and kept in its own small IndexedDB database next to the store, so page code
 * can use it but never read it out, and clearing the store's tables does not touch it. The head
 * (sequence and MAC of the last row appended) lives beside it, so a deleted tail is found.
 *
 * What remains for Electron (the trustmain side): the main process should hold the key (in the OS
 * keychain via safeStorage) and expose only `AuditSealer.mac` over IPC, plus the head; then a page
 * script cannot even use the key to re-seal a forged history. This module is the browser's
 * implementation of that same interface.
 */
import Dexie, { type Table } from 'dexie';
import type { AuditHead, AuditSealer } from '../../shared/audit/chain';

interface KeyRow {
  id: 'hmac';
  key: CryptoKey;
}

interface HeadRow extends AuditHead {
  id: 'head';
}

class AuditKeyDatabase extends Dexie {
  keys!: Table<KeyRow, string>;
  head!: Table<HeadRow, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({ keys: 'id', head: 'id' });
  }
}

const keyDbs = new Map<string, AuditKeyDatabase>();
const sealers = new Map<string, Promise<AuditSealer>>();

function keyDb(storeName: string): AuditKeyDatabase {
  let db = keyDbs.get(storeName);
  if (!db) {
    db = new AuditKeyDatabase(`${storeName}-audit-key`);
    keyDbs.set(storeName, db);
  }
  return db;
}

function hex(buffer: ArrayBuffer): string {
  let out = '';
  for (const b of new Uint8Array(buffer)) out += b.toString(16).padStart(2, '0');
  return out;
}

/** A sealer over a WebCrypto HMAC key. */
export function webCryptoSealer(key: CryptoKey): AuditSealer {
  const encoder = new TextEncoder();
  return { mac: async (message) => hex(await crypto.subtle.sign('HMAC', key, encoder.encode(message))) };
}

/** A new HMAC-SHA-256 key that cannot be exported. */
export async function newAuditKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

async function loadOrCreateKey(storeName: string): Promise<CryptoKey> {
  const db = keyDb(storeName);
  const existing = await db.keys.get('hmac');
  if (existing) return existing.key;
  const key = await newAuditKey();
  // Another window or worker may have created one meanwhile: the first stored key wins.
  await db.keys.add({ id: 'hmac', key }).catch(() => undefined);
  return (await db.keys.get('hmac'))!.key;
}

/** The sealer of a store (one key per store, created on first use). */
export function auditSealerFor(storeName: string): Promise<AuditSealer> {
  let sealer = sealers.get(storeName);
  if (!sealer) {
    sealer = loadOrCreateKey(storeName).then(webCryptoSealer);
    sealer.catch(() => sealers.delete(storeName));
    sealers.set(storeName, sealer);
  }
  return sealer;
}

export async function readAuditHead(storeName: string): Promise<AuditHead | null> {
  const row = await keyDb(storeName).head.get('head');
  return row ? { seq: row.seq, mac: row.mac } : null;
}

/** Moves the head forward (never back: appends from several windows may finish out of order). */
export async function advanceAuditHead(storeName: string, head: AuditHead): Promise<void> {
  const db = keyDb(storeName);
  await db.transaction('rw', db.head, async () => {
    const current = await db.head.get('head');
    if (!current || current.seq < head.seq) await db.head.put({ id: 'head', ...head });
  });
}
