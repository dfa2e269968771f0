import { describe, expect, it } from 'vitest';
import { ColumnStore } from '../analytics/columns';
import { factsOf } from '../analytics/facts';
import { blankAppeal } from '../domain/appeal';
import { isoToDayNumber } from '../domain/time';
import { roadmapEffectDay, sliceDailyCounts, sliceEffect, weeklySums } from './slice';

function storeOf(rows: { day: string; category: string; municipality: string }[]): ColumnStore {
  const store = new ColumnStore(16);
  rows.forEach((r, i) => {
    const a = { ...blankAppeal('pos', String(i), Date.parse(`${r.day}T09:00:00Z`)), category: r.category, municipality: r.municipality };
    store.upsert(factsOf(a, isoToDayNumber(r.day)));
  });
  return store;
}

describe('sliceDailyCounts', () => {
  const store = storeOf([
    { day: '2026-01-01', category: 'Ямы', municipality: 'kirov' },
    { day: '2026-01-01', category: 'Ямы', municipality: 'slob' },
    { day: '2026-01-02', category: 'Ямы', municipality: 'kirov' },
    { day: '2026-01-02', category: 'Мусор', municipality: 'kirov' },
    { day: '2026-01-03', category: 'Ямы', municipality: '' },
  ]);
  const d = isoToDayNumber('2026-01-01');
  const window = { from: d, to: d + 2 };

  it('counts the topics on the territory per day', () => {
    expect(sliceDailyCounts(store, { topics: ['Ямы'], municipalities: ['kirov'] }, [window])).toEqual([[1, 1, 0]]);
    expect(sliceDailyCounts(store, { topics: ['Ямы', 'Мусор'], municipalities: ['kirov'] }, [window])).toEqual([[1, 2, 0]]);
  });
  it('counts the whole region when no municipality is given, and the complement as a comparison', () => {
    expect(sliceDailyCounts(store, { topics: ['Ямы'], municipalities: [] }, [window])).toEqual([[2, 1, 1]]);
    expect(sliceDailyCounts(store, { topics: ['Ямы'], municipalities: ['kirov'], outsideMunicipalities: true }, [window])).toEqual([[1, 0, 1]]);
  });
  it('counts nothing for unknown topics', () => {
    expect(sliceDailyCounts(store, { topics: ['Нет такой'], municipalities: [] }, [window])).toEqual([[0, 0, 0]]);
  });
});

describe('sliceEffect', () => {
  it('falls back to last year when a whole-region roadmap asks for a territory comparison', () => {
    const store = storeOf([]);
    const e = sliceEffect(store, { topics: ['Ямы'], municipalities: [] }, 1000, 1100, 'territory');
    expect(e.comparison).toBe('last-year');
    expect(e.verdict.kind).toBe('too-few');
  });
  it('counts the territory and the rest of the region in one pass, as separate counts would', () => {
    const rows = [] as { day: string; category: string; municipality: string }[];
    for (let i = 0; i < 60; i++) {
      const day = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
      rows.push({ day, category: 'Ямы', municipality: 'kirov' }, { day, category: 'Ямы', municipality: 'slob' }, { day, category: 'Ямы', municipality: 'slob' });
    }
    const store = storeOf(rows);
    const e = sliceEffect(store, { topics: ['Ямы'], municipalities: ['kirov'] }, isoToDayNumber('2026-01-30'), isoToDayNumber('2026-03-01'), 'territory');
    expect(e.comparison).toBe('territory');
    const [before, after] = sliceDailyCounts(store, { topics: ['Ямы'], municipalities: ['kirov'], outsideMunicipalities: true }, [e.windows!.before, e.windows!.after]);
    expect(e.series!.controlBefore).toEqual(before);
    expect(e.series!.controlAfter).toEqual(after);
    expect(e.series!.targetBefore.every((n) => n === 1)).toBe(true);
  });

  it('is too early the day after completion', () => {
    const e = sliceEffect(storeOf([]), { topics: ['Ямы'], municipalities: ['kirov'] }, 1000, 1001, 'territory');
    expect(e.verdict).toEqual({ kind: 'too-early', afterDays: 0, needDays: 28 });
  });
});

describe('helpers', () => {
  it('sums weeks and finds the first completed measure', () => {
    expect(weeklySums([1, 1, 1, 1, 1, 1, 1, 2, 2])).toEqual([7, 4]);
    expect(roadmapEffectDay([{ status: 'done', completedDay: '2026-05-01' }, { status: 'done', completedDay: '2026-04-01' }, { status: 'planned', completedDay: null }])).toBe('2026-04-01');
    expect(roadmapEffectDay([])).toBeNull();
  });
});
