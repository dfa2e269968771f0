import { describe, expect, it } from 'vitest';
import { areaOfFilters } from './area';

const names = (id: string) => ({ m1: 'Слободской район', m2: 'Кирово-Чепецкий район' })[id] ?? id;

describe('the wall area from the top bar filters', () => {
  it('carries the sector and the municipality scope: region, one municipality, a group', () => {
    expect(areaOfFilters(null, { kind: 'region' }, names)).toEqual({ sector: null, municipalities: null });
    expect(areaOfFilters('roads', { kind: 'one', id: 'm1' }, names)).toEqual({ sector: 'roads', municipalities: { name: 'Слободской район', members: ['m1'] } });
    expect(areaOfFilters(null, { kind: 'group', name: 'Южный куст', members: ['m1', 'm2'] }, names)).toEqual({
      sector: null,
      municipalities: { name: 'Южный куст', members: ['m1', 'm2'] },
    });
    // A group left without members (all outside the account scope) is no municipal restriction here;
    // the account scope itself still limits the wall through the data layer.
    expect(areaOfFilters('health', { kind: 'group', name: 'Пусто', members: [] }, names)).toEqual({ sector: 'health', municipalities: null });
  });
});
