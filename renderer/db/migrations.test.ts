import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, upgradeToV2, upgradeToV3, upgradeToV4 } from './migrations';
import { openDb } from './db';
import { toStoredAppeal } from './appeals-repo';
import type { StoredAppeal } from './schema';
import { AggDelta, contributionOf } from './aggregate-model';
import { flushAggDelta } from './aggregate-store';
import { readAggregates, recountAggregates } from '../../tests/support/aggregate-recount';
import { queryDeadlines, queryReceived, queryReceivedBy, queryReceivedFrom } from './aggregate-queries';
import { queryCategoriesBy } from './category-queries';
import { makeAppeal, T0 } from '../../tests/support/store-appeal';

/** The schema version every upgrade below must end at. */
const LATEST_VERSION = 19;

/** An empty store as version 6 of the schema declared it, to fill with rows of that time. */
async function openVersion6Store(name: string, tz: string): Promise<Dexie> {
  const v6 = new Dexie(name);
  v6.version(1).stores(SCHEMA_V1);
  v6.version(2).stores(SCHEMA_V2).upgrade((tx) => upgradeToV2(tx, tz));
  v6.version(3).stores({ ...SCHEMA_V3, appeals: `${SCHEMA_V3.appeals}, originalId` }).upgrade((tx) => upgradeToV3(tx, tz));
  v6.version(4).stores(SCHEMA_V4).upgrade((tx) => upgradeToV4(tx));
  v6.version(5).stores(SCHEMA_V5);
  v6.version(6).stores(SCHEMA_V6);
  await v6.open();
  return v6;
}

describe('schema migrations', () => {
  it('opens a version 1 database with data and upgrades it without loss, building the aggregates', async () => {
    const name = 'migration-v1';
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    const appeals = [
      makeAppeal({ externalId: '1', category: 'Водоснабжение' }),
      makeAppeal({ externalId: '2', status: 'answered', answeredAt: T0 + 3_600_000, rating: 5 }),
      makeAppeal({ externalId: '3', deadline: { dueAt: T0 - 86_400_000, originalDueAt: null, ruleId: 'r', ruleVersion: 1, explanation: '', hourBased: false } }),
    ].map((a) => toStoredAppeal(a, 'Europe/Moscow'));
    await v1.table('appeals').bulkPut(appeals);
    await v1.table('settings').put({ key: 'sync.intervalMin', value: 7 });
    await v1.table('audit').add({ at: T0, action: 'import', user: 'operator', details: { file: 'a.xlsx' } });
    v1.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await db.appeals.toArray()).toEqual(appeals);
    expect(await db.settings.get('sync.intervalMin')).toEqual({ key: 'sync.intervalMin', value: 7 });
    expect(await db.audit.count()).toBe(1);
    const aggs = await readAggregates(db);
    const recount = await recountAggregates(db);
    expect([...aggs.deadline].sort()).toEqual([...recount.deadline].sort());
    expect([...aggs.received.keys()].sort()).toEqual([...recount.received.keys()].sort());
    // v4 sums the received rows into the day × sector × source rollup.
    expect([...aggs.rollup].sort()).toEqual([...recount.rollup].sort());
    expect(aggs.rollup.size).toBe(1);
    const day = { from: '2025-11-18', to: '2025-11-18' };
    expect(await queryReceivedBy(db, day, {}, 'sector')).toEqual(await queryReceivedFrom(db, day, {}, 'sector', 'detailed'));
    expect(await queryReceived(db, { from: '2025-11-18', to: '2025-11-18' })).toMatchObject({ received: 3, answered: 1, rated: 1 });
    expect(await queryDeadlines(db, {}, T0)).toMatchObject({ open: 2, overdue: 1 });
    expect([...aggs.category]).toEqual([...recount.category]);
    expect(await queryCategoriesBy(db, { from: '2025-11-18', to: '2025-11-18' }, null)).toEqual(new Map([['housing', new Map([['Водоснабжение', 1]])]]));
    await db.delete();
  });

  it('upgrades a version 3 store (aggregates, no rollup) by summing its received rows into the rollup', async () => {
    const name = 'migration-v3';
    const tz = 'Europe/Moscow';
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2).upgrade((tx) => upgradeToV2(tx, tz));
    v3.version(3).stores({ ...SCHEMA_V3, appeals: `${SCHEMA_V3.appeals}, originalId` }).upgrade((tx) => upgradeToV3(tx, tz));
    await v3.open();
    // Several municipalities and organisations per day × sector × source, over two days.
    const appeals = [
      makeAppeal({ externalId: '1', municipality: 'm1', orgCurrent: 'org-a', rating: 4 }),
      makeAppeal({ externalId: '2', municipality: 'm2', orgCurrent: 'org-b', status: 'answered', answeredAt: T0 + 7_200_000 }),
      makeAppeal({ externalId: '3', municipality: null, orgCurrent: null, sector: 'roads' }),
      makeAppeal({ source: 'im', externalId: '4', municipality: 'm1', receivedAt: T0 + 86_400_000 }),
    ].map((a) => toStoredAppeal(a, tz));
    await v3.table('appeals').bulkPut(appeals);
    // The v3 write path: received rows built from the appeals, as the store held them.
    const delta = new AggDelta();
    for (const a of appeals) delta.add(contributionOf(a, tz), 1);
    await v3.transaction('rw', ['aggReceived', 'aggDeadline', 'aggGone', 'aggTotals', 'aggMeta', 'aggCategory'], () =>
      flushAggDelta(
        {
          aggReceived: v3.table('aggReceived'),
          aggDeadline: v3.table('aggDeadline'),
          aggTotals: v3.table('aggTotals'),
          aggMeta: v3.table('aggMeta'),
          aggCategory: v3.table('aggCategory'),
        },
        delta,
      ),
    );
    expect(await v3.table('aggReceived').count()).toBe(4);
    v3.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await db.appeals.toArray()).toEqual([...appeals].sort((a, b) => a.id.localeCompare(b.id)));
    const aggs = await readAggregates(db);
    const recount = await recountAggregates(db);
    expect([...aggs.rollup].sort()).toEqual([...recount.rollup].sort());
    expect(aggs.rollup.size).toBe(3);
    const period = { from: '2025-11-18', to: '2025-11-19' };
    for (const dim of ['sector', 'source', 'day'] as const) {
      expect(await queryReceivedFrom(db, period, {}, dim, 'rollup')).toEqual(await queryReceivedFrom(db, period, {}, dim, 'detailed'));
    }
    expect(await queryReceived(db, period)).toMatchObject({ received: 4, answered: 1, rated: 1 });
    await db.delete();
  });

  it('upgrades a version 4 store to the lean v5/v6 appeal indexes without touching the data', async () => {
    const name = 'migration-v4';
    const tz = 'Europe/Moscow';
    const v4 = new Dexie(name);
    v4.version(1).stores(SCHEMA_V1);
    v4.version(2).stores(SCHEMA_V2).upgrade((tx) => upgradeToV2(tx, tz));
    v4.version(3).stores({ ...SCHEMA_V3, appeals: `${SCHEMA_V3.appeals}, originalId` }).upgrade((tx) => upgradeToV3(tx, tz));
    v4.version(4).stores(SCHEMA_V4).upgrade((tx) => upgradeToV4(tx));
    await v4.open();
    // v4 rows carried the retired repeat index helper.
    const appeals = [
      makeAppeal({ externalId: '1', qualityFlags: ['unknown-status', 'unmapped-sector'], status: 'other', sector: 'other' }),
      makeAppeal({ externalId: '2', isRepeat: true, municipality: 'm1' }),
      makeAppeal({ externalId: '3', qualityFlags: ['unknown-municipality'], municipality: null }),
    ].map((a) => ({ ...toStoredAppeal(a, tz), repeatFlag: a.isRepeat ? 1 : 0 }));
    await v4.table('appeals').bulkPut(appeals);
    v4.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await db.appeals.toArray()).toEqual(appeals);
    const indexes = db.appeals.schema.indexes.map((i) => i.name).sort();
    expect(indexes).toEqual([
      '[muniKey+openDueAt]',
      '[muniKey+receivedAt]',
      '[sector+openDueAt]',
      '[sector+receivedAt]',
      'openDueAt',
      'originalId',
      'qualityFlags',
      'receivedAt',
      'updatedAt',
    ]);
    // The deadline deletion log is gone: zero rows replace it.
    expect(db.tables.map((t) => t.name)).not.toContain('aggGone');
    // The browser built the sparse quality index from the rows already stored.
    expect(await db.appeals.where('qualityFlags').equals('unknown-status').primaryKeys()).toEqual(['pos:1']);
    expect(await db.appeals.where('qualityFlags').equals('unknown-municipality').primaryKeys()).toEqual(['pos:3']);
    expect(await db.appeals.where('qualityFlags').equals('unmapped-sector').count()).toBe(1);
    await db.delete();
  });

  it('upgrades a version 6 store to the v8 postponement rules: openDueAt and the aggregates recounted', async () => {
    const name = 'migration-v6';
    const tz = 'Europe/Moscow';
    const v6 = await openVersion6Store(name, tz);
    const ruleDeadline = { dueAt: T0 - 86_400_000, originalDueAt: null, ruleId: 'fz59', ruleVersion: 1, explanation: '', hourBased: false };
    const postponed = makeAppeal({ externalId: '1', status: 'postponed', statusRaw: 'Отложено', deadline: ruleDeadline });
    const extended = makeAppeal({ externalId: '2', status: 'extended', statusRaw: 'Срок продлен', deadline: ruleDeadline });
    const overdue = makeAppeal({ externalId: '3', status: 'assigned', deadline: ruleDeadline });
    const resolved = makeAppeal({ externalId: '4', status: 'answered', outcome: 'resolved', answeredAt: T0 - 3_600_000 });
    const rejected = makeAppeal({ externalId: '5', status: 'rejected', answeredAt: T0 - 3_600_000 });
    // As v6 stored them: every open row held to its deadline, whatever its status.
    const rows: StoredAppeal[] = [postponed, extended, overdue].map((a) => ({ ...toStoredAppeal(a, tz), openDueAt: ruleDeadline.dueAt }));
    rows.push(...[resolved, rejected].map((a) => toStoredAppeal(a, tz)));
    // Left in «Прочее» by the v1 mapping: a block's own name, and a category no block names.
    const unmapped = { sector: 'other', sectorMapped: false, qualityFlags: ['unmapped-sector'] };
    rows.push(toStoredAppeal(makeAppeal({ externalId: '6', category: 'Транспорт', ...unmapped }), tz));
    rows.push(toStoredAppeal(makeAppeal({ externalId: '7', category: 'Военная служба', ...unmapped }), tz));
    await v6.table('appeals').bulkPut(rows);
    const oldDelta = new AggDelta();
    for (const a of [overdue]) oldDelta.add(contributionOf(a, tz), 1);
    await flushAggDelta({ aggReceived: v6.table('aggReceived'), aggDeadline: v6.table('aggDeadline'), aggTotals: v6.table('aggTotals'), aggMeta: v6.table('aggMeta') }, oldDelta);
    v6.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect((await db.appeals.get('pos:1'))?.openDueAt).toBeUndefined();
    expect((await db.appeals.get('pos:2'))?.openDueAt).toBeUndefined();
    expect((await db.appeals.get('pos:3'))?.openDueAt).toBe(ruleDeadline.dueAt);
    expect(await db.appeals.get('pos:6')).toMatchObject({ sector: 'transport', sectorMapped: true, qualityFlags: [] });
    expect(await db.appeals.get('pos:7')).toMatchObject({ sector: 'other', sectorMapped: false, qualityFlags: ['unmapped-sector'] });
    expect(await db.appeals.where('qualityFlags').equals('unmapped-sector').primaryKeys()).toEqual(['pos:7']);
    const recount = await recountAggregates(db);
    const stored = await readAggregates(db);
    expect([...stored.deadline].sort()).toEqual([...recount.deadline].sort());
    expect([...stored.received.keys()].sort()).toEqual([...recount.received.keys()].sort());
    // The packed counters gained `answeredOnMerits`: every row was rebuilt in the new layout.
    expect(await queryReceived(db, { from: '2020-01-01', to: '2030-12-31' })).toMatchObject({ received: 7, postponed: 2, answered: 2, answeredOnMerits: 1, rejected: 1, unmappedSector: 1 });
    expect(await queryDeadlines(db, {}, T0)).toMatchObject({ open: 5, overdue: 1 });
    await db.delete();
  });

  it('renames the audit rows of a version 6 store to the domain.verb actions, details and order kept', async () => {
    const name = 'migration-v6-audit';
    const tz = 'Europe/Moscow';
    const v6 = await openVersion6Store(name, tz);
    const old = [
      { at: T0, action: 'registry.export', user: 'operator', details: { format: 'xlsx', rows: 3 } },
      { at: T0 + 1, action: 'export:escalations', user: 'operator', details: { format: 'csv', rows: 2 } },
      { at: T0 + 2, action: 'escalation:create', user: 'operator', details: { appealId: 'pos:1', assignee: 'Петров' } },
      { at: T0 + 3, action: 'import', user: 'operator', details: { fileName: 'a.xlsx', rowsRead: 10 } },
      { at: T0 + 4, action: 'import-failed', user: 'operator', details: { fileName: 'b.xlsx', reason: 'Файл пустой.' } },
      { at: T0 + 5, action: 'appeal.personal-data.show', user: 'operator', details: { appealId: 'pos:1' } },
      { at: T0 + 6, action: 'wall:boundaries-removed', user: 'operator', details: { packId: 'kirov' } },
      { at: T0 + 7, action: 'sync.full-resync-removed', user: 'operator', details: { sourceId: 'pos', removed: 7 } },
      // A name this version does not know (written by a newer one) stays as it is.
      { at: T0 + 8, action: 'future.thing', user: 'operator', details: {} },
    ];
    await v6.table('audit').bulkAdd(old);
    v6.close();

    const db = openDb(name);
    await db.open();
    const rows = await db.audit.orderBy('id').toArray();
    expect(rows.map((r) => r.action)).toEqual([
      'registry.export',
      'escalation.export',
      'escalation.create',
      'import.complete',
      'import.fail',
      'personal-data.reveal',
      'boundaries.remove',
      'sync.prune',
      'future.thing',
    ]);
    expect(rows.map(({ at, user, details }) => ({ at, user, details }))).toEqual(old.map(({ at, user, details }) => ({ at, user, details })));
    // The index follows: the activity log's kind filter finds renamed rows.
    expect(await db.audit.where('action').equals('escalation.create').count()).toBe(1);
    expect(await db.audit.where('action').equals('escalation:create').count()).toBe(0);
    await db.delete();
  });
});
