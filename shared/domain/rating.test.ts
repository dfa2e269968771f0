import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankAppeal, type Appeal, type NormalizedStatus, type Outcome } from './appeal';
import { isAnsweredOnMerits } from './outcome';
import { computeRating, DEFAULT_RATING_WEIGHTS, qualityOf, QUALITY_SCORES, RATING_METHODOLOGY, RATING_METHODOLOGY_EN, type RatingUnit } from './rating';

const NO_REACTIONS = { reactionSatisfied: 0, reactionNeutral: 0, reactionDissatisfied: 0 };
const unit = (id: string, patch: Partial<RatingUnit>): RatingUnit => {
  const u = { id, name: id, population: 10_000, received: 10, answered: 10, answeredOnTime: 10, answeredLate: 0, overdue: 0, rated: 10, satisfied: 10, ...NO_REACTIONS, ...patch };
  return { answeredOnMerits: u.answered, ...u, ...patch };
};

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

describe('completeness counts answers on the merits', () => {
  const T = Date.UTC(2025, 10, 18, 6);
  const appeal = (status: NormalizedStatus, outcome: Outcome | null, finished: boolean): Appeal => ({
    ...blankAppeal('pos', '1', T - 86_400_000),
    status,
    statusRaw: status,
    outcome,
    answeredAt: finished ? T : null,
  });
  it.each([
    ['answered, resolved', 'answered', 'resolved', true, true],
    ['closed without an outcome', 'closed', null, true, true],
    ['answered «Запланировано» (postponed with a plan)', 'answered', 'postponed', true, true],
    ['ИМ closed «Отложено»', 'postponed', 'postponed', true, true],
    ['rejected by the moderator', 'rejected', null, false, false],
    ['rejected by the moderator with a date', 'rejected', null, true, false],
    ['ИМ «Не решено»', 'unresolved', 'unresolved', true, false],
    ['ПОС answered with «Не решено»', 'answered', 'unresolved', true, false],
    ['closed «Не решено»', 'closed', 'unresolved', true, false],
    ['still open', 'assigned', null, false, false],
  ] as const)('%s → on the merits: %s', (_name, status, outcome, finished, expected) => {
    expect(isAnsweredOnMerits(appeal(status, outcome, finished))).toBe(expected);
  });

  it('scores completeness by answers on the merits, not by everything finished', () => {
    const [row] = computeRating([unit('x', { received: 10, answered: 10, answeredOnMerits: 6 })], { quantity: 0, speed: 0, quality: 0, completeness: 1 });
    expect(row!.components.completeness.value).toBe(0.6);
    expect(row!.score).toBe(0.6);
  });
});

describe('quality joins ПОС ratings and ИМ reactions', () => {
  it.each([
    ['ratings only: share of 4–5', { rated: 10, satisfied: 7 }, 0.7],
    ['reactions only', { rated: 0, satisfied: 0, reactionSatisfied: 2, reactionNeutral: 2, reactionDissatisfied: 1 }, (2 + 1) / 5],
    ['both, every judgement weighing the same', { rated: 4, satisfied: 3, reactionSatisfied: 1, reactionNeutral: 2, reactionDissatisfied: 1 }, (3 + 1 + 1) / 8],
    ['only dissatisfied authors', { rated: 0, satisfied: 0, reactionDissatisfied: 3 }, 0],
    ['nobody judged', { rated: 0, satisfied: 0 }, null],
  ] as const)('%s', (_name, patch, expected) => {
    const u = unit('x', patch);
    expect(qualityOf(u)).toBe(expected);
    expect(computeRating([u])[0]!.components.quality.value).toBe(expected);
  });

  it('weights as the methodology states', () => {
    expect(QUALITY_SCORES).toEqual({ ratingSatisfied: 1, ratingUnsatisfied: 0, reactionSatisfied: 1, reactionNeutral: 0.5, reactionDissatisfied: 0 });
    expect(RATING_METHODOLOGY.quality).toContain('«Автор нейтрален» — 0,5');
    expect(RATING_METHODOLOGY.completeness).toContain('не отклонено модератором');
    expect(RATING_METHODOLOGY.completeness).toContain('«Не решено»');
    expect(Object.keys(RATING_METHODOLOGY_EN)).toEqual(Object.keys(RATING_METHODOLOGY));
  });

  it('property: quality stays within 0…1 and between the worst and the best of its parts', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), fc.nat(50), fc.nat(50), (satisfied, unsatisfied, rs, rn, rd) => {
        const q = qualityOf({ rated: satisfied + unsatisfied, satisfied, reactionSatisfied: rs, reactionNeutral: rn, reactionDissatisfied: rd });
        const judged = satisfied + unsatisfied + rs + rn + rd;
        if (judged === 0) return expect(q).toBeNull();
        expect(q).toBeGreaterThanOrEqual(0);
        expect(q).toBeLessThanOrEqual(1);
        expect(q!).toBeCloseTo((satisfied + rs + 0.5 * rn) / judged, 12);
      }),
    );
  });
});
