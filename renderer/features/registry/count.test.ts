import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CurDatabase } from '../../db/schema';
import { fromStoredAppeal, upsertAppeals } from '../../db/appeals-repo';
import type { Appeal } from '../../../shared/domain/appeal';
import { UNKNOWN_MUNICIPALITY, type RegistryFilter } from '../../app/registry-filter';
import { SearchIndexBuilder } from '../../search/search-builder';
import { aggregateCounterFor, countBounded, countRegistry, type RegistryQueryContext } from './queries';
import { makeTestAppeals } from '../../../tests/support/registry-appeals';
import { freshDb } from '../../../tests/support/fresh-db';

const NOW = Date.parse('2025-11-18T09:00:00+03:00');
let db: CurDatabase;
let ctx: RegistryQueryContext;

beforeAll(async () => {
  db = freshDb();
  const appeals: Appeal[] = makeTestAppeals({ count: 800, seed: 11, now: NOW }).map(fromStoredAppeal);
  await upsertAppeals(db, appeals);
  ctx = { db, now: NOW, timeZone: db.timeZone, search: new SearchIndexBuilder(db) };
});

const FILTERS: RegistryFilter[] = [
  {},
  { sector: 'housing' },
  { from: '2025-11-01', to: '2025-11-10', municipality: 'kirov' },
  { municipality: UNKNOWN_MUNICIPALITY, source: 'pos' },
  { organisation: 'ООО «УК Уют»', repeat: true },
  { deadline: 'overdue', sector: 'roads' },
  { deadline: 'at-risk-24h' },
  { deadline: 'at-risk-3wd', source: 'im' },
  { deadline: 'open', from: '2025-10-20' },
  { deadline: 'answered-late' },
  { satisfaction: 'satisfied', sector: 'health' },
  { answered: true, from: '2025-11-01', to: '2025-11-18' },
  { answered: false, sector: 'housing' },
  { postponed: true },
  { answerTime: true, sector: 'housing' },
  { deadline: 'answered-on-time', from: '2025-10-01' },
  { satisfaction: 'rated' },
];

describe('registry count', () => {
  it('answers aggregate-expressible filters from the aggregates, agreeing with the rows', async () => {
    for (const filter of FILTERS) {
      const viaAggregates = await countRegistry(ctx, filter);
      expect(viaAggregates.via, JSON.stringify(filter)).toBe('aggregates');
      expect(viaAggregates, JSON.stringify(filter)).toMatchObject({ count: (await countBounded(ctx, filter)).count, exact: true });
    }
  });

  it('reads rows for filters the aggregates cannot answer', async () => {
    expect(aggregateCounterFor({ category: 'Отопление' })).toBeNull();
    expect(aggregateCounterFor({ deadline: 'overdue', from: '2025-11-01' })).toBeNull();
    expect(aggregateCounterFor({ repeat: true, deadline: 'open' })).toBeNull();
    expect(aggregateCounterFor({ answered: true, postponed: true })).toBeNull();
    expect(aggregateCounterFor({ postponed: false })).toBeNull();
    const result = await countRegistry(ctx, { category: 'Отопление', sector: 'housing' });
    expect(result.via).toBe('rows');
    expect(result.exact).toBe(true);
    expect(result.count).toBeGreaterThan(0);
  });
});
