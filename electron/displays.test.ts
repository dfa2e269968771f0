import { describe, expect, it } from 'vitest';
import { chooseWallDisplay, displayLabel, planDisplayRemoved, type DisplayLike } from './displays';

const primary: DisplayLike = { id: 1, label: 'Built-in', bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const wallA: DisplayLike = { id: 2, label: 'LG', bounds: { x: 1920, y: 0, width: 3840, height: 2160 } };
const wallB: DisplayLike = { id: 3, label: '', bounds: { x: 5760, y: 0, width: 7680, height: 2160 } };

describe('chooseWallDisplay', () => {
  const displays = [primary, wallA, wallB];
  it('takes the requested display when it exists', () => {
    expect(chooseWallDisplay({ displays, primaryId: 1, requestedId: 3, rememberedId: 2 })).toBe(wallB);
  });
  it('falls back to the remembered display, then the first secondary, then the primary', () => {
    expect(chooseWallDisplay({ displays, primaryId: 1, requestedId: 99, rememberedId: 3 })).toBe(wallB);
    expect(chooseWallDisplay({ displays, primaryId: 1, requestedId: null, rememberedId: 42 })).toBe(wallA);
    expect(chooseWallDisplay({ displays: [primary], primaryId: 1, requestedId: null, rememberedId: null })).toBe(primary);
    expect(chooseWallDisplay({ displays: [], primaryId: 1, requestedId: null, rememberedId: null })).toBeNull();
  });
});

describe('planDisplayRemoved', () => {
  it('ignores displays the wall is not on', () => {
    expect(planDisplayRemoved(2, 3, [primary, wallA], 1)).toEqual({ action: 'none' });
    expect(planDisplayRemoved(null, 2, [primary], 1)).toEqual({ action: 'none' });
  });
  it('moves the wall to another secondary display', () => {
    expect(planDisplayRemoved(2, 2, [primary, wallB], 1)).toEqual({ action: 'move', to: wallB });
  });
  it('closes the wall rather than cover the operator screen', () => {
    expect(planDisplayRemoved(2, 2, [primary], 1)).toEqual({ action: 'close' });
  });
});

describe('displayLabel', () => {
  it('names displays for the operator in Russian', () => {
    expect(displayLabel(primary, 0, 1)).toBe('Built-in (1920×1080, основной)');
    expect(displayLabel(wallB, 2, 1)).toBe('Экран 3 (7680×2160)');
  });
});
