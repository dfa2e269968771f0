import { describe, expect, it } from 'vitest';
import { KIROV_PACK, SVERDLOVSK_PACK } from './packs';
import { parseRegionPack, type RegionPack } from './region-pack';
import fc from 'fast-check';
import { assignMinCost, tileLayout, type TileLayout } from './tile-layout';

function render(layout: TileLayout, pack: RegionPack): string {
  const grid = Array.from({ length: layout.rows }, () => Array.from({ length: layout.columns }, () => ' . '));
  for (const t of layout.tiles) grid[t.row]![t.col] = pack.municipalities.find((m) => m.id === t.municipalityId)!.shortName.slice(0, 3);
  return grid.map((r) => r.join('')).join('\n');
}

function expectValid(layout: TileLayout, pack: RegionPack) {
  expect(layout.tiles).toHaveLength(pack.municipalities.length);
  const cells = new Set(layout.tiles.map((t) => `${t.col},${t.row}`));
  expect(cells.size).toBe(layout.tiles.length); // no overlaps
  for (const t of layout.tiles) {
    expect(t.col).toBeGreaterThanOrEqual(0);
    expect(t.col).toBeLessThan(layout.columns);
    expect(t.row).toBeGreaterThanOrEqual(0);
    expect(t.row).toBeLessThan(layout.rows);
  }
  expect(new Set(layout.tiles.map((t) => t.municipalityId))).toEqual(new Set(pack.municipalities.map((m) => m.id)));
}

describe('tileLayout', () => {
  it('gives every Kirov unit its own tile, deterministically', () => {
    const layout = tileLayout(KIROV_PACK);
    expectValid(layout, KIROV_PACK);
    expect(tileLayout(KIROV_PACK)).toEqual(layout);
    // printed for the reviewer: the grid should look like the oblast
    console.log(render(layout, KIROV_PACK));
  });

  it('keeps geography: north stays above south, west left of east', () => {
    const layout = tileLayout(KIROV_PACK);
    const at = (id: string) => layout.tiles.find((t) => t.municipalityId === id)!;
    expect(at('luzskiy').row).toBeLessThan(at('malmyzhskiy').row); // Луза far north, Малмыж far south
    expect(at('podosinovskiy').row).toBeLessThan(at('g-vyatskie-polyany').row);
    expect(at('sanchurskiy').col).toBeLessThan(at('afanasevskiy').col); // Санчурск west, Афанасьево east
    // a city and its surrounding district share a centre point but get neighbouring tiles
    const city = at('g-slobodskoy');
    const district = at('slobodskoy');
    expect(Math.abs(city.col - district.col) + Math.abs(city.row - district.row)).toBeLessThanOrEqual(2);
  });

  it('places the unit without coordinates and flags it', () => {
    const layout = tileLayout(KIROV_PACK);
    const zato = layout.tiles.find((t) => t.municipalityId === 'zato-pervomayskiy')!;
    expect(zato.approximate).toBe(true);
    expect(layout.tiles.filter((t) => t.approximate)).toHaveLength(1);
  });

  it('works for a partial pack with many units lacking coordinates', () => {
    const layout = tileLayout(SVERDLOVSK_PACK);
    expectValid(layout, SVERDLOVSK_PACK);
    expect(layout.tiles.filter((t) => t.approximate).length).toBe(SVERDLOVSK_PACK.municipalities.filter((m) => !m.layoutPoint).length);
  });

  it('handles a pack with one unit or none with coordinates', () => {
    const base = { format: 'cur-region-pack', formatVersion: 1, version: '1', id: 'x', name: 'X', timeZone: 'Europe/Moscow' };
    const unit = (id: string, lat: number | null, lon: number | null) => ({
      id, name: id, shortName: id, type: null, oktmo: null, adminCentre: { name: null, lat, lon }, population: null,
    });
    const one = parseRegionPack({ ...base, municipalities: [unit('a', 58, 49)] });
    expect(tileLayout(one)).toEqual({ columns: 1, rows: 1, tiles: [{ municipalityId: 'a', col: 0, row: 0, approximate: false }] });
    const none = parseRegionPack({ ...base, municipalities: [unit('a', null, null), unit('b', null, null), unit('c', null, null)] });
    expectValid(tileLayout(none), none);
  });
});

describe('assignMinCost', () => {
  function bruteForce(cost: number[][], m: number): number {
    let best = Number.POSITIVE_INFINITY;
    const used = new Array<boolean>(m).fill(false);
    const go = (i: number, sum: number) => {
      if (i === cost.length) {
        best = Math.min(best, sum);
        return;
      }
      for (let j = 0; j < m; j += 1) {
        if (used[j]) continue;
        used[j] = true;
        go(i + 1, sum + cost[i]![j]!);
        used[j] = false;
      }
    };
    go(0, 0);
    return best;
  }

  it('finds the optimal assignment (property against brute force)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 2 }), fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 35, maxLength: 35 }), (n, extra, values) => {
        const m = n + extra;
        const cost = Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => values[i * m + j]!));
        const assignment = assignMinCost(cost, m);
        expect(new Set(assignment).size).toBe(n);
        expect(assignment.reduce((s, j, i) => s + cost[i]![j]!, 0)).toBe(bruteForce(cost, m));
      }),
    );
  });

  it('handles edge cases', () => {
    expect(assignMinCost([], 3)).toEqual([]);
    expect(() => assignMinCost([[1], [2]], 1)).toThrow(RangeError);
  });
});
