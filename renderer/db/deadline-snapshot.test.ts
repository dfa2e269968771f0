import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from './db';
import { clearAppeals, deleteAppeals, upsertAppeals } from './appeals-repo';
import { queryDeadlines, queryDeadlinesBy, queryOverdueAgeing } from './aggregate-queries';
import { deadlineSnapshotSettled, dropDeadlineCache } from './deadline-cache';
import { DEADLINE_SNAPSHOT_KEY, decodeDeadlineSnapshot, encodeDeadlineSnapshot } from './deadline-snapshot';
import type { DeadlineRow } from './aggregate-model';
import type { CurDatabase } from './schema';
import { makeAppeal, T0 } from '../../tests/support/store-appeal';

const DAY = 86_400_000;
const dbs: CurDatabase[] = [];
let counter = 0;
function open(name: string): CurDatabase {
  const db = openDb(name);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  const [first] = dbs.splice(0);
  await first?.delete();
});

const due = (days: number, hourBased = false) => ({ dueAt: T0 + days * DAY, originalDueAt: null, ruleId: 'r', ruleVersion: 1, explanation: '', hourBased });
const SECTORS = ['housing', 'roads', 'health'];

function appeals(from: number, count: number) {
  return Array.from({ length: count }, (_, i) =>
    makeAppeal({ externalId: String(from + i), sector: SECTORS[(from + i) % 3]!, deadline: due(((from + i) % 41) - 20 + ((from + i) % 7) / 7, (from + i) % 5 === 0) }),
  );
}

/** What a window answers that reads every aggregate row (the old first read). */
async function fromAggregateRows(name: string) {
  const db = open(name);
  await db.aggDeadlineSnapshot.clear();
  dropDeadlineCache(db);
  return answers(db);
}

async function answers(db: CurDatabase) {
  return {
    counts: await queryDeadlines(db, {}, T0),
    ageing: await queryOverdueAgeing(db, {}, T0),
    bySector: [...(await queryDeadlinesBy(db, {}, T0, 'sector'))].sort(),
  };
}

describe('deadline aggregate snapshot', () => {
  it('a new window reads the persisted copy and catches up on the rows changed since, not every row', async () => {
    const name = `deadline-snapshot-${++counter}`;
    const writer = open(name);
    await upsertAppeals(writer, appeals(0, 300));
    const first = open(name);
    await queryDeadlines(first, {}, T0);
    await deadlineSnapshotSettled(first);
    const saved = (await writer.aggDeadlineSnapshot.get(DEADLINE_SNAPSHOT_KEY))!;
    expect(saved.keys.length).toBeGreaterThan(100);

    // Changes after the copy: new, re-dated and deleted appeals.
    await upsertAppeals(writer, appeals(300, 20));
    await upsertAppeals(writer, [makeAppeal({ externalId: '5', sector: 'roads', deadline: due(3), updatedAt: T0 + DAY })]);
    await deleteAppeals(writer, ['pos:7', 'pos:8'], T0 + DAY);
    const changedRows = await writer.aggDeadline.where('v').above(saved.version).count();

    const fresh = open(name);
    let rowsRead = 0;
    const count = (row: DeadlineRow) => {
      rowsRead++;
      return row;
    };
    fresh.aggDeadline.hook('reading', count);
    const answer = await answers(fresh);
    fresh.aggDeadline.hook('reading').unsubscribe(count);
    expect(rowsRead).toBeLessThanOrEqual(changedRows + 50);
    expect(answer).toEqual(await fromAggregateRows(name));
    expect(answer.counts.open).toBe(318);
  });

  it('ignores a copy the change index can no longer catch up from (a cleared store)', async () => {
    const name = `deadline-snapshot-${++counter}`;
    const writer = open(name);
    await upsertAppeals(writer, appeals(0, 50));
    const first = open(name);
    expect((await queryDeadlines(first, {}, T0)).open).toBe(50);
    await deadlineSnapshotSettled(first);
    await clearAppeals(writer);
    await upsertAppeals(writer, appeals(100, 3));
    const fresh = open(name);
    expect((await queryDeadlines(fresh, {}, T0)).open).toBe(3);
    expect(await answers(fresh)).toEqual(await fromAggregateRows(name));
  });

  it('decodes to the rows it encoded', () => {
    const row = fc.record({
      sector: fc.constantFrom('housing', 'roads', ''),
      muni: fc.constantFrom('kirov', 'slobodskoy', ''),
      source: fc.constantFrom('pos', 'im'),
      org: fc.string({ maxLength: 4 }),
      hour: fc.option(fc.integer({ min: 400_000, max: 600_000 }), { nil: null }),
      hb: fc.constantFrom(0 as const, 1 as const),
      n: fc.integer({ min: 1, max: 1_000 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(row, { maxLength: 30, selector: (r) => JSON.stringify(r) }), fc.nat(1_000), (rows, version) => {
        const full: DeadlineRow[] = rows.map((r) => ({ ...r, key: JSON.stringify(r), v: version }));
        const decoded = decodeDeadlineSnapshot(encodeDeadlineSnapshot(version, full));
        expect([...decoded.values()]).toEqual(full);
      }),
      { numRuns: 50 },
    );
  });
});
