import { describe, expect, it } from 'vitest';
import { KIROV_PACK, SVERDLOVSK_PACK } from './packs';
import { parseRegionPack, type RegionPack } from './region-pack';
import { tileLayout, type TileLayout } from './tile-layout';

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
