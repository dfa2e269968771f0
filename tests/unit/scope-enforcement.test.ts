/**
 * A user scoped to some sectors and/or municipalities: no appeal outside the scope reaches any
 * result — registry pages (index scan, columnar index, search hits), the export iterator, counts,
 * the aggregates every screen and report reads, single-appeal reads, overdue lists and the columnar
 * index analytics read. Random scopes × random filters over one store written through the real write
 * path, each result compared with an oracle over the stored rows.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isInScope, UNRESTRICTED, type AccessScope } from '../../shared/access/scope';
import { FLAG } from '../../shared/analytics/facts';
import type { Appeal } from '../../shared/domain/appeal';
import { AnalyticsEngine } from '../../renderer/analytics-engine/engine';
import type { RegistryFilter } from '../../renderer/app/registry-filter';
import { queryDeadlines, queryReceived, type AggFilter } from '../../renderer/db/aggregate-queries';
import { getAppeal, getAppeals, upsertAppeals } from '../../renderer/db/appeals-repo';
import type { CurDatabase, StoredAppeal } from '../../renderer/db/schema';
import { readOverduePage } from '../../renderer/features/overdue/queries';
import { countRegistry, iterateRegistry, type RegistryQueryContext } from '../../renderer/features/registry/queries';
import { matchesFilter, resolveBounds } from '../../renderer/features/registry/query-plan';
import { setViewerScope } from '../../renderer/runtime/access';
import { SearchIndexBuilder } from '../../renderer/search/search-builder';
import { freshDb } from '../support/fresh-db';
import { rng } from '../support/prng';
import { makeAppeal, T0 } from '../support/store-appeal';

const TZ = 'Europe/Moscow';
const NOW = T0;
const SECTORS = ['housing', 'roads', 'health', 'other'];
const MUNIS = ['m1', 'm2', 'm3'];
const HOUR = 3_600_000;

let db: CurDatabase;
let stored: StoredAppeal[];
let withEngine: RegistryQueryContext;
let withoutEngine: RegistryQueryContext;

function appeals(count: number): Appeal[] {
  const rnd = rng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  return Array.from({ length: count }, (_, i) =>
    makeAppeal({
      externalId: String(i + 1),
      source: pick(['pos', 'im', 'letter59'] as const),
      sector: pick(SECTORS),
      municipality: pick([...MUNIS, null]),
      receivedAt: NOW - Math.floor(rnd() * 40 * 24) * HOUR,
      updatedAt: NOW - HOUR,
      deadline: { dueAt: NOW + Math.floor((rnd() - 0.6) * 20 * 24) * HOUR, originalDueAt: null, ruleId: 'record', ruleVersion: 1, explanation: '', hourBased: false },
      text: pick(['Текст обращения про отопление', 'Ямы на дороге у дома', 'Запись к врачу']),
      orgCurrent: pick(['org-a', 'org-b']),
    }),
  );
}

beforeAll(async () => {
  db = freshDb({ timeZone: TZ, clock: () => NOW });
  setViewerScope(UNRESTRICTED);
  await upsertAppeals(db, appeals(400));
  stored = await db.appeals.toArray();
  const search = new SearchIndexBuilder(db);
  withEngine = { db, now: NOW, timeZone: TZ, search, engine: new AnalyticsEngine(db, () => NOW) };
  withoutEngine = { db, now: NOW, timeZone: TZ, search };
});

afterEach(() => setViewerScope(UNRESTRICTED));
afterAll(() => setViewerScope(UNRESTRICTED));

const idsOrNull = (pool: string[]) => fc.option(fc.subarray(pool), { nil: null, freq: 3 });
const scopeArb: fc.Arbitrary<AccessScope> = fc
  .record({ sectors: idsOrNull(SECTORS), municipalities: idsOrNull(MUNIS) })
  .filter((s) => s.sectors !== null || s.municipalities !== null);

const filterArb: fc.Arbitrary<RegistryFilter> = fc.record(
  {
    sector: fc.constantFrom(...SECTORS),
    municipality: fc.constantFrom(...MUNIS, '-'),
    from: fc.constantFrom('2025-10-20', '2025-11-10'),
    deadline: fc.constantFrom('overdue' as const, 'open' as const, 'at-risk-3wd' as const),
    q: fc.constantFrom('отопление', 'дорога', 'врач'),
    source: fc.constantFrom('pos' as const, 'im' as const),
  },
  { requiredKeys: [] },
);

async function collect(ctx: RegistryQueryContext, filter: RegistryFilter): Promise<StoredAppeal[]> {
  const rows: StoredAppeal[] = [];
  for await (const page of iterateRegistry(ctx, filter, 97)) rows.push(...page);
  return rows;
}

const inside = (scope: AccessScope) => (a: StoredAppeal) => isInScope(scope, a);
const ids = (rows: StoredAppeal[]) => rows.map((r) => r.id).sort();

describe('scope enforcement', () => {
  it('the store has appeals in and out of any scope (the test can fail)', () => {
    expect(new Set(stored.map((a) => a.sector)).size).toBe(SECTORS.length);
    expect(stored.some((a) => a.muniKey === '')).toBe(true);
  });

  it('registry pages, search hits, exports and counts hold only appeals of the scope', async () => {
    await fc.assert(
      fc.asyncProperty(scopeArb, filterArb, async (scope, filter) => {
        // The oracle: the same query for an unrestricted viewer, then the scope (and, without a text
        // query, the row predicate over every stored row).
        setViewerScope(UNRESTRICTED);
        const bounds = resolveBounds(filter, NOW, TZ);
        const unscoped = await collect(withoutEngine, filter);
        if (!filter.q) expect(ids(unscoped)).toEqual(ids(stored.filter((a) => matchesFilter(a, filter, bounds))));
        const expected = unscoped.filter(inside(scope));
        setViewerScope(scope);
        for (const ctx of [withEngine, withoutEngine]) {
          const rows = await collect(ctx, filter);
          expect(rows.every(inside(scope))).toBe(true);
          expect(ids(rows)).toEqual(ids(expected));
          const count = await countRegistry(ctx, filter);
          if (count.exact) expect(count.count).toBe(expected.length);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('aggregates (every screen, report and wall number) count only the scope', async () => {
    await fc.assert(
      fc.asyncProperty(
        scopeArb,
        fc.record({ sector: fc.option(fc.constantFrom(...SECTORS), { nil: null }), municipality: fc.option(fc.constantFrom(...MUNIS), { nil: null }) }),
        async (scope, choice) => {
          const filter: AggFilter = choice;
          const matching = stored
            .filter((a) => (choice.sector === null || a.sector === choice.sector) && (choice.municipality === null || a.muniKey === choice.municipality))
            .filter(inside(scope));
          setViewerScope(scope);
          const received = await queryReceived(db, { from: '2025-01-01', to: '2025-12-31' }, filter);
          expect(received.received).toBe(matching.length);
          const deadlines = await queryDeadlines(db, filter, NOW);
          const open = matching.filter((a) => a.openDueAt !== undefined && a.openDueAt !== null);
          expect(deadlines.overdue).toBe(open.filter((a) => a.openDueAt! < NOW).length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('single reads, overdue lists and the columnar index never return an appeal outside the scope', async () => {
    await fc.assert(
      fc.asyncProperty(scopeArb, async (scope) => {
        setViewerScope(scope);
        const outside = stored.filter((a) => !isInScope(scope, a));
        for (const a of outside.slice(0, 20)) expect(await getAppeal(db, a.id)).toBeUndefined();
        expect((await getAppeals(db, outside.map((a) => a.id))).length).toBe(0);
        const overdue = await readOverduePage(db, { kind: 'overdue', sector: null, now: NOW, after: null, pageSize: 1_000 });
        expect(overdue.rows.length).toBeGreaterThanOrEqual(0);
        expect(overdue.rows.every(inside(scope))).toBe(true);
        const store = await withEngine.engine!.store();
        for (let row = 0; row < store.length; row++) {
          if (store.cols.flags[row]! & FLAG.deleted) continue;
          const appeal = stored.find((a) => a.id === store.ids[row]);
          expect(appeal && isInScope(scope, appeal)).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });
});
