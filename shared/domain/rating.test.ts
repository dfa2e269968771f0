import { describe, expect, it } from 'vitest';
import { computeRating, DEFAULT_RATING_WEIGHTS, RATING_METHODOLOGY, type RatingUnit } from './rating';

const unit = (id: string, patch: Partial<RatingUnit>): RatingUnit => ({
  id, name: id, population: 10_000, received: 10, answered: 10, answeredOnTime: 10, answeredLate: 0, overdue: 0, rated: 10, satisfied: 10, ...patch,
});

const UNITS = [
  unit('Б', { population: 20_000, received: 40, answered: 30, answeredOnTime: 20, answeredLate: 10, overdue: 5, rated: 10, satisfied: 5 }),
  unit('А', {}),
  unit('В', { population: null, received: 5, answered: 4, answeredOnTime: 4, overdue: 1, rated: 0, satisfied: 0 }),
  unit('Г', { received: 0, answered: 0, answeredOnTime: 0, rated: 0, satisfied: 0 }),
  unit('Д', {}),
];

describe('computeRating', () => {
  const rows = computeRating(UNITS);
  const row = (id: string) => rows.find((r) => r.id === id)!;

  it('scores quantity per 10,000 residents, speed, quality and completeness', () => {
    expect(row('Б').perTenThousand).toBe(20);
    expect(row('Б').components.quantity).toEqual({ value: 20, score: 0 });
    expect(row('Б').components.speed.value).toBeCloseTo(20 / 35);
    expect(row('Б').components.quality.value).toBe(0.5);
    expect(row('Б').components.completeness.value).toBe(0.75);
    expect(row('Б').score).toBeCloseTo(0.3 * (20 / 35) + 0.3 * 0.5 + 0.2 * 0.75);
    expect(row('А').score).toBe(1);
  });

  it('ranks with ties sharing a place (1, 1, 3, 4) and empty slices unranked at the end', () => {
    expect(rows.map((r) => [r.id, r.rank])).toEqual([['А', 1], ['Д', 1], ['В', 3], ['Б', 4], ['Г', null]]);
    expect(row('Г').score).toBeNull();
    expect(row('Г').notes).toContain('нет обращений за период');
  });

  it('scores unknown population on the other components only, and says so', () => {
    expect(row('В').components.quantity).toEqual({ value: null, score: null });
    expect(row('В').score).toBeCloseTo((0.3 * 0.8 + 0.2 * 0.8) / 0.5);
    expect(row('В').notes).toContain('население неизвестно: количество не оценивается');
  });

  it('shows movement against the previous period', () => {
    const moved = computeRating(UNITS, DEFAULT_RATING_WEIGHTS, [{ id: 'Б', rank: 1 }, { id: 'А', rank: 2 }, { id: 'Г', rank: 3 }]);
    const by = (id: string) => moved.find((r) => r.id === id)!;
    expect(by('Б')).toMatchObject({ previousRank: 1, movement: -3 });
    expect(by('А')).toMatchObject({ previousRank: 2, movement: 1 });
    expect(by('В')).toMatchObject({ previousRank: null, movement: null });
    expect(by('Г')).toMatchObject({ previousRank: 3, movement: null });
  });

  it('takes configurable weights', () => {
    const quantityOnly = computeRating(UNITS, { quantity: 1, speed: 0, quality: 0, completeness: 0 });
    expect(quantityOnly.find((r) => r.id === 'Б')!.score).toBe(0);
    expect(quantityOnly.find((r) => r.id === 'В')!.score).toBeNull();
    const qualityOnly = computeRating(UNITS, { quantity: 0, speed: 0, quality: 1, completeness: 0 });
    expect(qualityOnly[0]!.id).toBe('А');
  });

  it('gives everyone full quantity marks when per-capita figures are equal', () => {
    const same = computeRating([unit('x', {}), unit('y', { population: 20_000, received: 20, answered: 20, answeredOnTime: 20, rated: 20, satisfied: 20 })]);
    expect(same.map((r) => r.components.quantity.score)).toEqual([1, 1]);
    expect(same.map((r) => r.rank)).toEqual([1, 1]);
  });

  it('handles an empty list and rejects bad weights', () => {
    expect(computeRating([])).toEqual([]);
    expect(() => computeRating(UNITS, { ...DEFAULT_RATING_WEIGHTS, speed: -1 })).toThrow(RangeError);
    expect(() => computeRating(UNITS, { quantity: 0, speed: 0, quality: 0, completeness: 0 })).toThrow('Хотя бы один вес');
    expect(Object.keys(RATING_METHODOLOGY)).toEqual(['quantity', 'speed', 'quality', 'completeness']);
  });
});
