import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KIROV_PACK } from '../domain/packs';
import { cleanSavedGroups, groupScope, packTypeGroups, parseScope, REGION_SCOPE, sameScope, scopeMembers, writeScope, type MunicipalityScope } from './municipality-scope';

const ids = KIROV_PACK.municipalities.map((m) => m.id);
const known = new Set(ids);

const scopeArb: fc.Arbitrary<MunicipalityScope> = fc.oneof(
  fc.constant(REGION_SCOPE),
  fc.constantFrom(...ids).map((id) => ({ kind: 'one' as const, id })),
  fc
    .tuple(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0), fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 6 }))
    .map(([name, members]) => groupScope(name, members, known)!),
);

describe('municipality scope in the URL', () => {
  it('restores every scope from the parameters it writes', () => {
    fc.assert(
      fc.property(scopeArb, (scope) => {
        const params = writeScope(new URLSearchParams('from=2025-01-01'), scope);
        const back = parseScope(new URLSearchParams(params.toString()), known);
        expect(sameScope(back, scope)).toBe(true);
        expect(params.get('from')).toBe('2025-01-01');
      }),
      { numRuns: 300 },
    );
  });

  it('drops unknown municipalities and falls back to the whole region', () => {
    expect(parseScope(new URLSearchParams('mo=nowhere'), known)).toEqual(REGION_SCOPE);
    expect(parseScope(new URLSearchParams(`mo=nowhere,${ids[0]}`), known)).toEqual({ kind: 'one', id: ids[0] });
    expect(parseScope(new URLSearchParams(`mo=${ids[1]},${ids[0]},${ids[0]}&mog=Север`), known)).toEqual({ kind: 'group', name: 'Север', members: [ids[0], ids[1]].sort() });
    expect(parseScope(new URLSearchParams(''), known)).toEqual(REGION_SCOPE);
  });

  it('admits exactly the scope members', () => {
    expect(scopeMembers(REGION_SCOPE)).toBeNull();
    expect(scopeMembers({ kind: 'one', id: 'a' })).toEqual(['a']);
    expect(scopeMembers({ kind: 'group', name: 'g', members: ['a', 'b'] })).toEqual(['a', 'b']);
  });
});

describe('municipality groups', () => {
  it('groups the pack by kind, each municipality in at most one kind', () => {
    const groups = packTypeGroups(KIROV_PACK.municipalities);
    expect(groups.map((g) => g.name)).toContain('Городские округа');
    const seen = new Set<string>();
    for (const g of groups) for (const m of g.members) {
      expect(seen.has(m)).toBe(false);
      seen.add(m);
    }
  });

  it('validates saved groups: unknown ids, empty and duplicate names dropped', () => {
    const raw = [
      { name: ' Север ', members: [ids[0], 'nowhere', ids[0]] },
      { name: 'Север', members: [ids[1]] },
      { name: '', members: [ids[2]] },
      { name: 'Пусто', members: ['nowhere'] },
      'junk',
    ];
    expect(cleanSavedGroups(raw, known)).toEqual([{ id: 'custom:Север', name: 'Север', members: [ids[0]] }]);
    expect(cleanSavedGroups({}, known)).toEqual([]);
  });
});
