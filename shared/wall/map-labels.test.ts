import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KIROV_PACK } from '../domain/packs';
import { calloutLayout, labelPoint, largestRingCentroid, mapLabelName } from './map-labels';

describe('map labels', () => {
  it('names a unit by its stem, never a cut word', () => {
    expect(mapLabelName('Слободской район')).toBe('Слободской');
    expect(mapLabelName('Немский округ')).toBe('Немский');
    expect(mapLabelName('Кирово-Чепецкий район')).toBe('Кирово-Чепецкий');
    expect(mapLabelName('г. Киров')).toBe('г. Киров');
    expect(mapLabelName('ЗАТО Первомайский')).toBe('ЗАТО Первомайский');
    for (const m of KIROV_PACK.municipalities) expect(m.shortName.startsWith(mapLabelName(m.shortName))).toBe(true);
  });

  it('puts the centroid of a square in its middle and picks the largest part', () => {
    const square = (x: number, y: number, size: number) => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
    expect(largestRingCentroid({ type: 'Polygon', coordinates: [square(0, 0, 2)] })).toEqual({ lon: 1, lat: 1 });
    expect(largestRingCentroid({ type: 'MultiPolygon', coordinates: [[square(10, 10, 1)], [square(0, 0, 4)]] })).toEqual({ lon: 2, lat: 2 });
  });

  it('keeps the centroid inside the bounding box of any rectangle, whichever way it is wound', () => {
    fc.assert(
      fc.property(fc.double({ min: 30, max: 60, noNaN: true }), fc.double({ min: 40, max: 70, noNaN: true }), fc.double({ min: 0.01, max: 5, noNaN: true }), fc.double({ min: 0.01, max: 5, noNaN: true }), fc.boolean(), (x, y, w, h, reverse) => {
          const ring = [[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]];
          const c = largestRingCentroid({ type: 'Polygon', coordinates: [reverse ? ring.reverse() : ring] })!;
          expect(c.lon).toBeCloseTo(x + w / 2, 6);
          expect(c.lat).toBeCloseTo(y + h / 2, 6);
        }),
    );
  });

  it('labels every Kirov municipality at its centre or inside its bounding box', () => {
    const geometry = KIROV_PACK.geometry;
    if (geometry.kind !== 'geojson') throw new Error('no boundaries');
    for (const m of KIROV_PACK.municipalities) {
      const shape = geometry.boundaries[m.id]!;
      const point = labelPoint(shape, m.adminCentre)!;
      const coords = JSON.stringify(shape.coordinates).match(/-?\d+(\.\d+)?/g)!.map(Number);
      const lons = coords.filter((_, i) => i % 2 === 0);
      const lats = coords.filter((_, i) => i % 2 === 1);
      // An admin centre may sit just outside its district (a town that is its own okrug): allow a margin.
      expect(point.lon).toBeGreaterThan(Math.min(...lons) - 0.5);
      expect(point.lon).toBeLessThan(Math.max(...lons) + 0.5);
      expect(point.lat).toBeGreaterThan(Math.min(...lats) - 0.5);
      expect(point.lat).toBeLessThan(Math.max(...lats) + 0.5);
    }
  });

  it('splits callouts west and east, each column north to south, every unit once', () => {
    const labels = [
      { id: 'nw', lon: 47, lat: 60 },
      { id: 'sw', lon: 48, lat: 57 },
      { id: 'ne', lon: 52, lat: 59 },
      { id: 'se', lon: 51, lat: 56 },
      { id: 'mid', lon: 49, lat: 58 },
    ];
    expect(calloutLayout(labels)).toEqual([
      { id: 'nw', side: 'left', slot: 0, slots: 3 },
      { id: 'mid', side: 'left', slot: 1, slots: 3 },
      { id: 'sw', side: 'left', slot: 2, slots: 3 },
      { id: 'ne', side: 'right', slot: 0, slots: 2 },
      { id: 'se', side: 'right', slot: 1, slots: 2 },
    ]);
    fc.assert(
      fc.property(fc.array(fc.record({ lon: fc.double({ min: 40, max: 60, noNaN: true }), lat: fc.double({ min: 50, max: 65, noNaN: true }) }), { maxLength: 60 }), (points) => {
        const input = points.map((p, i) => ({ id: `u${i}`, ...p }));
        const callouts = calloutLayout(input);
        expect(callouts.map((c) => c.id).sort()).toEqual(input.map((p) => p.id).sort());
        const left = callouts.filter((c) => c.side === 'left');
        const right = callouts.filter((c) => c.side === 'right');
        expect(left.length - right.length).toBeGreaterThanOrEqual(0);
        expect(left.length - right.length).toBeLessThanOrEqual(1);
        const lon = new Map(input.map((p) => [p.id, p.lon]));
        if (left.length && right.length) expect(Math.max(...left.map((c) => lon.get(c.id)!))).toBeLessThanOrEqual(Math.min(...right.map((c) => lon.get(c.id)!)));
      }),
    );
  });
});
