import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CurDatabase, StoredAppeal } from '../../db/schema';
import { type RegistryFilter, UNKNOWN_MUNICIPALITY } from '../../app/registry-filter';
import { SearchIndexBuilder } from '../../search/search-builder';
import { appealWriteTables, fromStoredAppeal, writeAppealChanges } from '../../db/appeals-repo';
import { countBounded, fetchRegistryPage, iterateRegistry, type RegistryCursor, type RegistryQueryContext } from './queries';
import { matchesFilter, planScan, resolveBounds } from './query-plan';
import { makeTestAppeals } from '../../../tests/support/registry-appeals';
import { freshDb } from '../../../tests/support/fresh-db';

const NOW = Date.parse('2025-11-18T09:00:00+03:00');
const TZ = 'Europe/Moscow';
let db: CurDatabase;
let all: StoredAppeal[];
let ctx: RegistryQueryContext;

beforeAll(async () => {
  db = freshDb();
  all = makeTestAppeals({ count: 1_500, seed: 7, now: NOW });
  await db.appeals.bulkPut(all);
  ctx = { db, now: NOW, timeZone: TZ, search: new SearchIndexBuilder(db) };
});

/** The truth: filter every row in memory, order as the chosen index orders (key, then id). */
function expected(filter: RegistryFilter): string[] {
  const bounds = resolveBounds(filter, NOW, TZ);
  const plan = planScan(filter, bounds);
  const rows = all.filter((r) => matchesFilter(r, filter, bounds));
  const key = (r: StoredAppeal) => (plan.index.includes('openDueAt') ? r.openDueAt : r.receivedAt);
  const inRange = rows.filter((r) => key(r) !== undefined);
  inRange.sort((a, b) => key(a)! - key(b)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (plan.direction === 'prev') inRange.reverse();
  return inRange.map((r) => r.id);
}

async function readAll(filter: RegistryFilter, pageSize: number, scanBudget: number): Promise<string[]> {
  const ids: string[] = [];
  let after: RegistryCursor | null = null;
  let guard = 0;
  do {
    const page = await fetchRegistryPage(ctx, filter, after, pageSize, scanBudget);
    expect(page.rows.length).toBeLessThanOrEqual(pageSize);
    ids.push(...page.rows.map((r) => r.id));
    after = page.next;
    expect(++guard).toBeLessThan(10_000);
  } while (after);
  return ids;
}

const filterArb: fc.Arbitrary<RegistryFilter> = fc.record(
  {
    from: fc.constantFrom('2025-10-01', '2025-11-01', '2025-11-15'),
    to: fc.constantFrom('2025-11-10', '2025-11-18'),
    source: fc.constantFrom('pos' as const, 'im' as const),
    sector: fc.constantFrom('housing', 'roads'),
    municipality: fc.constantFrom('kirov', UNKNOWN_MUNICIPALITY),
    organisation: fc.constantFrom('ООО «УК Уют»'),
    status: fc.constantFrom(['new' as const], ['answered' as const, 'closed' as const]),
    deadline: fc.constantFrom('overdue' as const, 'at-risk-24h' as const, 'at-risk-3wd' as const, 'open' as const, 'answered-late' as const),
    repeat: fc.boolean(),
    satisfaction: fc.constantFrom('satisfied' as const, 'unsatisfied' as const, 'rated' as const),
    sort: fc.constantFrom('received-desc' as const, 'received-asc' as const, 'due-asc' as const, 'due-desc' as const),
  },
  { requiredKeys: [] },
);

describe('registry paging by key range', () => {
  it('returns exactly the filtered rows, in index order, across pages of any size and scan budget', async () => {
    await fc.assert(
      fc.asyncProperty(filterArb, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 400 }), async (filter, pageSize, budget) => {
        expect(await readAll(filter, pageSize, budget)).toEqual(expected(filter));
      }),
      { numRuns: 60 },
    );
  });

  it('finds the overdue appeals, most overdue first', async () => {
    const ids = await readAll({ sector: 'housing', deadline: 'overdue', sort: 'due-asc' }, 7, 50);
    const rows = ids.map((id) => all.find((r) => r.id === id)!);
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      expect(r.sector).toBe('housing');
      expect(r.openDueAt).toBeLessThan(NOW);
    }
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.openDueAt!).toBeGreaterThanOrEqual(rows[i - 1]!.openDueAt!);
    expect(ids.length).toBe(all.filter((r) => r.sector === 'housing' && r.openDueAt !== undefined && r.openDueAt < NOW).length);
  });

  it('returns a short page when the scan budget runs out and continues from there', async () => {
    const page = await fetchRegistryPage(ctx, { organisation: 'nobody' }, null, 10, 100);
    expect(page.rows).toEqual([]);
    expect(page.scanned).toBe(100);
    expect(page.next).not.toBeNull();
  });

  it('iterates every matching row for exports, one page at a time', async () => {
    const filter: RegistryFilter = { sector: 'roads' };
    const ids: string[] = [];
    for await (const rows of iterateRegistry(ctx, filter, 50)) ids.push(...rows.map((r) => r.id));
    expect(ids).toEqual(expected(filter));
  });
});

describe('index choice', () => {
  const bounds = resolveBounds({}, NOW, TZ);
  it('orders by receipt through the narrowest compound index', () => {
    expect(planScan({}, bounds).index).toBe('receivedAt');
    expect(planScan({ sector: 'roads' }, bounds)).toMatchObject({ index: '[sector+receivedAt]', direction: 'prev' });
    expect(planScan({ sector: 'roads', municipality: 'kirov', sort: 'received-asc' }, bounds)).toMatchObject({
      index: '[muniKey+receivedAt]',
      direction: 'next',
      lower: ['kirov', -Infinity],
    });
    expect(planScan({ municipality: UNKNOWN_MUNICIPALITY }, bounds).lower).toEqual(['', -Infinity]);
    const period = resolveBounds({ from: '2025-11-01', to: '2025-11-10' }, NOW, TZ);
    expect(planScan({ from: '2025-11-01', to: '2025-11-10' }, period)).toMatchObject({
      index: 'receivedAt',
      lower: Date.parse('2025-11-01T00:00:00+03:00'),
      upper: Date.parse('2025-11-11T00:00:00+03:00'),
    });
  });

  it('reads overdue appeals below now on the open-deadline index', () => {
    expect(planScan({ deadline: 'overdue', sort: 'due-asc' }, bounds)).toMatchObject({ index: 'openDueAt', upper: NOW, direction: 'next' });
    const risk = planScan({ deadline: 'at-risk-24h', sort: 'due-asc' }, bounds);
    expect(risk).toMatchObject({ index: 'openDueAt', lower: NOW });
    // Within a sector or a municipality the sparse compound deadline index reads only those.
    expect(planScan({ sector: 'roads', deadline: 'overdue', sort: 'due-asc' }, bounds)).toMatchObject({
      index: '[sector+openDueAt]',
      lower: ['roads', -Infinity],
      upper: ['roads', NOW],
    });
    expect(planScan({ sector: 'roads', municipality: 'kirov', sort: 'due-desc' }, bounds)).toMatchObject({
      index: '[muniKey+openDueAt]',
      lower: ['kirov', -Infinity],
      upper: ['kirov', Infinity],
      direction: 'prev',
    });
  });
});

describe('text search in the registry', () => {
  it('finds Russian word forms and respects the other filters', async () => {
    const ids = await readAll({ q: 'протечка крыш' }, 25, 1_000);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set(all.filter((r) => r.text.includes('протечки крыши')).map((r) => r.id)));
    // «крыша» finds both «крыша» and «крыши».
    const roof = await readAll({ q: 'Крыша' }, 500, 5_000);
    expect(new Set(roof)).toEqual(new Set(all.filter((r) => /крыш[аи]/.test(r.text)).map((r) => r.id)));
    const roads = await readAll({ q: 'дорогах ям', sector: 'roads' }, 25, 1_000);
    expect(roads.length).toBeGreaterThan(0);
    for (const id of roads) {
      const r = all.find((a) => a.id === id)!;
      expect(r.sector).toBe('roads');
      // The index holds the text, category and address: the words may come from the category.
      expect(`${r.text} ${r.category}`.toLowerCase()).toMatch(/ям.*дорог/);
    }
  });
});

describe('bounded count', () => {
  it('counts exactly under the cap and stops at it', async () => {
    const filter: RegistryFilter = { sector: 'housing', repeat: true };
    expect(await countBounded(ctx, filter)).toEqual({ count: expected(filter).length, exact: true });
    expect(await countBounded(ctx, {}, 100)).toEqual({ count: 100, exact: false });
  });
});

describe('text search hits', () => {
  it('follows an appeal whose text changed, though the number of indexed appeals did not', async () => {
    const own = freshDb();
    const rows = makeTestAppeals({ count: 3, seed: 11, now: NOW });
    await own.appeals.bulkPut(rows);
    const search: RegistryQueryContext = { db: own, now: NOW, timeZone: TZ, search: new SearchIndexBuilder(own) };
    const ids = async () => (await fetchRegistryPage(search, { q: 'лифт' }, null)).rows.map((r) => r.id);
    expect(await ids()).toEqual([]);
    // Through the write path: the search index follows the texts it logs (renderer/search/search-log.ts).
    const edited = { ...fromStoredAppeal(rows[0]!), personal: null, text: 'Третий день не работает лифт', updatedAt: NOW + 3_600_000 };
    await own.transaction('rw', appealWriteTables(own), () => writeAppealChanges(own, [edited], [], NOW));
    expect(await ids()).toEqual([rows[0]!.id]);
  });
});
