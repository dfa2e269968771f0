import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaMembers, areaNarrows, concernsSelection, inSelection, selectionOf, wallAreaSchema, type WallArea } from './area';
import type { WallFocus } from './scenes';
import { initialWallState, reduceWall, snapshotOf } from './rotation';
import { DEFAULT_PLAYLISTS } from './playlist';
import { parsePresenterCommand, wallStateSnapshotSchema } from './presenter-protocol';

const MUNIS = ['m1', 'm2', 'm3', 'm4'];
const SECTORS = ['housing', 'roads', 'health'];
const areaArb: fc.Arbitrary<WallArea | null> = fc.option(
  fc.record({
    sector: fc.option(fc.constantFrom(...SECTORS), { nil: null }),
    municipalities: fc.option(fc.subarray(MUNIS, { minLength: 1 }).map((members) => ({ name: 'Куст', members })), { nil: null }),
  }),
  { nil: null },
);
const focusArb: fc.Arbitrary<WallFocus | null> = fc.option(
  fc.oneof(fc.constantFrom(...MUNIS).map((id): WallFocus => ({ kind: 'municipality', id })), fc.constantFrom(...SECTORS).map((id): WallFocus => ({ kind: 'sector', id }))),
  { nil: null },
);
const recordArb = fc.record({ sector: fc.constantFrom(...SECTORS), municipality: fc.option(fc.constantFrom(...MUNIS), { nil: null }) });

/** What «in the area and in the focus» means, written the plain way. */
function inBoth(area: WallArea | null, focus: WallFocus | null, sector: string, municipality: string | null): boolean {
  const inArea = (!area?.sector || area.sector === sector) && (!area?.municipalities || (municipality !== null && area.municipalities.members.includes(municipality)));
  const inFocus = !focus || (focus.kind === 'sector' ? focus.id === sector : focus.id === municipality);
  return inArea && inFocus;
}

describe('the wall area and focus', () => {
  it('select exactly the records in the area and in the focus', () => {
    fc.assert(
      fc.property(areaArb, focusArb, recordArb, (area, focus, r) => {
        expect(inSelection(selectionOf(area, focus), r.sector, r.municipality)).toBe(inBoth(area, focus, r.sector, r.municipality));
      }),
      { numRuns: 300 },
    );
  });

  it('is empty exactly when nothing can match, and never wider than the area', () => {
    fc.assert(
      fc.property(areaArb, focusArb, (area, focus) => {
        const selection = selectionOf(area, focus);
        const anyMatch = SECTORS.some((s) => MUNIS.some((m) => inBoth(area, focus, s, m)));
        expect(selection.empty).toBe(!anyMatch);
        if (area?.municipalities && selection.municipalities) {
          for (const id of selection.municipalities) expect(area.municipalities.members).toContain(id);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('names the unknowns: an appeal without a municipality is outside a municipal area', () => {
    const selection = selectionOf({ sector: null, municipalities: { name: 'Юг', members: ['m1'] } }, null);
    expect(inSelection(selection, 'roads', null)).toBe(false);
    expect(inSelection(selectionOf(null, null), 'roads', null)).toBe(true);
  });

  it('lets a roadmap of the whole region concern every municipal area of its sector', () => {
    const south = selectionOf({ sector: 'roads', municipalities: { name: 'Юг', members: ['m1', 'm2'] } }, null);
    expect(concernsSelection(south, 'roads', [])).toBe(true);
    expect(concernsSelection(south, 'roads', ['m2', 'm3'])).toBe(true);
    expect(concernsSelection(south, 'roads', ['m3'])).toBe(false);
    expect(concernsSelection(south, 'housing', [])).toBe(false);
    expect(concernsSelection(selectionOf(null, null), 'housing', ['m3'])).toBe(true);
  });

  it('knows when an area narrows and which units it draws', () => {
    expect(areaNarrows(null)).toBe(false);
    expect(areaNarrows({ sector: null, municipalities: null })).toBe(false);
    expect(areaNarrows({ sector: 'roads', municipalities: null })).toBe(true);
    expect(areaMembers({ sector: 'roads', municipalities: null })).toBeNull();
    expect([...(areaMembers({ sector: null, municipalities: { name: 'Юг', members: ['m2', 'm1'] } }) ?? [])].sort()).toEqual(['m1', 'm2']);
  });
});

describe('the area in the presenter protocol and the rotation', () => {
  it('is validated on receipt, applied, kept over a playlist reset-free Escape, and announced', () => {
    const area = { sector: 'roads', municipalities: { name: 'Юг', members: ['m1'] } };
    const cmd = parsePresenterCommand({ v: 1, type: 'area', area });
    expect(cmd).not.toBeNull();
    expect(parsePresenterCommand({ v: 1, type: 'area', area: { sector: null, municipalities: { name: 'Пусто', members: [] } } })).toBeNull();
    expect(parsePresenterCommand({ v: 1, type: 'area', area: { sector: '<b>', municipalities: null, extra: 1 } })).not.toBeNull();
    let state = initialWallState(DEFAULT_PLAYLISTS[0]!);
    state = reduceWall(state, { type: 'command', command: cmd! });
    expect(state.area).toEqual(area);
    // Escape clears the focus and the pin, not the presenter's choice of area.
    state = reduceWall(state, { type: 'key', key: 'Escape' });
    expect(state.area).toEqual(area);
    const snapshot = snapshotOf(state);
    expect(wallStateSnapshotSchema.parse(snapshot).area).toEqual(area);
    state = reduceWall(state, { type: 'command', command: { v: 1, type: 'area', area: null } });
    expect(state.area).toBeNull();
    expect(wallAreaSchema.safeParse({ sector: null, municipalities: null }).success).toBe(true);
  });
});
