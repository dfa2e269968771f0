import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ColumnStore } from '../../../shared/analytics/columns';
import { DIMENSIONS, type DimensionId } from '../../../shared/analytics/dimensions';
import { factsOf } from '../../../shared/analytics/facts';
import { runPivot } from '../../../shared/analytics/pivot';
import type { Appeal } from '../../../shared/domain/appeal';
import { workCalendar } from '../../../shared/domain/calendar';
import { dayNumberToIso, isoToDayNumber, regionDay } from '../../../shared/domain/time';
import { compileRegistryFilter, countMatches } from '../../analytics-engine/registry-match';
import { deadlineBands } from '../../db/deadline-bands';
import { appealArb, T0 } from '../../../tests/support/store-appeal';
import { cellRegistryFilter, normalizeSpec, pivotQueryOf, type Scope } from './model';

const TZ = 'Europe/Moscow';

const richArb = fc
  .tuple(appealArb(60), fc.constantFrom<Appeal['outcome']>('resolved', null), fc.constantFrom<string | null>('Иванов', null), fc.boolean(), fc.constantFrom<Appeal['importance']>('high', null))
  .map(([a, outcome, executor, fastTrack, importance]) => ({ ...a, outcome, executor, fastTrack, importance, channel: a.source === 'im' ? 'vk' : null }));

describe('every pivot cell links to exactly its appeals', () => {
  it('the registry filter of a cell matches as many appeals as the cell counts', () => {
    fc.assert(
      fc.property(
        fc.array(richArb, { minLength: 1, maxLength: 80 }),
        fc.constantFrom<DimensionId>(...DIMENSIONS),
        fc.constantFrom<DimensionId | null>(null, ...DIMENSIONS),
        fc.option(fc.constantFrom('housing', 'roads'), { nil: null }),
        fc.option(fc.constantFrom('m1', 'm2'), { nil: null }),
        fc.integer({ min: 0, max: 40 }),
        (appeals, rows, cols, sector, municipality, days) => {
          const store = new ColumnStore();
          for (const a of appeals) store.upsert(factsOf(a, isoToDayNumber(regionDay(a.receivedAt, TZ))));
          const now = T0;
          const to = regionDay(T0, TZ);
          const scope: Scope = { from: dayNumberToIso(isoToDayNumber(to) - days), to, sector, municipality };
          const spec = normalizeSpec({ rows, cols, measure: 'received', compare: 'none', topRows: 500 });
          const b = deadlineBands(now, TZ, workCalendar);
          const result = runPivot(store, { ...pivotQueryOf(spec, scope, { now, hourRiskEnd: b.hourRiskEnd, dayRiskEnd: b.dayRiskEnd }, undefined), topCols: 500 });
          const nCols = result.cols.keys.length;
          let linked = 0;
          result.rows.keys.forEach((rowKey, r) =>
            result.cols.keys.forEach((colKey, c) => {
              const count = result.counts[r * nCols + c]!;
              if (count === 0) return;
              const filter = cellRegistryFilter(spec, scope, { rowKey, colKey: spec.cols && spec.cols !== spec.rows ? colKey : undefined });
              if (!filter) return;
              linked++;
              expect(countMatches(store, compileRegistryFilter(store, filter, now, TZ))).toBe(count);
            }),
          );
          const total = cellRegistryFilter(spec, scope, {});
          if (total) expect(countMatches(store, compileRegistryFilter(store, total, now, TZ))).toBe(result.matched);
          if (rows === 'sector' && (cols === null || cols === 'sector' || cols === 'source') && !sector && result.matched > 0) expect(linked).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
