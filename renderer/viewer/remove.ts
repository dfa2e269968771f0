/**
 * «Удалить снимок»: every stored byte of a snapshot goes — its database, any database named after
 * it (key and index stores other modules may keep beside a store), and its description — and the
 * removal is written to this computer's own audit log.
 */
import Dexie from 'dexie';
import { logAudit } from '../db/audit-repo';
import type { CurDatabase } from '../db/schema';
import { forgetInstalledSnapshot, snapshotDbName, type InstalledSnapshot } from '../runtime/snapshots';

/** Names of every IndexedDB database that belongs to the snapshot (its own and ones named after it). */
export async function snapshotDatabases(id: string): Promise<string[]> {
  const name = snapshotDbName(id);
  const all = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
  const related = all.map((d) => d.name ?? '').filter((n) => n === name || n.startsWith(`${name}-`) || n.startsWith(`${name}.`));
  return [...new Set([name, ...related])];
}

export async function removeSnapshot(own: CurDatabase, snapshot: Pick<InstalledSnapshot, 'id' | 'centre' | 'dataAsOf'>, why: 'user' | 'expired' | 'replaced'): Promise<void> {
  // The description first: a window that starts now no longer finds the snapshot.
  forgetInstalledSnapshot(snapshot.id);
  for (const name of await snapshotDatabases(snapshot.id)) await Dexie.delete(name);
  await logAudit(own, { action: 'snapshot.remove', details: { snapshotId: snapshot.id, centre: snapshot.centre, dataAsOf: snapshot.dataAsOf, why } });
}

/** Snapshots whose expiry has passed (real time), to close and delete. */
export function expiredSnapshots(list: readonly InstalledSnapshot[], realNow: number): InstalledSnapshot[] {
  return list.filter((s) => s.expiresAt <= realNow);
}
