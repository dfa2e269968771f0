import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Appeal } from '../../../shared/domain/appeal';
import { regionDay } from '../../../shared/domain/time';
import { inSelection, selectionOf, type WallArea, type WallFocus } from '../../../shared/wall';
import { upsertAppeals } from '../../db/appeals-repo';
import { queryDeadlinesBy } from '../../db/aggregate-queries';
import { appealArb, T0 } from '../../../tests/support/store-appeal';
import { freshDb } from '../../../tests/support/fresh-db';
import { latestPoints, loadDynamics, loadHeatmap, loadOverdue, loadSectors, topCategoryBySector } from './queries';
import { filterOf } from './use-wall-scope';

const TZ = 'Europe/Moscow';
const RANGE = { from: '2025-09-01', to: '2025-11-30' };
const PREVIOUS = { from: '2025-06-01', to: '2025-08-31' };
const DAYS = ['2025-11-17', '2025-11-18'];
const SECTORS = ['housing', 'roads', 'other'];

const areaArb: fc.Arbitrary<WallArea | null> = fc.option(
  fc.record({
    sector: fc.constantFrom<string | null>('housing', 'roads', null),
    municipalities: fc.option(
      fc.constantFrom(['m1'], ['m2'], ['m1', 'm2']).map((members) => ({ name: 'Куст', members: [...members] })),
      { nil: null },
    ),
  }),
  { nil: null },
);
const focusArb: fc.Arbitrary<WallFocus | null> = fc.option(
  fc.oneof(
    fc.constantFrom('m1', 'm2').map((id): WallFocus => ({ kind: 'municipality', id })),
    fc.constantFrom('housing', 'roads').map((id): WallFocus => ({ kind: 'sector', id })),
  ),
  { nil: null },
);

/** The store's state after one batch: the last occurrence of each id wins, as upsert does. */
function finalRows(batch: readonly Appeal[]): Appeal[] {
  return [...new Map(batch.map((a) => [a.id, a])).values()];
}

function receivedIn(rows: readonly Appeal[], area: WallArea | null, focus: WallFocus | null): number {
  const selection = selectionOf(area, focus);
  return rows.filter((a) => {
    const day = regionDay(a.receivedAt, TZ);
    return day >= RANGE.from && day <= RANGE.to && inSelection(selection, a.sector, a.municipality);
  }).length;
}

const sum = (values: Iterable<{ received: number }>) => [...values].reduce((n, c) => n + c.received, 0);

describe('wall scene queries under the presenter area and focus', () => {
  it('count exactly the appeals of the selection: map, overdue, sectors, dynamics', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(appealArb(), { minLength: 1, maxLength: 25 }), areaArb, focusArb, async (batch, area, focus) => {
        const db = freshDb();
        await upsertAppeals(db, batch);
        const rows = finalRows(batch);
        const filter = filterOf(focus, area);
        const expected = receivedIn(rows, area, focus);

        const heat = await loadHeatmap(db, RANGE, PREVIOUS, filter, T0);
        expect(sum(heat.current.values())).toBe(expected);

        const sectors = await loadSectors(db, RANGE, DAYS, SECTORS, filter, T0);
        // The sectors scene counts every sector of the selection's municipalities (its sector is a panel).
        const empty = selectionOf(area, focus).empty;
        const panels = empty ? 0 : receivedIn(rows, area?.sector ? { ...area, sector: null } : area, focus?.kind === 'sector' ? null : focus);
        expect(sum(sectors.received.values())).toBe(panels);

        const dynamics = await loadDynamics(db, RANGE, [RANGE.from], ['pos'], [], filter);
        expect(dynamics.bySource.get('pos')).toEqual([0]);

        // Overdue under the selection equals the per-municipality counts of its members summed.
        const overdue = await loadOverdue(db, filter, T0);
        const selection = selectionOf(area, focus);
        const perMuni = await queryDeadlinesBy(db, selection.sector ? { sector: selection.sector } : {}, T0, 'municipality');
        const members = selection.municipalities;
        let open = 0;
        let late = 0;
        for (const [id, c] of perMuni) {
          if (members !== null && !members.includes(id)) continue;
          open += c.open;
          late += c.overdue;
        }
        expect(overdue.total.open).toBe(open);
        expect(overdue.total.overdue).toBe(late);
        await db.delete();
      }),
      { numRuns: 25 },
    );
  });

  it('a focus outside the area shows nothing rather than the focus alone', async () => {
    const db = freshDb();
    await upsertAppeals(db, [...Array(5)].map(() => fc.sample(appealArb(), 1)[0]!));
    const filter = filterOf({ kind: 'municipality', id: 'm2' }, { sector: null, municipalities: { name: 'Север', members: ['m1'] } });
    expect(filter).toEqual({ municipalities: [] });
    const heat = await loadHeatmap(db, RANGE, PREVIOUS, filter, T0);
    expect(sum(heat.current.values())).toBe(0);
    expect((await loadOverdue(db, filter, T0)).total.open).toBe(0);
  });

  it('keeps points and the top topic of other municipalities off the wall', async () => {
    const db = freshDb();
    const base = fc.sample(appealArb(), 1)[0]!;
    const at = (n: number, municipality: string, category: string, lat: number): Appeal => ({
      ...base,
      id: `pos:${n}`,
      externalId: String(n),
      source: 'pos',
      sector: 'housing',
      municipality,
      category,
      receivedAt: T0 - n * 60_000,
      updatedAt: T0,
      lat,
      lon: 49,
    });
    await upsertAppeals(db, [at(1, 'm1', 'Отопление', 58.1), at(2, 'm2', 'Дороги', 58.2), at(3, 'm2', 'Дороги', 58.3)]);
    const area: WallArea = { sector: null, municipalities: { name: 'Первый', members: ['m1'] } };
    const points = await latestPoints(db, RANGE, TZ, filterOf(null, area), 100);
    expect(points.map((p) => p.lat)).toEqual([58.1]);
    expect(await topCategoryBySector(db, ['housing'], RANGE, TZ, ['m1'], 50)).toEqual(['Отопление']);
    expect(await topCategoryBySector(db, ['housing'], RANGE, TZ, ['m2'], 50)).toEqual(['Дороги']);
    expect(await topCategoryBySector(db, ['housing'], RANGE, TZ, [], 50)).toEqual([null]);
  });
});
