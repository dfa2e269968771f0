import { describe, expect, it } from 'vitest';
import { chooseWallDisplay, displayLabel, planDisplayRemoved, planPanesAfterRemoval, planWallPanes, type DisplayLike } from './displays';

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

describe('planWallPanes', () => {
  const operator: DisplayLike = { id: 1, label: 'Ноутбук', bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
  const panel = (id: number, col: number, row: number): DisplayLike => ({ id, label: `Панель ${id}`, bounds: { x: 1920 + col * 1920, y: row * 1080, width: 1920, height: 1080 } });
  const grid = [panel(11, 0, 0), panel(12, 1, 0), panel(13, 0, 1), panel(14, 1, 1)];
  const displays = [operator, ...grid];

  it('opens one full-screen pane for a single wall, on the chosen display', () => {
    const result = planWallPanes({ arrangement: { kind: 'single', displayId: 13 }, displays, primaryId: 1, rememberedId: null });
    expect(result).toMatchObject({ ok: true, panes: [{ key: 'wall', displayIds: [13], fullscreen: true, bounds: grid[2]!.bounds }] });
  });
  it('spans one frameless pane over a 2×2 wall (3840×2160 canvas right of the operator screen)', () => {
    const result = planWallPanes({ arrangement: { kind: 'span', displayIds: [14, 11, 13, 12] }, displays, primaryId: 1, rememberedId: null });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.panes).toHaveLength(1);
    expect(result.panes[0]).toMatchObject({ key: 'span', fullscreen: false, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } });
    expect(result.panes[0]!.label).toMatch(/^2×2: /);
  });
  it('with bezels, opens one full-screen pane per panel, each showing its part of the larger canvas', () => {
    const result = planWallPanes({ arrangement: { kind: 'span', displayIds: [14, 11, 13, 12], bezel: { x: 24, y: 16 } }, displays, primaryId: 1, rememberedId: null });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.panes.map((p) => [p.key, p.displayIds[0], p.fullscreen, p.query.wallCanvas, p.query.wallPart, p.query.wallScreen])).toEqual([
      ['span-0', 14, true, '3864x2176', '1944,1096', '0'],
      ['span-1', 11, true, '3864x2176', '0,0', '1'],
      ['span-2', 13, true, '3864x2176', '0,1096', '2'],
      ['span-3', 12, true, '3864x2176', '1944,0', '3'],
    ]);
    expect(result.panes[1]!.bounds).toEqual(grid[0]!.bounds);
    expect(result.panes[0]!.label).toMatch(/^2×2 \[2, 2\]: Панель 14/);
    // Zero bezels keep the one window over all panels.
    const plain = planWallPanes({ arrangement: { kind: 'span', displayIds: [11, 12], bezel: { x: 0, y: 0 } }, displays, primaryId: 1, rememberedId: null });
    expect(plain.ok && plain.panes.map((p) => p.key)).toEqual(['span']);
  });
  it('refuses a span with a hole or a display that is not connected', () => {
    expect(planWallPanes({ arrangement: { kind: 'span', displayIds: [11, 12, 13] }, displays, primaryId: 1, rememberedId: null })).toEqual({ ok: false, reason: 'span-gaps' });
    expect(planWallPanes({ arrangement: { kind: 'span', displayIds: [11, 99] }, displays, primaryId: 1, rememberedId: null })).toEqual({ ok: false, reason: 'missing-display', missingIds: [99] });
  });
  it('opens one pane per display with its own playlist and starting scene', () => {
    const result = planWallPanes({
      arrangement: {
        kind: 'per-display',
        screens: [
          { displayId: 11, playlistId: 'operative-meeting', offset: 0 },
          { displayId: 12, playlistId: 'operative-meeting', offset: 1 },
          { displayId: 13, playlistId: null, offset: 0 },
        ],
      },
      displays,
      primaryId: 1,
      rememberedId: null,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.panes.map((p) => [p.key, p.displayIds, p.fullscreen, p.query])).toEqual([
      ['screen-0', [11], true, { wallScreen: '0', wallOffset: '0', wallPlaylist: 'operative-meeting' }],
      ['screen-1', [12], true, { wallScreen: '1', wallOffset: '1', wallPlaylist: 'operative-meeting' }],
      ['screen-2', [13], true, { wallScreen: '2', wallOffset: '0' }],
    ]);
  });
  it('reports no display at all', () => {
    expect(planWallPanes({ arrangement: { kind: 'single', displayId: null }, displays: [], primaryId: 1, rememberedId: null })).toEqual({ ok: false, reason: 'no-display' });
  });
});

describe('planPanesAfterRemoval', () => {
  const operator: DisplayLike = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
  const d = (id: number): DisplayLike => ({ id, bounds: { x: id * 1920, y: 0, width: 1920, height: 1080 } });
  it('keeps a span on the displays that remain, in place, and names the lost one', () => {
    const plan = planPanesAfterRemoval([{ key: 'span', displayIds: [2, 3, 4, 5] }], 3, [operator, d(2), d(4), d(5)], 1);
    expect(plan).toEqual([{ key: 'span', action: 'keep-span', lostIds: [3] }]);
  });
  it('closes a span once none of its displays remain', () => {
    expect(planPanesAfterRemoval([{ key: 'span', displayIds: [2, 3] }], 3, [operator], 1)).toEqual([{ key: 'span', action: 'close' }]);
  });
  it('closes only the per-display pane on the unplugged display', () => {
    const panes = [
      { key: 'screen-0', displayIds: [2] },
      { key: 'screen-1', displayIds: [3] },
      { key: 'screen-2', displayIds: [4] },
    ];
    expect(planPanesAfterRemoval(panes, 3, [operator, d(2), d(4)], 1)).toEqual([
      { key: 'screen-0', action: 'keep' },
      { key: 'screen-1', action: 'close' },
      { key: 'screen-2', action: 'keep' },
    ]);
  });
  it('closes only the part of a bezel-compensated span on the unplugged display; the other parts keep showing', () => {
    const panes = [
      { key: 'span-0', displayIds: [2] },
      { key: 'span-1', displayIds: [3] },
    ];
    expect(planPanesAfterRemoval(panes, 3, [operator, d(2)], 1)).toEqual([
      { key: 'span-0', action: 'keep' },
      { key: 'span-1', action: 'close' },
    ]);
  });
  it('moves a single wall to a free secondary display, else closes it', () => {
    expect(planPanesAfterRemoval([{ key: 'wall', displayIds: [2] }], 2, [operator, d(3)], 1)).toEqual([{ key: 'wall', action: 'move', to: d(3) }]);
    expect(planPanesAfterRemoval([{ key: 'wall', displayIds: [2] }], 2, [operator], 1)).toEqual([{ key: 'wall', action: 'close' }]);
  });
});
