import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSpan, parseWallScreenStart, spanCanvas, spanNeedsParts, spanPartQuery, unionRect, wallArrangementSchema, wallScreenQuery, type Rect } from './arrangement';

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
    expect(parseWallScreenStart(`?db=x&${query}`)).toEqual({ screen: 2, playlistId: 'citizens-reception', offset: 3, part: null });
  });
  it('fall back to the first screen and the active playlist on anything malformed', () => {
    expect(parseWallScreenStart('')).toEqual({ screen: 0, playlistId: null, offset: 0, part: null });
    expect(parseWallScreenStart('?wallScreen=-1&wallOffset=1.5&wallPlaylist=')).toEqual({ screen: 0, playlistId: null, offset: 0, part: null });
    expect(parseWallScreenStart(`?wallScreen=99&wallPlaylist=${'x'.repeat(65)}`)).toEqual({ screen: 0, playlistId: null, offset: 0, part: null });
  });
});

describe('bezel compensation (spanCanvas)', () => {
  const bezelArb = fc.record({ x: fc.integer({ min: 0, max: 400 }), y: fc.integer({ min: 0, max: 400 }) });
  const gridArb = fc.record({ cols: fc.integer({ min: 1, max: 4 }), rows: fc.integer({ min: 1, max: 4 }), w: fc.constantFrom(1920, 3840, 2560), h: fc.constantFrom(1080, 2160, 1440), dx: fc.integer({ min: -5000, max: 5000 }), seed: fc.nat() });

  it('names a 2×2 wall of full-HD panels with 20 px seams: a 3860×2180 canvas, each part skipping the strips', () => {
    const canvas = spanCanvas([hd(1, 1), hd(0, 0), hd(1, 0), hd(0, 1)], { x: 20, y: 20 })!;
    expect([canvas.width, canvas.height]).toEqual([3860, 2180]);
    expect(canvas.parts.map((p) => [p.canvas.x, p.canvas.y])).toEqual([
      [1940, 1100],
      [0, 0],
      [1940, 0],
      [0, 1100],
    ]);
  });

  it('lays the parts side by side with exactly one seam between neighbours, covering the canvas but the seams', () => {
    fc.assert(
      fc.property(gridArb, bezelArb, ({ cols, rows, w, h, dx, seed }, bezel) => {
        fc.pre(cols * rows >= 2);
        const rects = Array.from({ length: cols * rows }, (_, i) => ({ x: dx + (i % cols) * w, y: Math.floor(i / cols) * h, width: w, height: h }));
        const shuffled = [...rects].sort((a, b) => ((a.x * 7 + a.y * 13 + seed) % 5) - ((b.x * 7 + b.y * 13 + seed) % 5));
        const canvas = spanCanvas(shuffled, bezel)!;
        expect(canvas.width).toBe(cols * w + (cols - 1) * bezel.x);
        expect(canvas.height).toBe(rows * h + (rows - 1) * bezel.y);
        let covered = 0;
        for (const part of canvas.parts) {
          const rect = shuffled[part.index]!;
          // Each display shows a part of its own size, inside the canvas.
          expect([part.canvas.width, part.canvas.height]).toEqual([rect.width, rect.height]);
          expect(part.canvas.x + part.canvas.width).toBeLessThanOrEqual(canvas.width);
          expect(part.canvas.y + part.canvas.height).toBeLessThanOrEqual(canvas.height);
          expect(part.canvas.x).toBe(part.column * (w + bezel.x));
          expect(part.canvas.y).toBe(part.row * (h + bezel.y));
          covered += part.canvas.width * part.canvas.height;
        }
        // What no display draws is exactly the seams: the strips behind the frames.
        expect(canvas.width * canvas.height - covered).toBe(canvas.width * canvas.height - cols * rows * w * h);
        // No bezel: the parts are the displays' own places in the union.
        if (bezel.x === 0 && bezel.y === 0) {
          for (const part of canvas.parts) expect(part.canvas.x).toBe(shuffled[part.index]!.x - dx);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('refuses what checkSpan refuses, and says when parts are needed', () => {
    expect(spanCanvas([hd(0, 0), hd(1, 0), hd(0, 1)], { x: 10, y: 10 })).toBeNull();
    expect(spanNeedsParts(undefined)).toBe(false);
    expect(spanNeedsParts({ x: 0, y: 0 })).toBe(false);
    expect(spanNeedsParts({ x: 0, y: 12 })).toBe(true);
    expect(wallArrangementSchema.safeParse({ kind: 'span', displayIds: [1, 2], bezel: { x: 24, y: 0 } }).success).toBe(true);
    expect(wallArrangementSchema.safeParse({ kind: 'span', displayIds: [1, 2], bezel: { x: -1, y: 0 } }).success).toBe(false);
    expect(wallArrangementSchema.safeParse({ kind: 'span', displayIds: [1, 2], bezel: { x: 401, y: 0 } }).success).toBe(false);
  });

  it('round-trips a part through the window query; anything malformed is no part', () => {
    const canvas = spanCanvas([hd(0, 0), hd(1, 0)], { x: 30, y: 0 })!;
    const query = new URLSearchParams(spanPartQuery(canvas, canvas.parts[1]!)).toString();
    expect(parseWallScreenStart(`?${query}`)).toEqual({ screen: 1, playlistId: null, offset: 0, part: { canvasWidth: 3870, canvasHeight: 1080, x: 1950, y: 0 } });
    expect(parseWallScreenStart('?wallCanvas=3870x1080&wallPart=3870,0').part).toBeNull();
    expect(parseWallScreenStart('?wallCanvas=0x1080&wallPart=0,0').part).toBeNull();
    expect(parseWallScreenStart('?wallCanvas=99999x1080&wallPart=0,0').part).toBeNull();
    expect(parseWallScreenStart('?wallCanvas=3870x1080&wallPart=-1,0').part).toBeNull();
    expect(parseWallScreenStart('?wallCanvas=3870x1080').part).toBeNull();
  });
});
