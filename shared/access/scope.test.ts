import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampChoice,
  clampToScope,
  intersectScopes,
  isInScope,
  normalizeScope,
  pickable,
  scopePredicate,
  UNRESTRICTED,
  NOTHING,
  type AccessScope,
} from './scope';

const SECTORS = ['zhkh', 'tko', 'energy', 'roads', 'other'];
const MUNIS = ['m1', 'm2', 'm3', 'm4'];

const idsOrNull = (pool: string[]) => fc.option(fc.subarray(pool), { nil: null });
const scopeArb: fc.Arbitrary<AccessScope> = fc.record({ sectors: idsOrNull(SECTORS), municipalities: idsOrNull(MUNIS) });
const appealArb = fc.record({ sector: fc.constantFrom(...SECTORS), muniKey: fc.constantFrom('', ...MUNIS) });

describe('scope', () => {
  it.each([
    [{ sectors: ['zhkh'], municipalities: null }, { sector: 'zhkh', muniKey: 'm1' }, true],
    [{ sectors: ['zhkh'], municipalities: null }, { sector: 'roads', muniKey: 'm1' }, false],
    [{ sectors: null, municipalities: ['m1'] }, { sector: 'roads', muniKey: 'm1' }, true],
    [{ sectors: null, municipalities: ['m1'] }, { sector: 'roads', muniKey: '' }, false],
    [{ sectors: ['zhkh'], municipalities: ['m1'] }, { sector: 'zhkh', muniKey: 'm2' }, false],
    [UNRESTRICTED, { sector: 'roads', muniKey: '' }, true],
    [NOTHING, { sector: 'roads', muniKey: 'm1' }, false],
  ])('%j contains %j: %s', (scope, appeal, inside) => {
    expect(isInScope(scope, appeal)).toBe(inside);
    expect(scopePredicate(scope)(appeal.sector, appeal.muniKey)).toBe(inside);
  });

  it('the compiled predicate agrees with isInScope', () => {
    fc.assert(fc.property(scopeArb, appealArb, (scope, a) => scopePredicate(scope)(a.sector, a.muniKey) === isInScope(scope, a)));
  });

  it.each([
    ['zhkh', ['zhkh', 'tko'], 'zhkh'],
    ['roads', ['zhkh', 'tko'], null],
    [null, ['zhkh'], null],
    ['roads', null, 'roads'],
  ])('clampChoice(%s, %j) = %s', (requested, allowed, expected) => {
    expect(clampChoice(requested, allowed)).toBe(expected);
  });

  it('a clamped choice is never a value outside the scope', () => {
    fc.assert(
      fc.property(scopeArb, fc.option(fc.constantFrom(...SECTORS)), fc.option(fc.constantFrom(...MUNIS)), (scope, sector, municipality) => {
        const clamped = clampToScope({ sector, municipality }, scope);
        if (clamped.sector !== null && scope.sectors !== null) expect(scope.sectors).toContain(clamped.sector);
        if (clamped.municipality !== null && scope.municipalities !== null) expect(scope.municipalities).toContain(clamped.municipality);
        // Clamping twice changes nothing.
        expect(clampToScope(clamped, scope)).toEqual(clamped);
      }),
    );
  });

  it('clampToScope keeps the same object when nothing changes', () => {
    const filter = { sector: 'zhkh', municipality: null, extra: 1 };
    expect(clampToScope(filter, { sectors: ['zhkh'], municipalities: null })).toBe(filter);
  });

  it('pickable lists only what the scope allows', () => {
    const items = SECTORS.map((id) => ({ id }));
    expect(pickable(items, ['tko', 'roads']).map((i) => i.id)).toEqual(['tko', 'roads']);
    expect(pickable(items, null)).toHaveLength(SECTORS.length);
  });

  it('the intersection of two scopes allows exactly what both allow', () => {
    fc.assert(
      fc.property(scopeArb, scopeArb, appealArb, (a, b, appeal) =>
        isInScope(intersectScopes(a, b), appeal) === (isInScope(a, appeal) && isInScope(b, appeal)),
      ),
    );
  });

  it('normalizeScope sorts, de-duplicates and drops empty ids', () => {
    expect(normalizeScope({ sectors: ['tko', 'zhkh', 'tko', ''] })).toEqual({ sectors: ['tko', 'zhkh'], municipalities: null });
    expect(normalizeScope(null)).toEqual(UNRESTRICTED);
  });
});
