import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CurDatabase, type StoredAppeal } from '../../db/schema';
import { NONE_VALUE, type RegistryFilter, UNKNOWN_MUNICIPALITY } from '../../app/registry-filter';
import { SearchIndexBuilder } from '../../search/search-builder';
import { AnalyticsEngine } from '../../analytics-engine/engine';
import { countRegistry, fetchRegistryPage, type RegistryCursor, type RegistryQueryContext } from './queries';
import { matchesFilter, resolveBounds, effectiveSort } from './query-plan';
import { makeTestAppeals } from '../../../tests/support/registry-appeals';

const NOW = Date.parse('2025-11-18T09:00:00+03:00');
const TZ = 'Europe/Moscow';
let db: CurDatabase;
let all: StoredAppeal[];
let ctx: RegistryQueryContext;

beforeAll(async () => {
  db = new CurDatabase(`registry-engine-test-${Math.random()}`);
  // The registry's own test rows, with the fields only the engine can filter on varied.
  all = makeTestAppeals({ count: 1_200, seed: 11, now: NOW }).map((a, i) => ({
    ...a,
    outcome: (['resolved', 'unresolved', null] as const)[i % 3]!,
    reaction: (['satisfied', 'dissatisfied', null] as const)[i % 5 === 0 ? 0 : i % 5 === 1 ? 1 : 2]!,
    importance: i % 4 === 0 ? 'high' : null,
    executor: i % 7 === 0 ? null : `Исполнитель ${i % 13}`,
    fastTrack: i % 6 === 0,
    category: i % 11 === 0 ? null : a.category,
  }));
  await db.appeals.bulkPut(all);
  ctx = { db, now: NOW, timeZone: TZ, search: new SearchIndexBuilder(db), engine: new AnalyticsEngine(db, () => NOW) };
});

afterAll(async () => {
  db.close();
  await db.delete();
});

const filterArb: fc.Arbitrary<RegistryFilter> = fc.record(
  {
    from: fc.constantFrom('2025-10-01', '2025-11-01', '2025-11-15'),
    to: fc.constantFrom('2025-11-10', '2025-11-18'),
    source: fc.constantFrom('pos' as const, 'im' as const),
    sector: fc.constantFrom('housing', 'roads'),
    municipality: fc.constantFrom('kirov', UNKNOWN_MUNICIPALITY),
    status: fc.constantFrom(['new' as const], ['answered' as const, 'closed' as const]),
    deadline: fc.constantFrom('overdue' as const, 'at-risk-24h' as const, 'at-risk-3wd' as const, 'in-time' as const, 'open' as const, 'answered-on-time' as const, 'no-deadline' as const),
    repeat: fc.boolean(),
    answered: fc.boolean(),
    satisfaction: fc.constantFrom('satisfied' as const, 'unsatisfied' as const, 'unrated' as const),
    outcome: fc.constantFrom('resolved', NONE_VALUE),
    reaction: fc.constantFrom('dissatisfied', NONE_VALUE),
    importance: fc.constantFrom('high', NONE_VALUE),
    executor: fc.constantFrom('Исполнитель 3', NONE_VALUE),
    fastTrack: fc.boolean(),
    rating: fc.integer({ min: 0, max: 5 }),
    sort: fc.constantFrom('received-desc' as const, 'received-asc' as const, 'due-asc' as const, 'due-desc' as const),
    among: fc.record({ municipality: fc.subarray(['kirov', UNKNOWN_MUNICIPALITY, 'nowhere']), executor: fc.subarray(['Исполнитель 3', NONE_VALUE]) }, { requiredKeys: [] }),
    except: fc.record({ category: fc.subarray(['Прочее', NONE_VALUE, 'Отопление']), organisation: fc.subarray([NONE_VALUE, 'ООО «УК Уют»']) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

/** The truth: every row through the registry's row predicate, in the order its indexes give. */
function expected(filter: RegistryFilter): string[] {
  const bounds = resolveBounds(filter, NOW, TZ);
  const byDue = effectiveSort(filter).startsWith('due');
  const key = (r: StoredAppeal) => (byDue ? r.openDueAt : r.receivedAt);
  const rows = all.filter((r) => matchesFilter(r, filter, bounds) && key(r) !== undefined);
  rows.sort((a, b) => key(a)! - key(b)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (effectiveSort(filter).endsWith('desc')) rows.reverse();
  return rows.map((r) => r.id);
}

async function readAll(filter: RegistryFilter, pageSize: number): Promise<string[]> {
  const ids: string[] = [];
  let after: RegistryCursor | null = null;
  let guard = 0;
  do {
    const page = await fetchRegistryPage(ctx, filter, after, pageSize);
    expect(page.rows.length).toBeLessThanOrEqual(pageSize);
    ids.push(...page.rows.map((r) => r.id));
    after = page.next;
    expect(++guard).toBeLessThan(2_000);
  } while (after);
  return ids;
}

describe('registry pages and counts from the analytic engine', () => {
  it('pages exactly the rows the row predicate accepts, in index order, and counts them', async () => {
    await fc.assert(
      fc.asyncProperty(filterArb, fc.constantFrom(1, 7, 200), async (filter, pageSize) => {
        const truth = expected(filter);
        expect(await readAll(filter, pageSize)).toEqual(truth);
        const count = await countRegistry(ctx, filter);
        expect(count.exact).toBe(true);
        // Deadline orders list open appeals with a deadline only; the count is of every match.
        const bounds = resolveBounds(filter, NOW, TZ);
        expect(count.count).toBe(all.filter((r) => matchesFilter(r, filter, bounds)).length);
      }),
      { numRuns: 150 },
    );
  });

  it('a first page of a filter no index covers stays one page', async () => {
    const page = await fetchRegistryPage(ctx, { status: ['new'], repeat: true }, null, 5);
    expect(page.rows.length).toBeLessThanOrEqual(5);
    expect(page.next?.kind).toBe('engine');
  });
});
