import { describe, expect, it } from 'vitest';
import { ColumnStore } from '../analytics/columns';
import { factsOf } from '../analytics/facts';
import { blankAppeal, type Appeal, type SourceKind } from '../domain/appeal';
import { isoToDayNumber } from '../domain/time';
import { computeIndicatorCounts, indicatorValue, totalCounts } from './compute';
import { COMPUTED_INDICATOR_IDS, INDICATORS, meetsTarget } from './definitions';
import { isQuarterCode, quarterDays, quarterLabel, quarterOfDay, recentQuarters, shiftQuarter } from './quarters';

let n = 0;
function appeal(day: string, source: SourceKind, over: Partial<Appeal> = {}): Appeal {
  const receivedAt = Date.parse(`${day}T09:00:00Z`);
  return { ...blankAppeal(source, String(++n), receivedAt), sector: 'roads', municipality: 'kirov', category: 'Ямы', ...over };
}

const HOUR = 3_600_000;
const answered = (onTime: boolean) => ({
  status: 'answered' as const,
  answeredAt: Date.parse('2026-10-05T09:00:00Z'),
  deadline: { dueAt: Date.parse('2026-10-05T09:00:00Z') + (onTime ? HOUR : -HOUR), originalDueAt: null, ruleId: 'record', ruleVersion: 1, explanation: '', hourBased: false },
});

function storeOf(appeals: Appeal[]): ColumnStore {
  const store = new ColumnStore(8);
  for (const a of appeals) store.upsert(factsOf(a, isoToDayNumber(new Date(a.receivedAt).toISOString().slice(0, 10))));
  return store;
}

const q4 = { from: isoToDayNumber('2026-10-01'), to: isoToDayNumber('2026-12-31') };
const q3 = { from: isoToDayNumber('2026-07-01'), to: isoToDayNumber('2026-09-30') };

const store = storeOf([
  appeal('2026-10-02', 'pos', { fastTrack: true, executor: 'Иванов', rating: 5, ...answered(true) }),
  appeal('2026-10-03', 'pos', { fastTrack: false, executor: null, rating: 2, ...answered(false) }),
  appeal('2026-10-04', 'pos', { fastTrack: true, executor: 'Петров', isRepeat: true, municipality: 'slob' }),
  appeal('2026-10-05', 'im', { executor: 'Сидоров', category: 'Мусор', sector: 'waste', rating: 4 }),
  appeal('2026-10-06', 'letter59', { executor: 'Кузнецов', category: 'Мусор', sector: 'waste' }),
  appeal('2026-08-01', 'pos', { fastTrack: true, executor: 'Иванов' }),
]);

describe('computeIndicatorCounts on a hand-built store', () => {
  const coverage = [{ topics: ['Ямы'], municipalities: ['kirov'], completedDay: isoToDayNumber('2026-11-15') }];
  const [cur, prev] = computeIndicatorCounts(store, { periods: [q4, q3], groupBy: 'none', coverage });
  const c = totalCounts(cur!);

  it.each([
    ['fast-track', 2, 3],
    ['auto-delivery', 3, 5],
    ['roadmap-coverage', 2, 5],
    ['info-systems', 4, 5],
    ['on-time', 1, 2],
    ['satisfaction', 2, 3],
    ['repeat', 1, 5],
  ] as const)('%s = %i / %i', (id, num, den) => {
    expect(indicatorValue(id, c)).toEqual({ numerator: num, denominator: den, value: num / den });
  });

  it('counts the previous quarter separately, and coverage only after the measure was completed', () => {
    const p = totalCounts(prev!);
    expect(p.received).toBe(1);
    expect(indicatorValue('roadmap-coverage', p).numerator).toBe(0);
    expect(indicatorValue('fast-track', p).value).toBe(1);
  });

  it('gives no value (not 0 %) when nothing is counted', () => {
    expect(indicatorValue('satisfaction', totalCounts(new Map())).value).toBeNull();
  });

  it('groups by block and by municipality', () => {
    const [bySector] = computeIndicatorCounts(store, { periods: [q4], groupBy: 'sector', coverage: [] });
    expect(bySector!.get('roads')!.received).toBe(3);
    expect(bySector!.get('waste')!.received).toBe(2);
    const [byMuni] = computeIndicatorCounts(store, { periods: [q4], groupBy: 'municipality', coverage: [] });
    expect(byMuni!.get('slob')!.repeat).toBe(1);
  });

  it('restricts to a block and treats an unknown block as empty', () => {
    const [only] = computeIndicatorCounts(store, { periods: [q4], groupBy: 'none', sector: 'waste', coverage: [] });
    expect(totalCounts(only!).received).toBe(2);
    const [none] = computeIndicatorCounts(store, { periods: [q4], groupBy: 'none', sector: 'nothing', coverage: [] });
    expect(none!.size).toBe(0);
  });

  it('whole-region coverage covers every municipality', () => {
    const [all] = computeIndicatorCounts(store, { periods: [q4], groupBy: 'none', coverage: [{ topics: ['Ямы'], municipalities: [], completedDay: 0 }] });
    expect(totalCounts(all!).covered).toBe(3);
  });
});

describe('definitions', () => {
  it('every computed indicator has a definition, and every definition reads columns', () => {
    for (const id of COMPUTED_INDICATOR_IDS) expect(INDICATORS.find((d) => d.id === id)).toBeDefined();
    for (const d of INDICATORS) {
      expect(d.columns.length).toBeGreaterThan(0);
      expect(d.name.ru && d.name.en && d.definition.ru && d.definition.en && d.formula.ru && d.formula.en).toBeTruthy();
    }
  });
  it('meets a target by direction', () => {
    expect(meetsTarget({ better: 'higher' }, 0.6, 0.5)).toBe(true);
    expect(meetsTarget({ better: 'lower' }, 0.6, 0.5)).toBe(false);
    expect(meetsTarget({ better: 'lower' }, null, 0.5)).toBeNull();
  });
});

describe('quarters', () => {
  it.each([
    ['2026-01-01', '2026-Q1'],
    ['2026-03-31', '2026-Q1'],
    ['2026-12-31', '2026-Q4'],
  ])('%s is in %s', (day, code) => expect(quarterOfDay(day)).toBe(code));
  it('knows its days, shifts and labels', () => {
    expect(quarterDays('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterDays('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4');
    expect(recentQuarters('2026-12-03', 3)).toEqual(['2026-Q2', '2026-Q3', '2026-Q4']);
    expect(quarterLabel('2026-Q4')).toBe('IV кв. 2026');
    expect(quarterLabel('2026-Q4', 'en')).toBe('Q4 2026');
    expect(isQuarterCode('2026-Q5')).toBe(false);
  });
});

describe('coverageFromRoadmaps', () => {
  it('takes done measures only, on their roadmap territory', async () => {
    const { coverageFromRoadmaps } = await import('./coverage');
    const roadmap = { id: 'r', municipalities: ['kirov'] } as never;
    const done = { roadmapId: 'r', status: 'done', completedDay: '2026-11-15', topics: ['Ямы'] } as never;
    const planned = { roadmapId: 'r', status: 'planned', completedDay: null, topics: ['Ямы'] } as never;
    const orphan = { roadmapId: 'x', status: 'done', completedDay: '2026-11-15', topics: ['Ямы'] } as never;
    expect(coverageFromRoadmaps([roadmap], [done, planned, orphan])).toEqual([{ topics: ['Ямы'], municipalities: ['kirov'], completedDay: isoToDayNumber('2026-11-15') }]);
  });
});
