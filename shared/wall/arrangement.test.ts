import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSpan, parseWallScreenStart, unionRect, wallArrangementSchema, wallScreenQuery, type Rect } from './arrangement';

const hd = (col: number, row: number): Rect => ({ x: col * 1920, y: row * 1080, width: 1920, height: 1080 });

describe('checkSpan', () => {
  it('names a 2×2 wall of full-HD panels and its 3840×2160 canvas', () => {
    expect(checkSpan([hd(0, 0), hd(1, 0), hd(0, 1), hd(1, 1)])).toEqual({ ok: true, bounds: { x: 0, y: 0, width: 3840, height: 2160 }, columns: 2, rows: 2 });
  });
  it('accepts a 1×2 (32:9) wall placed right of the operator screen', () => {
    const right = (r: Rect): Rect => ({ ...r, x: r.x + 2560 });
    expect(checkSpan([right(hd(0, 0)), right(hd(1, 0))])).toMatchObject({ ok: true, bounds: { x: 2560, width: 3840, height: 1080 }, columns: 2, rows: 1 });
  });
  it('refuses an L shape (a hole in the canvas), mirrored outputs and a lone display', () => {
    expect(checkSpan([hd(0, 0), hd(1, 0), hd(0, 1)])).toEqual({ ok: false, reason: 'gaps' });
    expect(checkSpan([hd(0, 0), hd(0, 0)])).toEqual({ ok: false, reason: 'overlap' });
    expect(checkSpan([hd(0, 0)])).toEqual({ ok: false, reason: 'too-few' });
    expect(checkSpan([hd(0, 0), hd(2, 0)])).toEqual({ ok: false, reason: 'gaps' });
  });
  it('accepts every full grid of equal panels, in any order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer(), (cols, rows, seed) => {
        fc.pre(cols * rows >= 2);
        const rects = Array.from({ length: cols * rows }, (_, i) => hd(i % cols, Math.floor(i / cols)));
        const shuffled = [...rects].sort((a, b) => ((a.x * 7 + a.y * 13 + seed) % 5) - ((b.x * 7 + b.y * 13 + seed) % 5));
        const result = checkSpan(shuffled);
        expect(result).toEqual({ ok: true, bounds: { x: 0, y: 0, width: cols * 1920, height: rows * 1080 }, columns: cols, rows });
      }),
    );
  });
  it('refuses every full grid with one panel missing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 2, max: 4 }), fc.nat(), (cols, rows, pick) => {
        const rects = Array.from({ length: cols * rows }, (_, i) => hd(i % cols, Math.floor(i / cols)));
        const missing = pick % rects.length;
        const rest = rects.filter((_, i) => i !== missing);
        // Removing a corner of a 2-wide grid may leave a smaller full rectangle only when a whole row/column goes.
        const result = checkSpan(rest);
        const union = unionRect(rest) as Rect;
        expect(result.ok).toBe(union.width * union.height === rest.length * 1920 * 1080);
      }),
    );
  });
});

describe('wallArrangementSchema', () => {
  it('accepts the three kinds and refuses a display chosen twice', () => {
    expect(wallArrangementSchema.safeParse({ kind: 'single', displayId: null }).success).toBe(true);
    expect(wallArrangementSchema.safeParse({ kind: 'span', displayIds: [1, 2, 3, 4] }).success).toBe(true);
    expect(wallArrangementSchema.safeParse({ kind: 'span', displayIds: [1, 1] }).success).toBe(false);
    expect(wallArrangementSchema.safeParse({ kind: 'span', displayIds: [1] }).success).toBe(false);
    const screens = [
      { displayId: 1, playlistId: 'operative-meeting', offset: 0 },
      { displayId: 2, playlistId: null, offset: 1 },
    ];
    expect(wallArrangementSchema.safeParse({ kind: 'per-display', screens }).success).toBe(true);
    expect(wallArrangementSchema.safeParse({ kind: 'per-display', screens: [screens[0], screens[0]] }).success).toBe(false);
    expect(wallArrangementSchema.safeParse({ kind: 'per-display', screens, extra: 1 }).success).toBe(false);
  });
});

describe('wall screen start parameters', () => {
  it('round-trip through the query string', () => {
    const query = new URLSearchParams(wallScreenQuery(2, { displayId: 9, playlistId: 'citizens-reception', offset: 3 })).toString();
    expect(parseWallScreenStart(`?db=x&${query}`)).toEqual({ screen: 2, playlistId: 'citizens-reception', offset: 3 });
  });
  it('fall back to the first screen and the active playlist on anything malformed', () => {
    expect(parseWallScreenStart('')).toEqual({ screen: 0, playlistId: null, offset: 0 });
    expect(parseWallScreenStart('?wallScreen=-1&wallOffset=1.5&wallPlaylist=')).toEqual({ screen: 0, playlistId: null, offset: 0 });
    expect(parseWallScreenStart(`?wallScreen=99&wallPlaylist=${'x'.repeat(65)}`)).toEqual({ screen: 0, playlistId: null, offset: 0 });
  });
});
