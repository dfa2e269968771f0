import { describe, expect, it } from 'vitest';
import { initialWallState, reduceWall, snapshotOf, DEFAULT_PLAYLISTS, type WallState } from '../../../shared/wall';
import { partLayout } from './CanvasPart';

describe('a part of a spanning canvas', () => {
  it('lays the wall out at the canvas proportions and moves this display onto its part', () => {
    // 2×2 full-HD panels with 20 px seams: the lower right panel on its 1080-px-high display.
    const layout = partLayout({ canvasWidth: 3860, canvasHeight: 2180, x: 1940, y: 1100 }, 1080);
    const scale = 2180 / 1080;
    expect(layout.height).toBe(1080);
    expect(layout.width).toBeCloseTo(3860 / scale, 6);
    expect(layout.transform).toBe(`translate(-1940px, -1100px) scale(${scale})`);
    // The enlarged box is exactly the canvas.
    expect(layout.width * scale).toBeCloseTo(3860, 6);
  });
});

describe('parts turning in step', () => {
  const playlist = DEFAULT_PLAYLISTS[0]!;
  it('a following part takes the first part’s scene, remaining time and presenter state', () => {
    let lead: WallState = initialWallState(playlist);
    lead = reduceWall(lead, { type: 'command', command: { v: 1, type: 'next' } });
    lead = reduceWall(lead, { type: 'tick', ms: 4_000 });
    lead = reduceWall(lead, { type: 'command', command: { v: 1, type: 'area', area: { sector: 'roads', municipalities: null } } });
    let part: WallState = initialWallState(playlist);
    part = reduceWall(part, { type: 'follow', snapshot: snapshotOf(lead) });
    expect(snapshotOf(part)).toEqual(snapshotOf(lead));
    expect(part.changes).toBe(1);
    // Both switch on the same tick from there.
    const rest = snapshotOf(lead).remainingMs!;
    expect(reduceWall(part, { type: 'tick', ms: rest }).index).toBe(reduceWall(lead, { type: 'tick', ms: rest }).index);
    // Another playlist's state is not taken (a playlist change reaches every window itself).
    const other = { ...snapshotOf(lead), playlistId: 'someone-else' };
    expect(reduceWall(part, { type: 'follow', snapshot: other })).toBe(part);
  });
});
