import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isCatchAllCategory, shapeSectorPanel, topCategories, worstUnits, type SectorCounts } from './shape';

const counts = (over: Partial<SectorCounts> = {}): SectorCounts => ({
  received: 0,
  answeredOnTime: 0,
  answeredLate: 0,
  rated: 0,
  satisfied: 0,
  unmappedSector: 0,
  ...over,
});
const deadlines = { open: 4, overdue: 2, atRisk24h: 1, atRisk3wd: 1 };

describe('sector panel shaping', () => {
  it('computes shares, change and the top categories with their change', () => {
    const panel = shapeSectorPanel({
      sector: 'housing',
      current: counts({ received: 10, answeredOnTime: 3, answeredLate: 1, rated: 4, satisfied: 3 }),
      previous: counts({ received: 14 }),
      deadlines,
      trend: [1, 2, 3],
      categories: new Map([
        ['Водоснабжение', 6],
        ['Теплоснабжение', 4],
      ]),
      previousCategories: new Map([['Теплоснабжение', 9]]),
    });
    expect(panel.delta).toBe(-4);
    expect(panel.onTimeShare).toBe(0.75);
    expect(panel.satisfaction).toBe(0.75);
    expect(panel.topCategories.map((c) => [c.category, c.count, c.delta])).toEqual([
      ['Водоснабжение', 6, 6],
      ['Теплоснабжение', 4, -5],
    ]);
    expect(panel.needsDecomposition).toBe(false);
  });

  it('flags a dominant «прочие» category, but not in the «Прочее» sector itself', () => {
    const input = {
      current: counts({ received: 10 }),
      previous: counts(),
      deadlines,
      trend: [],
      categories: new Map([
        ['Прочие вопросы ЖКХ', 3],
        ['Водоснабжение', 7],
      ]),
      previousCategories: new Map<string, number>(),
    };
    expect(shapeSectorPanel({ ...input, sector: 'housing' }).needsDecomposition).toBe(true);
    expect(shapeSectorPanel({ ...input, sector: 'housing' }).catchAllShare).toBeCloseTo(0.3);
    expect(shapeSectorPanel({ ...input, sector: 'other' }).needsDecomposition).toBe(false);
    expect(isCatchAllCategory('Другое')).toBe(true);
    expect(isCatchAllCategory('Дороги')).toBe(false);
  });

  it('returns no shares for an empty sector', () => {
    const panel = shapeSectorPanel({
      sector: 'energy',
      current: counts(),
      previous: counts(),
      deadlines: { open: 0, overdue: 0, atRisk24h: 0, atRisk3wd: 0 },
      trend: [],
      categories: new Map(),
      previousCategories: new Map(),
    });
    expect(panel.onTimeShare).toBeNull();
    expect(panel.satisfaction).toBeNull();
    expect(panel.topCategories).toEqual([]);
  });

  it('top categories are sorted, limited and their shares never exceed the whole', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 100 })), (dict) => {
        const current = new Map(Object.entries(dict));
        const top = topCategories(current, new Map(), 5);
        expect(top.length).toBe(Math.min(5, current.size));
        for (let i = 1; i < top.length; i++) expect(top[i - 1]!.count).toBeGreaterThanOrEqual(top[i]!.count);
        expect(top.reduce((s, c) => s + c.share, 0)).toBeLessThanOrEqual(1 + 1e-9);
      }),
    );
  });

  it('orders the worst units by overdue, then on-time share, and drops empty ones', () => {
    const rows = worstUnits([
      { id: 'a', received: 5, overdue: 1, onTimeShare: 0.9 },
      { id: 'b', received: 5, overdue: 3, onTimeShare: 0.9 },
      { id: 'c', received: 5, overdue: 1, onTimeShare: 0.2 },
      { id: 'd', received: 0, overdue: 0, onTimeShare: null },
    ]);
    expect(rows.map((r) => r.id)).toEqual(['b', 'c', 'a']);
  });
});
