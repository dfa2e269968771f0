/**
 * Seals personal data that older versions stored in clear. Schema v13 leaves a progress marker
 * (`vault` row 'migration') in a store it upgrades; this pass then works through the appeals in
 * primary-key order, a chunk at a time: the chunk is sealed outside any transaction (WebCrypto
 * cannot run inside one), then one transaction replaces the rows that are still in clear and moves
 * the marker. Interrupted anywhere (closed window, crash), it resumes after the last chunk written;
 * rows a sync rewrote meanwhile are already sealed and are left alone.
 */
import type { CurDatabase, StoredAppeal } from '../db/schema';
import type { VaultMigrationRow } from './sealed';
import { sealAppealsForStore } from './seal-appeals';
import { assertCurrentKey } from './key-ring';

export const SEAL_CHUNK = 500;

export interface SealPassOptions {
  chunk?: number;
  /** Stops after this many chunks (tests: an interruption). */
  maxChunks?: number;
  onProgress?(row: VaultMigrationRow): void;
}

export async function clearStoreMarker(db: CurDatabase): Promise<VaultMigrationRow | null> {
  return ((await db.vault.get('migration')) as VaultMigrationRow | undefined) ?? null;
}

/** Runs (or resumes) the pass; returns the marker as left. A store without a marker has nothing in clear. */
export async function sealClearStore(db: CurDatabase, options: SealPassOptions = {}): Promise<VaultMigrationRow | null> {
  const chunk = options.chunk ?? SEAL_CHUNK;
  let marker = await clearStoreMarker(db);
  for (let done = 0; marker && !marker.done; done++) {
    if (options.maxChunks !== undefined && done >= options.maxChunks) break;
    const rows = await db.appeals.where(':id').above(marker.lastKey).limit(chunk).toArray();
    const clear = rows.filter((row) => row.personal !== null);
    const sealed = await sealAppealsForStore(db, clear);
    const from: VaultMigrationRow = marker;
    marker = await db.transaction('rw', db.appeals, db.vault, db.vaultBatches, async () => {
      const now = await db.appeals.bulkGet(clear.map((row) => row.id));
      const replace: StoredAppeal[] = [];
      sealed.appeals.forEach((row, i) => {
        const current = now[i];
        // Rewritten since it was read (a sync or import sealed it itself): keep the newer row.
        if (current && current.personal !== null && current.updatedAt === clear[i]!.updatedAt) replace.push(row);
      });
      if (replace.length && sealed.batch) assertCurrentKey(db, await db.vault.get('current'), sealed.batch.keyId);
      await db.appeals.bulkPut(replace);
      if (replace.length && sealed.batch) await db.vaultBatches.put(sealed.batch);
      const next: VaultMigrationRow = rows.length
        ? { ...from, lastKey: rows[rows.length - 1]!.id, sealed: from.sealed + replace.length }
        : { ...from, done: true };
      await db.vault.put(next);
      return next;
    });
    options.onProgress?.(marker);
  }
  return marker;
}
