import { describe, expect, it } from 'vitest';
import { missingValues, rankBy, topUnits, unitMeasures, type ReceivedCounts } from './measures';
import { autoScrollOffset, countUpValue } from './motion';
import { daysOf, previousRange, resolvePeriod } from './period';
import { tilesToGeoJson } from './tiles';

const counts = (received: number, extra: Partial<ReceivedCounts> = {}): ReceivedCounts => ({
  received,
  answered: 0,
  answeredOnTime: 0,
  rated: 0,
  satisfied: 0,
  ...extra,
});

describe('unit measures', () => {
  const units = [
    { id: 'a', name: 'Арбажский', population: 5_000 },
    { id: 'b', name: 'Белохолуницкий', population: null },
    { id: 'c', name: 'Киров', population: 500_000 },
  ];
  const measures = unitMeasures(
    units,
    new Map([
      ['a', counts(50, { rated: 10, satisfied: 7 })],
      ['b', counts(20)],
      ['c', counts(1000)],
    ]),
    new Map([['a', counts(40)], ['c', counts(0)]]),
    new Map([['a', { open: 10, overdue: 4, atRisk24h: 1, atRisk3wd: 2 }]]),
  );

  it('per 10,000 residents, «—» (null) for unknown population', () => {
    expect(measures[0]?.per10k).toBe(100);
    expect(measures[1]?.per10k).toBeNull();
    expect(measures[2]?.per10k).toBe(20);
  });

  it('overdue share, growth and satisfaction with nulls where undefined', () => {
    expect(measures[0]?.overdueShare).toBe(0.4);
    expect(measures[1]?.overdueShare).toBeNull();
    expect(measures[0]?.growth).toBeCloseTo(0.25);
    expect(measures[2]?.growth).toBeNull();
    expect(measures[0]?.satisfaction).toBe(0.7);
    expect(measures[2]?.satisfaction).toBeNull();
  });

  it('top units skip unknown values', () => {
    expect(topUnits(measures, 'per10k').map((u) => u.id)).toEqual(['a', 'c']);
    expect(topUnits(measures, 'overdue', 1).map((u) => u.id)).toEqual(['a']);
  });

  it('says why units have no value, per measure', () => {
    expect(missingValues(measures, 'per10k')).toEqual({ reason: 'noPopulation', count: 1 });
    expect(missingValues(measures, 'overdueShare')).toEqual({ reason: 'noOpen', count: 2 });
    expect(missingValues(measures, 'growth')).toEqual({ reason: 'noPrevious', count: 2 });
    expect(missingValues(measures, 'satisfaction')).toEqual({ reason: 'noRatings', count: 2 });
    expect(missingValues(measures, 'overdue')).toBeNull();
    expect(missingValues(measures.slice(0, 1), 'per10k')).toBeNull();
  });

  it('rankBy orders by value and drops zeros', () => {
    expect(rankBy(new Map([['x', 1], ['y', 5], ['z', 0]]), (v) => v, 5)).toEqual([['y', 5], ['x', 1]]);
  });
});

describe('motion', () => {
  it('counts up to the target and lands exactly', () => {
    expect(countUpValue(0, 100, 0, 1000)).toBe(0);
    expect(countUpValue(0, 100, 500, 1000)).toBeGreaterThan(50);
    expect(countUpValue(0, 100, 1000, 1000)).toBe(100);
    expect(countUpValue(100, 40, 5000, 1000)).toBe(40);
  });

  it('auto-scroll rests, travels and rests', () => {
    const plan = { overflow: 100, speed: 10, restMs: 2000 };
    expect(autoScrollOffset(plan, 1000)).toBe(0);
    expect(autoScrollOffset(plan, 7000)).toBeCloseTo(50);
    expect(autoScrollOffset(plan, 12_500)).toBe(100);
    expect(autoScrollOffset(plan, 14_000)).toBe(0);
    expect(autoScrollOffset({ ...plan, overflow: 0 }, 7000)).toBe(0);
  });
});

describe('periods', () => {
  it('resolves presets against today', () => {
    expect(resolvePeriod({ kind: 'today' }, '2025-11-18')).toEqual({ from: '2025-11-18', to: '2025-11-18' });
    expect(resolvePeriod({ kind: 'week' }, '2025-11-18')).toEqual({ from: '2025-11-12', to: '2025-11-18' });
    expect(resolvePeriod({ kind: 'month' }, '2025-11-18')).toEqual({ from: '2025-11-01', to: '2025-11-18' });
    expect(resolvePeriod({ kind: 'quarter' }, '2025-11-18')).toEqual({ from: '2025-10-01', to: '2025-11-18' });
    expect(resolvePeriod({ kind: 'year' }, '2025-11-18')).toEqual({ from: '2025-01-01', to: '2025-11-18' });
  });

  it('previous period has the same length and ends the day before', () => {
    expect(previousRange({ from: '2025-11-01', to: '2025-11-18' })).toEqual({ from: '2025-10-14', to: '2025-10-31' });
    expect(daysOf({ from: '2025-12-30', to: '2026-01-02' })).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
  });
});

describe('tile polygons', () => {
  it('one closed square per cell, named by id', () => {
    const fc = tilesToGeoJson([{ id: 'a', name: 'A', row: 0, col: 0 }, { id: 'b', name: 'B', row: 1, col: 2 }]);
    expect(fc.features).toHaveLength(2);
    const ring = fc.features[1]?.geometry.coordinates[0] ?? [];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(fc.features[1]?.properties.name).toBe('b');
    expect(Math.min(...ring.map((p) => p[0] as number))).toBeGreaterThan(2);
  });
});
