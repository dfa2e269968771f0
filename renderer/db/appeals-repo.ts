/**
 * The only write path for appeals. Every upsert and deletion updates the incremental aggregates
 * in the same transaction, is idempotent (the same batch twice leaves the same store), never lets
 * an older version overwrite a newer one, and keeps deletions as tombstones so a re-delivered page
 * cannot resurrect a deleted appeal.
 */
import { isInScope, scopePredicate } from '../../shared/access/scope';
import { effectiveScope } from '../runtime/access';
import type { Appeal } from '../../shared/domain/appeal';
import { factsOf, type AppealFacts } from '../../shared/analytics/facts';
import { isoToDayNumber } from '../../shared/domain/time';
import { AggDelta, contributionOf, openDueAtOf, type Contribution } from './aggregate-model';
import { flushAggDelta, invalidateDeadlineCaches } from './aggregate-store';
import { appendAnalyticsLog, emptyAnalyticsMeta } from './analytics-log';
import { existingKeys, getExistingRows } from './bulk-read';
import { sealAppealsForStore, type SealedChanges } from '../personal-vault/seal-appeals';
import { assertCurrentKey, VaultKeyChanged } from '../personal-vault/key-ring';
import { assertTextsPolicy, readTextsPolicy } from '../personal-vault/texts-policy';
import type { CurDatabase, StoredAppeal, Tombstone } from './schema';
import { indexedTextChanged } from '../search/indexed-text';
import { appendSearchLog } from '../search/search-log';

export interface WriteSummary {
  inserted: number;
  updated: number;
  /** Older than what is stored, or deleted after this version: left as it was. */
  skipped: number;
  deleted: number;
}

/** Who writes a batch: a sync source (and, during a full resync, its pass), or nobody (imports). */
export interface WriteOrigin {
  syncSource: string;
  /** Set during a full resync: every record the pass delivers, or keeps because it is newer, is stamped. */
  fullPass?: string;
}

/** Personal data reached a write unsealed: a programming error, never stored in clear. */
export class UnsealedPersonalData extends Error {
  constructor(id: string) {
    super(`personal data of ${id} must be sealed (renderer/personal-vault) before it is stored`);
    this.name = 'UnsealedPersonalData';
  }
}

function storedWith(appeal: Appeal, contribution: Contribution, origin: WriteOrigin | undefined): StoredAppeal {
  if (appeal.personal !== null) throw new UnsealedPersonalData(appeal.id);
  const stored: StoredAppeal = {
    ...appeal,
    muniKey: appeal.municipality ?? '',
    receivedDay: contribution.received.day,
  };
  if (origin) stored.syncSource = origin.syncSource;
  if (origin?.fullPass) stored.fullPass = origin.fullPass;
  const due = openDueAtOf(appeal);
  if (due === undefined) delete stored.openDueAt;
  else stored.openDueAt = due;
  return stored;
}

/** Adds the index helper fields; everything else is the domain record as given. */
export function toStoredAppeal(appeal: Appeal, timeZone: string): StoredAppeal {
  return storedWith(appeal, contributionOf(appeal, timeZone), undefined);
}

/** The domain record of a stored row: the index helper fields dropped. */
export function fromStoredAppeal(stored: StoredAppeal): Appeal {
  const { openDueAt: _due, muniKey: _muni, receivedDay: _day, syncSource: _source, fullPass: _pass, ...appeal } = stored;
  // Rows written before schema v5 still carry the retired repeat index helper.
  delete (appeal as { repeatFlag?: unknown }).repeatFlag;
  return appeal;
}

/** Tables every appeal write touches (the sync engine adds its own to the same transaction). */
export function appealWriteTables(db: CurDatabase) {
  return [db.appeals, db.tombstones, db.aggReceived, db.aggReceivedRollup, db.aggDeadline, db.aggTotals, db.aggMeta, db.aggCategory, db.analyticsLog, db.vaultBatches, db.vault, db.searchLog];
}

/**
 * Applies changes and deletions inside the caller's read-write transaction (which must include
 * `appealWriteTables(db)`). Deletions are applied after changes, as a source reports them.
 * Changes carry no clear personal data: callers seal it first with `sealForWrite` (outside the
 * transaction, because IndexedDB transactions cannot wait for WebCrypto).
 */
export async function writeAppealChanges(
  db: CurDatabase,
  sealedChanges: SealedChanges | readonly Appeal[],
  deletions: readonly string[],
  deletedAt: number,
  origin?: WriteOrigin,
): Promise<WriteSummary> {
  const changes: readonly Appeal[] = 'appeals' in sealedChanges ? sealedChanges.appeals : sealedChanges;
  // With «Тексты обращений содержат персональные данные» on, no text goes in clear (read here, in
  // this transaction: the setting may have changed since the caller sealed).
  if (changes.length) assertTextsPolicy(await db.vault.get('texts'), changes);
  // The batch's ephemeral key goes in with its records (re-putting it for a later chunk is harmless).
  if ('batch' in sealedChanges && sealedChanges.batch) {
    assertCurrentKey(db, await db.vault.get('current'), sealedChanges.batch.keyId);
    await db.vaultBatches.put(sealedChanges.batch);
  }
  const summary: WriteSummary = { inserted: 0, updated: 0, skipped: 0, deleted: 0 };
  const delta = new AggDelta();
  const tz = db.timeZone;
  // The analytic index's share of this write (renderer/db/analytics-log.ts).
  const facts: AppealFacts[] = [];
  const deleted: string[] = [];
  // The persisted search index's share (renderer/search/search-log.ts).
  const textChanged: string[] = [];

  // Last occurrence wins inside one batch.
  const latest = new Map<string, Appeal>();
  for (const a of changes) latest.set(a.id, a);
  const ids = [...latest.keys()];
  if (ids.length) {
    // Most pages are mostly new records: find the few that exist by range reads, then fetch those.
    const [found, tombs] = await Promise.all([
      existingKeys(db.appeals, ids, ':'),
      getExistingRows(db.tombstones, ids, (t) => t.id, ':'),
    ]);
    // Rows the existence check already read (spread ids) are not read again.
    const existing = found.rows;
    const unread = ids.filter((id) => found.present.has(id) && !existing.has(id));
    const unreadRows = unread.length ? await db.appeals.bulkGet(unread) : [];
    unread.forEach((id, i) => existing.set(id, unreadRows[i]!));
    const put: StoredAppeal[] = [];
    const revived: string[] = [];
    ids.forEach((id) => {
      const next = latest.get(id)!;
      const old = existing.get(id);
      const tomb = tombs.get(id);
      if (tomb && tomb.deletedAt >= next.updatedAt) {
        summary.skipped++;
        return;
      }
      if (old && old.updatedAt > next.updatedAt) {
        summary.skipped++;
        // Still present at the source: a full resync must not sweep it away.
        if (origin?.fullPass && old.fullPass !== origin.fullPass) put.push({ ...old, fullPass: origin.fullPass });
        return;
      }
      if (tomb) revived.push(id);
      const contribution = contributionOf(next, tz);
      if (old) {
        delta.add(contributionOf(old, tz), -1);
        summary.updated++;
      } else summary.inserted++;
      delta.add(contribution, 1);
      const stored = storedWith(next, contribution, origin);
      put.push(stored);
      facts.push(factsOf(next, isoToDayNumber(contribution.received.day)));
      if (indexedTextChanged(old, stored)) textChanged.push(id);
    });
    if (put.length) await db.appeals.bulkPut(put);
    if (revived.length) await db.tombstones.bulkDelete(revived);
  }

  const delIds = [...new Set(deletions)];
  if (delIds.length) {
    const existing = await db.appeals.bulkGet(delIds);
    const tombs: Tombstone[] = [];
    delIds.forEach((id, i) => {
      const old = existing[i];
      if (old) {
        delta.add(contributionOf(old, tz), -1);
        summary.deleted++;
        deleted.push(id);
      }
      tombs.push({ id, deletedAt, source: old?.source ?? id.split(':')[0] ?? '' });
    });
    await db.appeals.bulkDelete(delIds);
    await db.tombstones.bulkPut(tombs);
  }

  await flushAggDelta(db, delta);
  await appendAnalyticsLog(db, facts, deleted);
  await appendSearchLog(db, textChanged, deleted);
  return summary;
}

/**
 * Loading a snapshot into its own new database (renderer/viewer/install.ts), in two passes so the
 * overview and the wall work before every row is in: first the aggregates of the whole snapshot,
 * summed in memory (`sumLoadedAggregates`) and written once (`flushLoadedAggregates`), instead of
 * reading and rewriting the same aggregate rows for every batch; then the rows and their analytic
 * facts (`putLoadedRows`), idempotent so an interrupted load can resume. Only for a store that
 * receives nothing else: these rows add nothing to the aggregates.
 */
export function sumLoadedAggregates(appeals: readonly Appeal[], delta: AggDelta, timeZone: string): void {
  for (const appeal of appeals) delta.add(contributionOf(appeal, timeZone), 1);
}

/** The aggregates `sumLoadedAggregates` summed, in one transaction. */
export function flushLoadedAggregates(db: CurDatabase, delta: AggDelta): Promise<void> {
  return db.transaction('rw', appealWriteTables(db), () => flushAggDelta(db, delta));
}

/** A snapshot's rows and their analytic facts, after its aggregates (see `sumLoadedAggregates`). */
export async function putLoadedRows(db: CurDatabase, appeals: readonly Appeal[], origin: WriteOrigin): Promise<void> {
  const tz = db.timeZone;
  // A snapshot's personal data (when it carries any) rest sealed like a workstation's: to this
  // store's own key, which this window holds (renderer/personal-vault/seal-appeals.ts).
  const sealed = await sealForWrite(db, appeals);
  const put: StoredAppeal[] = [];
  const facts: AppealFacts[] = [];
  for (const appeal of sealed.appeals) {
    const contribution = contributionOf(appeal, tz);
    put.push(storedWith(appeal, contribution, origin));
    facts.push(factsOf(appeal, isoToDayNumber(contribution.received.day)));
  }
  await db.transaction('rw', [db.appeals, db.analyticsLog, db.vaultBatches, db.vault, db.searchLog], async () => {
    assertTextsPolicy(await db.vault.get('texts'), put);
    // A window may index the snapshot while it loads: the search index catches up from this log.
    await appendSearchLog(db, put.map((row) => row.id), []);
    if (sealed.batch) await db.vaultBatches.put(sealed.batch);
    await db.appeals.bulkPut(put);
    await appendAnalyticsLog(db, facts, []);
  });
}

/**
 * Personal data (and the texts, when the region's setting says they carry it) encrypted to the
 * workstation key, ready for `writeAppealChanges` (call outside a transaction). The setting is
 * read from the store here, so the sync worker, imports and the viewer follow the window's choice.
 */
export async function sealForWrite(db: CurDatabase, appeals: readonly Appeal[]): Promise<SealedChanges> {
  return sealAppealsForStore(db, appeals, await readTextsPolicy(db));
}

/**
 * Seals, then writes in one transaction; sealed to a key generation another window has just
 * replaced, it seals again once (see assertCurrentKey).
 */
export async function withSealed<T>(db: CurDatabase, appeals: readonly Appeal[], write: (sealed: SealedChanges) => Promise<T>): Promise<T> {
  try {
    return await write(await sealForWrite(db, appeals));
  } catch (error) {
    if (!(error instanceof VaultKeyChanged)) throw error;
    return write(await sealForWrite(db, appeals));
  }
}

export function upsertAppeals(db: CurDatabase, appeals: readonly Appeal[]): Promise<WriteSummary> {
  return withSealed(db, appeals, (sealed) => db.transaction('rw', appealWriteTables(db), () => writeAppealChanges(db, sealed, [], db.now())));
}

export function deleteAppeals(db: CurDatabase, ids: readonly string[], deletedAt = db.now()): Promise<WriteSummary> {
  return db.transaction('rw', appealWriteTables(db), () => writeAppealChanges(db, [], ids, deletedAt));
}

/**
 * Removes every appeal, tombstone and aggregate (tests, "start over" in the UI). Readers' caches
 * notice through the aggregate version: the gone floor moves past every cached version.
 */
export async function clearAppeals(db: CurDatabase): Promise<void> {
  await db.transaction('rw', [...appealWriteTables(db), db.syncState, db.analyticsChunks, db.searchMeta, db.searchSegments, db.searchPostings], async () => {
    const cleared = [db.appeals, db.tombstones, db.aggReceived, db.aggReceivedRollup, db.aggDeadline, db.aggTotals, db.aggCategory, db.analyticsLog, db.vaultBatches];
    // The persisted search index goes too: no meta row, so every window's builder starts over.
    await Promise.all([db.searchLog.clear(), db.searchMeta.clear(), db.searchSegments.clear(), db.searchPostings.clear()]);
    await Promise.all(cleared.map((t) => t.clear()));
    // The analytic index goes too: a fresh empty meta row tells every window to start over.
    await db.analyticsChunks.clear();
    await db.analyticsChunks.put(emptyAnalyticsMeta());
    await invalidateDeadlineCaches(db);
    // Checkpoints refer to data that is gone: the next pull starts from the beginning.
    await db.syncState.toCollection().modify({ checkpoint: null });
  });
}

/** One appeal, or undefined when it does not exist or lies outside the viewer's scope (runtime/access.ts). */
export async function getAppeal(db: CurDatabase, id: string): Promise<StoredAppeal | undefined> {
  const row = await db.appeals.get(id);
  return row && isInScope(effectiveScope(), row) ? row : undefined;
}

/** The appeals that exist and lie inside the viewer's scope. */
export async function getAppeals(db: CurDatabase, ids: readonly string[]): Promise<StoredAppeal[]> {
  const rows = await db.appeals.bulkGet([...ids]);
  const inScope = scopePredicate(effectiveScope());
  return rows.filter((r): r is StoredAppeal => r !== undefined && inScope(r.sector, r.muniKey));
}
