import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { SCHEMA_V1 } from './migrations';
import { openDb } from './db';
import { toStoredAppeal } from './appeals-repo';
import { readAggregates, recountAggregates } from './aggregate-recount';
import { queryDeadlines, queryReceived, queryReceivedBy, queryReceivedFrom } from './aggregate-queries';
import { queryCategoriesBy } from './category-queries';
import { makeAppeal, T0 } from './test-support';

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
    expect(db.verno).toBe(4);
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
});
