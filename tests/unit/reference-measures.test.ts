import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Appeal, DeadlineInfo } from '../../shared/domain/appeal';
import { workCalendar } from '../../shared/domain/calendar';
import { kpiById, KPI_DEFINITIONS } from '../../shared/domain/kpi';
import { computeMeasures, computeMeasuresBy, dimensionKey, type Measures } from '../support/reference-measures';
import { makeAppeal } from '../support/domain-appeal';
import { regionDayEnd, regionTimeOn } from '../../shared/domain/time';

const TZ = 'Europe/Moscow';
const H = 3_600_000;
const at = (day: string, hh = 10) => regionTimeOn(day, hh * 60, TZ);
const due = (day: string): DeadlineInfo => ({ dueAt: regionDayEnd(day, TZ), originalDueAt: null, ruleId: 'pos', ruleVersion: 1, explanation: '', hourBased: false });

const APPEALS: Appeal[] = [
  makeAppeal({ externalId: '1', receivedAt: at('2025-03-10'), deadline: due('2025-03-14'), answeredAt: at('2025-03-12'), status: 'answered', rating: 5, fastTrack: true, municipality: 'g-kirov', orgCurrent: 'Администрация города Кирова' }),
  makeAppeal({ externalId: '2', receivedAt: at('2025-03-11'), deadline: due('2025-03-14'), answeredAt: at('2025-03-17'), status: 'answered', rating: 2, municipality: 'g-kirov' }),
  makeAppeal({ externalId: '3', receivedAt: at('2025-03-12'), deadline: due('2025-03-18'), regime: 'fz59', isRepeat: true, category: 'Мусор', sector: 'waste', municipality: 'slobodskoy' }),
  makeAppeal({ externalId: '4', receivedAt: at('2025-03-16'), deadline: due('2025-03-27'), status: 'postponed', category: 'Мусор', sector: 'waste' }),
  makeAppeal({
    source: 'im', externalId: '5', receivedAt: at('2025-03-13'), deadline: { ...due('2025-03-13'), dueAt: at('2025-03-13', 14), hourBased: true },
    closedAt: at('2025-03-13', 12), answerHours: 2, reaction: 'satisfied', category: 'Дороги', sector: 'roads', status: 'closed', outcome: 'resolved',
  }),
  makeAppeal({ externalId: '6', receivedAt: at('2025-03-09') }),
  makeAppeal({ externalId: '7', receivedAt: at('2025-03-05'), category: 'Мусор', sector: 'waste' }),
  makeAppeal({ externalId: '8', receivedAt: at('2025-03-15'), category: 'Прочие', sector: 'other', sectorMapped: false, status: 'other' }),
];
const OPTIONS = { from: '2025-03-10', to: '2025-03-16', now: at('2025-03-20', 12), timeZone: TZ, calendar: workCalendar };

describe('computeMeasures: a hand-checked week', () => {
  const m = computeMeasures(APPEALS, OPTIONS);

  it('counts received, open, overdue and answers', () => {
    expect(m).toMatchObject({
      received: 6, open: 3, overdue: 1, answered: 3, answeredOnTime: 2, answeredLate: 1, noDeadline: 1,
      atRisk24h: 0, atRisk3wd: 0, fastTrack: 1, fz59: 1, repeat: 1, postponed: 1, rejected: 0, unmappedSector: 1,
    });
    expect(m.overdueShare).toBeCloseTo(1 / 6);
    expect(m.onTimeShare).toBeCloseTo(2 / 3);
    expect(m.fastTrackShare).toBeCloseTo(1 / 6);
    expect(m.answeredWithin8DaysShare).toBe(1);
  });

  it('gives answer time in days for a mixed slice and in hours for ИМ', () => {
    expect(m.answerHours).toMatchObject({ count: 3, sum: 194, median: 48 });
    expect(m.answerTime.unit).toBe('days');
    expect(m.answerTime.average).toBeCloseTo(194 / 3 / 24);
    expect(m.answerTime.median).toBe(2);
    const im = computeMeasures(APPEALS, { ...OPTIONS, slice: { source: 'im' } });
    expect(im.received).toBe(1);
    expect(im.answerTime).toEqual({ unit: 'hours', average: 2, median: 2, count: 1 });
  });

  it('gives rating distribution, average and share 4–5, and reactions', () => {
    expect(m.rating).toEqual({ distribution: [0, 1, 0, 0, 1], rated: 2, sum: 7, average: 3.5, satisfied: 1, satisfiedShare: 0.5 });
    expect(m.reactions).toEqual({ satisfied: 1, neutral: 0, dissatisfied: 0, total: 1 });
  });

  it('lists top themes with Δ vs the previous period and the 7-day average', () => {
    expect(m.topThemes).toEqual([
      { theme: 'Водоснабжение', count: 2, share: 2 / 6, previous: 1, delta: 1, dailyAverage7d: 2 / 7 },
      { theme: 'Мусор', count: 2, share: 2 / 6, previous: 1, delta: 1, dailyAverage7d: 2 / 7 },
      { theme: 'Дороги', count: 1, share: 1 / 6, previous: 0, delta: 1, dailyAverage7d: 1 / 7 },
      { theme: 'Прочие', count: 1, share: 1 / 6, previous: 0, delta: 1, dailyAverage7d: 1 / 7 },
    ]);
    expect(computeMeasures(APPEALS, { ...OPTIONS, topThemes: 1, themeLevel: 'subcategory' }).topThemes).toHaveLength(1);
  });

  it('slices by municipality, organisation and sector', () => {
    expect(computeMeasures(APPEALS, { ...OPTIONS, slice: { municipality: 'g-kirov' } }).received).toBe(2);
    expect(computeMeasures(APPEALS, { ...OPTIONS, slice: { organisation: 'Администрация города Кирова' } }).received).toBe(1);
    expect(computeMeasures(APPEALS, { ...OPTIONS, slice: { sector: 'waste' } })).toMatchObject({ received: 2, open: 2, overdue: 1 });
  });

  it('reads «нет данных» as null shares on an empty slice', () => {
    const empty = computeMeasures(APPEALS, { ...OPTIONS, slice: { municipality: 'nowhere' } });
    expect(empty).toMatchObject({ received: 0, overdueShare: null, onTimeShare: null, fastTrackShare: null, answeredWithin8DaysShare: null, topThemes: [] });
    expect(empty.rating.average).toBeNull();
    expect(empty.answerTime).toEqual({ unit: 'days', average: null, median: null, count: 0 });
  });

  it('classifies at the given moment: earlier, the late answer was still open and at risk', () => {
    const earlier = computeMeasures(APPEALS, { ...OPTIONS, now: at('2025-03-14', 12) });
    expect(earlier).toMatchObject({ answered: 2, open: 4 });
    expect(earlier.atRisk24h).toBe(1); // pos:2 due end of 14.03
  });
});

describe('computeMeasuresBy: slices sum to totals (property)', () => {
  const days = ['2025-04-28', '2025-04-29', '2025-04-30', '2025-05-05', '2025-05-06', '2025-05-07'];
  const appealArb = fc.record({
    n: fc.integer({ min: 0, max: 1e9 }),
    day: fc.constantFrom(...days),
    hour: fc.integer({ min: 0, max: 23 }),
    source: fc.constantFrom('pos', 'im', 'letter59') as fc.Arbitrary<Appeal['source']>,
    sector: fc.constantFrom('housing', 'roads', 'other'),
    municipality: fc.constantFrom('g-kirov', 'slobodskoy', null),
    org: fc.constantFrom('Администрация города Кирова', null),
    dueIn: fc.option(fc.integer({ min: -48, max: 400 })),
    answeredIn: fc.option(fc.integer({ min: 0, max: 400 })),
    rating: fc.option(fc.integer({ min: 1, max: 5 })),
    flags: fc.record({ fastTrack: fc.boolean(), isRepeat: fc.boolean(), fz59: fc.boolean(), postponed: fc.boolean() }),
  });
  type Raw = typeof appealArb extends fc.Arbitrary<infer T> ? T : never;
  const toAppeal = (r: Raw, i: number): Appeal => {
    const receivedAt = at(r.day, r.hour);
    return makeAppeal({
      source: r.source,
      externalId: `${i}-${r.n}`,
      receivedAt,
      sector: r.sector,
      municipality: r.municipality,
      orgCurrent: r.org,
      deadline: r.dueIn === null ? null : { dueAt: receivedAt + r.dueIn * H, originalDueAt: null, ruleId: 'x', ruleVersion: 1, explanation: '', hourBased: r.source === 'im' },
      answeredAt: r.answeredIn === null ? null : receivedAt + r.answeredIn * H,
      status: r.answeredIn === null ? (r.flags.postponed ? 'postponed' : 'assigned') : 'answered',
      rating: r.rating,
      fastTrack: r.flags.fastTrack,
      isRepeat: r.flags.isRepeat,
      regime: r.flags.fz59 ? 'fz59' : 'message',
    });
  };
  const ADDITIVE: ((m: Measures) => number)[] = [
    (m) => m.received, (m) => m.open, (m) => m.overdue, (m) => m.answered, (m) => m.answeredOnTime, (m) => m.answeredLate,
    (m) => m.noDeadline, (m) => m.atRisk24h, (m) => m.atRisk3wd, (m) => m.rating.rated, (m) => m.rating.sum, (m) => m.fastTrack,
    (m) => m.repeat, (m) => m.fz59, (m) => m.postponed, (m) => m.answerHours.count, (m) => Math.round(m.answerHours.sum * 1000),
  ];

  it('for every dimension', () => {
    fc.assert(
      fc.property(fc.array(appealArb, { maxLength: 25 }), fc.constantFrom(...days), (raw, nowDay) => {
        const appeals = raw.map(toAppeal);
        const options = { from: '2025-04-29', to: '2025-05-06', now: at(nowDay, 15), timeZone: TZ, calendar: workCalendar };
        const total = computeMeasures(appeals, options);
        for (const dimension of ['sector', 'municipality', 'source', 'organisation', 'day'] as const) {
          const parts = [...computeMeasuresBy(appeals, options, dimension).values()];
          for (const measure of ADDITIVE) expect(parts.reduce((s, m) => s + measure(m), 0)).toBe(measure(total));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('keys appeals along each dimension', () => {
    const a = APPEALS[0]!;
    expect(dimensionKey(a, 'organisation', TZ)).toBe('Администрация города Кирова');
    expect(dimensionKey(a, 'day', TZ)).toBe('2025-03-10');
    expect(dimensionKey(a, 'source', TZ)).toBe('pos');
  });
});

describe('KPI definitions', () => {
  it('define every indicator with formula, what is counted and source columns', () => {
    const ids = KPI_DEFINITIONS.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
    const m = computeMeasures(APPEALS, OPTIONS) as unknown as Record<string, unknown>;
    for (const k of KPI_DEFINITIONS) {
      expect(k.formula.length).toBeGreaterThan(5);
      expect(k.counts.length).toBeGreaterThan(5);
      expect(k.columns.length).toBeGreaterThan(0);
      // every id points at a real measure
      const value = k.id.split('.').reduce<unknown>((o, key) => (o as Record<string, unknown>)[key], m);
      expect(value === null || typeof value === 'number').toBe(true);
    }
    expect(kpiById('rating.satisfiedShare')!.target!.value).toBe(0.6);
    expect(kpiById('nope')).toBeNull();
  });
});
