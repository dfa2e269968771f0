/**
 * Schema versions. Each version lists the full store layout; an upgrade function moves existing
 * data forward inside Dexie's version-change transaction, so an older database opens without loss.
 */
import type { Transaction } from 'dexie';
import { DEFAULT_SECTOR_MAPPING, mapSector } from '../../shared/domain/mapping';
import { currentAuditAction, LEGACY_AUDIT_ACTIONS } from '../../shared/audit/events';
import type { StoredAppeal } from './schema';
import { AggDelta, addPacked, contributionOf, emptyPacked, openDueAtOf, rollupKey, type ReceivedRow, type RollupRow } from './aggregate-model';
import { flushAggDelta, invalidateDeadlineCaches, type AggTables } from './aggregate-store';

export const SCHEMA_V1 = {
  appeals:
    'id, updatedAt, receivedAt, openDueAt, status, sector, muniKey, orgCurrent, [sector+status], [muniKey+receivedAt], [sector+receivedAt], repeatFlag',
  tombstones: 'id, deletedAt',
  reference: 'key, kind',
  syncState: 'sourceId',
  audit: '++id, at, action',
  settings: 'key',
  escalations: 'id, appealId, status, createdAt',
  infoRequests: 'id, appealId, status, createdAt',
} as const;

export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  aggReceived: 'key',
  aggDeadline: 'key, v',
  aggGone: 'key, v',
  aggTotals: 'source',
  aggMeta: 'key',
} as const;

export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  aggCategory: 'key',
} as const;

export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  // The v3 registry index on repeats' originals (declared on top of SCHEMA_V3 in schema.ts).
  appeals: `${SCHEMA_V3.appeals}, originalId`,
  aggReceivedRollup: 'key',
} as const;

/**
 * v5: the appeals table keeps only the indexes a query reads (every index costs write time; see
 * the schema's header). Dropped: status, sector, muniKey, orgCurrent, [sector+status], repeatFlag:
 * counts come from the aggregates, the registry pages by receivedAt / openDueAt / the two compound
 * receivedAt indexes and checks the rest per row. Added: the sparse multi-entry `*qualityFlags`
 * (only flagged rows have entries), which finds the records a new value mapping applies to.
 * The browser builds the new index and drops the old ones itself. The deadline deletion log
 * (`aggGone`) is dropped: from v5 a deadline row that reaches zero stays as a zero row instead.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  appeals: 'id, updatedAt, receivedAt, openDueAt, [muniKey+receivedAt], [sector+receivedAt], originalId, *qualityFlags',
  // Deadline rows that reach zero stay as zero rows for readers' caches: the deletion log goes.
  aggGone: null,
} as const;

/**
 * v6: open appeals by deadline within a municipality or a sector, for the registry's and the
 * overdue screen's "most overdue first" lists. Sparse like `openDueAt` (finished appeals have no
 * `openDueAt`, so no entry): a few percent of the rows, so the write cost is small.
 */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  appeals: `${SCHEMA_V5.appeals}, [sector+openDueAt], [muniKey+openDueAt]`,
} as const;

function aggTablesOf(tx: Transaction): AggTables {
  return {
    aggReceived: tx.table('aggReceived'),
    aggDeadline: tx.table('aggDeadline'),
    aggTotals: tx.table('aggTotals'),
    aggMeta: tx.table('aggMeta'),
  };
}

async function deltaOfAll(tx: Transaction, timeZone: string): Promise<AggDelta> {
  const delta = new AggDelta();
  await tx
    .table<StoredAppeal, string>('appeals')
    .each((appeal) => delta.add(contributionOf(appeal, timeZone), 1));
  return delta;
}

/** v1 → v2: builds the aggregates from the appeals already stored. */
export async function upgradeToV2(tx: Transaction, timeZone: string): Promise<void> {
  await flushAggDelta(aggTablesOf(tx), await deltaOfAll(tx, timeZone));
}

/** v2 → v3: builds the category aggregate (only it: the others exist since v2). */
export async function upgradeToV3(tx: Transaction, timeZone: string): Promise<void> {
  const delta = await deltaOfAll(tx, timeZone);
  delta.received.clear();
  delta.rollup.clear();
  delta.deadline.clear();
  delta.totals.clear();
  await flushAggDelta({ ...aggTablesOf(tx), aggCategory: tx.table('aggCategory') }, delta);
}

/**
 * v3 → v4: builds the received rollup (day × sector × source) by summing the received rows already
 * stored, which hold exactly the same counters per finer key: no pass over the appeals is needed.
 */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  const rollup = new Map<string, RollupRow>();
  await tx.table<ReceivedRow, string>('aggReceived').each((row) => {
    const key = rollupKey(row.day, row.sector, row.source);
    let r = rollup.get(key);
    if (!r) {
      r = { key, day: row.day, sector: row.sector, source: row.source, c: emptyPacked() };
      rollup.set(key, r);
    }
    addPacked(r.c, row.c);
  });
  await tx.table<RollupRow, string>('aggReceivedRollup').bulkPut([...rollup.values()]);
}

/** v7: the same stores; stored audit rows take the one `domain.verb` naming of shared/audit/events.ts. */
export const SCHEMA_V7 = {} as const;

/** v6 → v7: renames the audit rows written under the older action names (details stay as written). */
export async function upgradeToV7(tx: Transaction): Promise<void> {
  await tx
    .table<{ action: string }, number>('audit')
    .where('action')
    .anyOf(Object.keys(LEGACY_AUDIT_ACTIONS))
    .modify((row) => {
      row.action = currentAuditAction(row.action);
    });
}

/**
 * v8 (domain rules, issue #12; v7 is left to the audit rows): a postponed appeal is held only to its
 * new date, an approved postponement (`extended`) counts as postponed, and the received counters
 * gain `answeredOnMerits` (appended to the packed layout), and a category that names a block maps
 * to it by default (records flagged «needs mapping» are mapped again). The stores keep their layout; what
 * changes is what a stored row contributes. Every row's `openDueAt` is recomputed and every
 * aggregate rebuilt from the rows, so an older store counts by the new rules at once.
 */
/** No store changes: declaring none keeps whatever the versions before it (the audit's v7 included) set. */
export const SCHEMA_V8 = {} as const;

export async function upgradeToV8(tx: Transaction, timeZone: string): Promise<void> {
  const appeals = tx.table<StoredAppeal, string>('appeals');
  // Records left in «Прочее» whose category names a block («Транспорт», «ТКО», …) take the block now;
  // the sparse flag index finds exactly them. A record that still maps nowhere keeps its flag.
  await appeals
    .where('qualityFlags')
    .equals('unmapped-sector')
    .modify((row) => {
      const mapped = mapSector(DEFAULT_SECTOR_MAPPING, { source: row.source, category: row.category, subcategory: row.subcategory });
      if (!mapped.mapped) return;
      row.sector = mapped.sector;
      row.sectorMapped = true;
      row.qualityFlags = row.qualityFlags.filter((f) => f !== 'unmapped-sector');
    });
  await appeals.toCollection().modify((row) => {
    const due = openDueAtOf(row);
    if (due === row.openDueAt) return;
    if (due === undefined) delete row.openDueAt;
    else row.openDueAt = due;
  });
  const delta = await deltaOfAll(tx, timeZone);
  const tables = { ...aggTablesOf(tx), aggCategory: tx.table('aggCategory'), aggReceivedRollup: tx.table('aggReceivedRollup') };
  await Promise.all([tables.aggReceived, tables.aggDeadline, tables.aggTotals, tables.aggCategory, tables.aggReceivedRollup].map((t) => t.clear()));
  await invalidateDeadlineCaches(tables);
  await flushAggDelta(tables, delta);
}
