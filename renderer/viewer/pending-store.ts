/**
 * Between the two passes of loading a snapshot (install.ts): the bundle's encrypted bytes and its
 * content key (a non-extractable WebCrypto key: usable to decrypt, never readable), kept in a small
 * database named after the snapshot's (`snapshot.<id>-pending`) until every row is written, so the
 * viewer window finishes the load without asking for the passphrase again. Removing the snapshot
 * removes it too (remove.ts deletes every database named after the snapshot).
 */
import Dexie, { type Table } from 'dexie';
import { snapshotDbName } from '../runtime/snapshots';

export interface PendingRows {
  id: 'bundle';
  bytes: Uint8Array<ArrayBuffer>;
  contentKey: CryptoKey;
  signerPublicKey: Uint8Array<ArrayBuffer>;
}

class PendingDatabase extends Dexie {
  pending!: Table<PendingRows, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ pending: 'id' });
  }
}

export function pendingDbName(snapshotId: string): string {
  return `${snapshotDbName(snapshotId)}-pending`;
}

export async function savePendingRows(snapshotId: string, rows: Omit<PendingRows, 'id'>): Promise<void> {
  const db = new PendingDatabase(pendingDbName(snapshotId));
  try {
    await db.pending.put({ id: 'bundle', ...rows });
  } finally {
    db.close();
  }
}

export async function readPendingRows(snapshotId: string): Promise<PendingRows | null> {
  const db = new PendingDatabase(pendingDbName(snapshotId));
  try {
    return (await db.pending.get('bundle')) ?? null;
  } finally {
    db.close();
  }
}

export function dropPendingRows(snapshotId: string): Promise<void> {
  return Dexie.delete(pendingDbName(snapshotId));
}
