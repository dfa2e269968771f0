import { describe, expect, it } from 'vitest';
import type { DisplayInfo } from '../../platform';
import { arrangementOf, bezelValue, draftFrom } from './ArrangementPicker';

const panel = (id: number, col: number, row: number): DisplayInfo => ({ id, label: `Панель ${id}`, width: 1920, height: 1080, isPrimary: false, x: 1920 + col * 1920, y: row * 1080 });
const operator: DisplayInfo = { id: 1, label: 'Ноутбук', width: 1920, height: 1080, isPrimary: true, x: 0, y: 0 };
const displays = [operator, panel(11, 0, 0), panel(12, 1, 0), panel(13, 0, 1), panel(14, 1, 1)];

describe('arrangement picker', () => {
  it('opens a span only when the ticked panels tile a rectangle', () => {
    expect(arrangementOf({ kind: 'span', spanIds: [11, 12, 13, 14], screens: [] }, null, displays, false)).toEqual({ kind: 'span', displayIds: [11, 12, 13, 14] });
    expect(arrangementOf({ kind: 'span', spanIds: [11, 12, 13], screens: [] }, null, displays, false)).toBeNull();
    // A panel unplugged since the choice was saved is left out, and the rest must still tile.
    expect(arrangementOf({ kind: 'span', spanIds: [11, 12, 99], screens: [] }, null, displays, false)).toEqual({ kind: 'span', displayIds: [11, 12] });
  });

  it('opens the ticked screens of a per-display wall, none when nothing is ticked', () => {
    const screens = [{ displayId: 12, playlistId: 'operative-meeting', offset: 1 }];
    expect(arrangementOf({ kind: 'per-display', spanIds: [], screens }, null, displays, false)).toEqual({ kind: 'per-display', screens });
    expect(arrangementOf({ kind: 'per-display', spanIds: [], screens: [] }, null, displays, false)).toBeNull();
  });

  it('in a browser, a span is one window the operator stretches; a single wall keeps its display', () => {
    expect(arrangementOf({ kind: 'span', spanIds: [], screens: [] }, null, [], true)).toEqual({ kind: 'single', displayId: null });
    expect(arrangementOf({ kind: 'single', spanIds: [], screens: [] }, 13, displays, false)).toEqual({ kind: 'single', displayId: 13 });
  });

  it('carries the bezel compensation of a span only when it is set, and clamps typed values', () => {
    expect(arrangementOf({ kind: 'span', spanIds: [11, 12], screens: [], bezel: { x: 20, y: 0 } }, null, displays, false)).toEqual({ kind: 'span', displayIds: [11, 12], bezel: { x: 20, y: 0 } });
    expect(arrangementOf({ kind: 'span', spanIds: [11, 12], screens: [], bezel: { x: 0, y: 0 } }, null, displays, false)).toEqual({ kind: 'span', displayIds: [11, 12] });
    expect(draftFrom({ kind: 'span', displayIds: [11, 12], bezel: { x: 20, y: 8 } })).toEqual({ kind: 'span', spanIds: [11, 12], screens: [], bezel: { x: 20, y: 8 } });
    expect([bezelValue('24'), bezelValue('-3'), bezelValue('9000'), bezelValue('abc'), bezelValue('12.6')]).toEqual([24, 0, 400, 0, 13]);
  });

  it('restores the saved arrangement as a draft', () => {
    expect(draftFrom({ kind: 'span', displayIds: [11, 12] })).toEqual({ kind: 'span', spanIds: [11, 12], screens: [] });
    expect(draftFrom(null)).toEqual({ kind: 'single', spanIds: [], screens: [] });
  });
});
