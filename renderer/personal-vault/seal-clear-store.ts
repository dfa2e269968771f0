/**
 * Seals personal data that older versions stored in clear. Schema v13 leaves a progress marker
 * (`vault` row 'migration') in a store it upgrades; this pass then works through the appeals in
 * primary-key order, a chunk at a time: the chunk is sealed outside any transaction (WebCrypto
 * cannot run inside one), then one transaction replaces the rows that are still in clear and moves
 * the marker. Interrupted anywhere (closed window, crash), it resumes after the last chunk written;
 * rows a sync rewrote meanwhile are already sealed and are left alone. The texts pass
 * (`sealClearTexts`) works the same way from its own marker.
 */
import type { CurDatabase, StoredAppeal } from '../db/schema';
import type { VaultMigrationRow, VaultTextsMigrationRow } from './sealed';
import { sealAppealsForStore } from './seal-appeals';
import { assertCurrentKey } from './key-ring';
import { hasClearText, policyOfRow, textsMarker } from './texts-policy';

export const SEAL_CHUNK = 500;

export async function clearStoreMarker(db: CurDatabase): Promise<VaultMigrationRow | null> {
  return ((await db.vault.get('migration')) as VaultMigrationRow | undefined) ?? null;
}

/** Runs (or resumes) the pass; returns the marker as left. A store without a marker has nothing in clear. */
export function sealClearStore(db: CurDatabase, options: SealPassOptions = {}): Promise<VaultMigrationRow | null> {
  return runPass(db, PERSONAL_PASS, options);
}

/**
 * The same pass for texts, after the administrator turned «Тексты обращений содержат персональные
 * данные» on (texts-policy.ts): it seals every text left in clear, resumable from its own marker,
 * and stops as soon as the setting is off again (nothing already sealed is opened).
 */
export function sealClearTexts(db: CurDatabase, options: SealPassOptions<VaultTextsMigrationRow> = {}): Promise<VaultTextsMigrationRow | null> {
  return runPass(db, TEXTS_PASS, options);
}

export interface SealPassOptions<M = VaultMigrationRow> {
  chunk?: number;
  /** Stops after this many chunks (tests: an interruption). */
  maxChunks?: number;
  onProgress?(row: M): void;
}

interface PassKind<M extends VaultMigrationRow | VaultTextsMigrationRow> {
  marker(db: CurDatabase): Promise<M | null>;
  /** Whether a row still needs this pass. */
  inClear(row: StoredAppeal): boolean;
  /** Texts: only while the setting is on (read inside the pass's transaction). */
  sealTexts: boolean;
}

const PERSONAL_PASS: PassKind<VaultMigrationRow> = { marker: clearStoreMarker, inClear: (row) => row.personal !== null, sealTexts: false };
const TEXTS_PASS: PassKind<VaultTextsMigrationRow> = { marker: textsMarker, inClear: (row) => !row.sealedText && hasClearText(row), sealTexts: true };

async function runPass<M extends VaultMigrationRow | VaultTextsMigrationRow>(db: CurDatabase, kind: PassKind<M>, options: SealPassOptions<M>): Promise<M | null> {
  const chunk = options.chunk ?? SEAL_CHUNK;
  let marker = await kind.marker(db);
  for (let done = 0; marker && !marker.done; done++) {
    if (options.maxChunks !== undefined && done >= options.maxChunks) break;
    const rows = await db.appeals.where(':id').above(marker.lastKey).limit(chunk).toArray();
    const clear = rows.filter(kind.inClear);
    // The personal pass seals personal data only; the texts pass seals both (a row it reaches
    // may still hold personal data in clear if the personal pass has not got there yet).
    const sealed = await sealAppealsForStore(db, clear, { sealTexts: kind.sealTexts });
    const from: M = marker;
    marker = await db.transaction('rw', db.appeals, db.vault, db.vaultBatches, async (): Promise<M | null> => {
      if (kind.sealTexts && !policyOfRow(await db.vault.get('texts')).sealTexts) return null;
      const now = await db.appeals.bulkGet(clear.map((row) => row.id));
      const replace: StoredAppeal[] = [];
      sealed.appeals.forEach((row, i) => {
        const current = now[i];
        // Rewritten since it was read (a sync or import sealed it itself): keep the newer row.
        if (current && kind.inClear(current) && current.updatedAt === clear[i]!.updatedAt) replace.push(row as StoredAppeal);
      });
      if (replace.length && sealed.batch) assertCurrentKey(db, await db.vault.get('current'), sealed.batch.keyId);
      await db.appeals.bulkPut(replace);
      if (replace.length && sealed.batch) await db.vaultBatches.put(sealed.batch);
      const next: M = rows.length
        ? { ...from, lastKey: rows[rows.length - 1]!.id, sealed: from.sealed + replace.length }
        : { ...from, done: true };
      await db.vault.put(next);
      return next;
    });
    if (marker) options.onProgress?.(marker);
  }
  return marker;
}
