import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { upsertAppeals } from '../../db/appeals-repo';
import { queryDeadlines, queryOverdueAgeing } from '../../db/aggregate-queries';
import { appealArb, makeAppeal, T0 } from '../../../tests/support/store-appeal';
import type { CurDatabase } from '../../db/schema';
import { loadExecutorGroups, loadOverdueSummary, readOverduePage, type OverduePageQuery } from './queries';
import { AGEING_BUCKETS, type OverdueListKind } from './shape';
import { freshDb } from '../../../tests/support/fresh-db';

const DAY = 86_400_000;
async function readAll(db: CurDatabase, query: Omit<OverduePageQuery, 'after'>) {
  const ids: string[] = [];
  let after: OverduePageQuery['after'] = null;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await readOverduePage(db, { ...query, after });
    ids.push(...page.rows.map((r) => r.id));
    if (!page.next) break;
    after = page.next;
  }
  return ids;
}

describe('overdue lists over the openDueAt index', () => {
  it('pages through ties on one deadline without repeating or skipping rows', async () => {
    const db = freshDb();
    const due = T0 - 2 * DAY;
    await upsertAppeals(
      db,
      Array.from({ length: 7 }, (_, i) => makeAppeal({ externalId: String(i), deadline: { dueAt: due, originalDueAt: null, ruleId: 'r', ruleVersion: 1, explanation: '', hourBased: false } })),
    );
    const first = await readOverduePage(db, { kind: 'overdue', sector: null, now: T0, after: null, pageSize: 3 });
    expect(first.rows.map((r) => r.externalId)).toEqual(['0', '1', '2']);
    expect(first.next).toEqual({ dueAt: due, id: 'pos:2' });
    expect(await readAll(db, { kind: 'overdue', sector: null, now: T0, pageSize: 3 })).toEqual(
      ['0', '1', '2', '3', '4', '5', '6'].map((n) => `pos:${n}`),
    );
  });

  it('lists exactly the appeals the aggregates count, in deadline order, per list, sector and bucket', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(appealArb(40), { minLength: 0, maxLength: 40 }), async (appeals) => {
        const db = freshDb();
        await upsertAppeals(db, appeals);
        for (const sector of [null, 'roads']) {
          const filter = sector ? { sector } : {};
          const counts = await queryDeadlines(db, filter, T0);
          const ageing = await queryOverdueAgeing(db, filter, T0);
          const expected: Record<OverdueListKind, number> = {
            overdue: counts.overdue,
            'at-risk-24h': counts.atRisk24h,
            'at-risk-3wd': counts.atRisk3wd,
          };
          for (const kind of Object.keys(expected) as OverdueListKind[]) {
            const ids = await readAll(db, { kind, sector, now: T0, pageSize: 4 });
            expect(new Set(ids).size).toBe(ids.length);
            expect(ids.length).toBe(expected[kind]);
            const rows = await db.appeals.bulkGet(ids);
            const dues = rows.map((r) => r!.openDueAt!);
            expect([...dues].sort((a, b) => a - b)).toEqual(dues);
            if (sector) expect(rows.every((r) => r!.sector === sector)).toBe(true);
          }
          for (const bucket of AGEING_BUCKETS) {
            const ids = await readAll(db, { kind: 'overdue', bucket, sector, now: T0, pageSize: 5 });
            expect(ids.length).toBe(ageing[bucket]);
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});

describe('overdue summary and executors', () => {
  it('ranks organisations worst first and groups executors, unknown ones kept', async () => {
    const db = freshDb();
    const dl = (dueAt: number) => ({ dueAt, originalDueAt: null, ruleId: 'r', ruleVersion: 1, explanation: '', hourBased: false });
    await upsertAppeals(db, [
      makeAppeal({ externalId: '1', orgCurrent: 'Б', executor: 'Иванов', deadline: dl(T0 - DAY) }),
      makeAppeal({ externalId: '2', orgCurrent: 'А', executor: 'Петров', deadline: dl(T0 - 10 * DAY) }),
      makeAppeal({ externalId: '3', orgCurrent: 'А', executor: null, deadline: dl(T0 - 40 * DAY) }),
      makeAppeal({ externalId: '4', orgCurrent: null, municipality: null, executor: 'Иванов', deadline: dl(T0 + 3600_000) }),
      makeAppeal({ externalId: '5', orgCurrent: 'В', executor: 'Сидоров', deadline: dl(T0 + 30 * DAY) }),
      makeAppeal({ externalId: '6', orgCurrent: 'А', executor: 'Петров', status: 'answered', answeredAt: T0, deadline: dl(T0 - DAY) }),
    ]);
    const summary = await loadOverdueSummary(db, null, T0);
    expect(summary.counts).toMatchObject({ overdue: 3, atRisk24h: 1 });
    expect(summary.ageing).toEqual({ '1-3': 1, '4-7': 0, '8-30': 1, '30+': 1 });
    expect(summary.organisations.map((o) => [o.key, o.overdue])).toEqual([
      ['А', 2],
      ['Б', 1],
      [null, 0],
    ]);
    const executors = await loadExecutorGroups(db, null, T0);
    expect(executors.truncated).toBe(false);
    // One overdue each: the oldest deadline is the worst.
    expect(executors.rows.map((r) => [r.executor, r.overdue, r.atRisk])).toEqual([
      [null, 1, 0],
      ['Петров', 1, 0],
      ['Иванов', 1, 1],
    ]);
    const housingOnly = await loadOverdueSummary(db, 'roads', T0);
    expect(housingOnly.counts.open).toBe(0);
    expect(housingOnly.organisations).toEqual([]);
  });
});
