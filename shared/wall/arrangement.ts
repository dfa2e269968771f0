/**
 * How the wall uses the displays of one computer (runtime: both — the operator's «Видеостена»
 * screen validates a choice before sending it, Electron main plans windows from it):
 * - `single`: one full-screen window on one display (the usual case);
 * - `span`: one window stretched over several displays that together form a rectangle (a 1×2, 2×2
 *   or 3×3 video wall driven as one screen), so one scene fills the whole canvas in step;
 * - `per-display`: one window per display, each with its own playlist and starting position
 *   (for example map | overdue | sectors side by side).
 * Validated with zod at the IPC boundary and when read back from settings.
 */
import { z } from 'zod';

export const MAX_WALL_SCREENS = 16;
/** Bezel compensation per seam, in the panels' pixels (a seam hides both neighbours' frames). */
export const MAX_BEZEL_PX = 400;

/**
 * What the frames between the panels of a spanning wall hide, in pixels of the panels: `x` at each
 * seam between columns, `y` at each seam between rows. The canvas is larger by the seams, and each
 * display shows its part of it, so a line crossing a seam continues straight behind the frames.
 */
export const bezelSchema = z.strictObject({
  x: z.number().int().min(0).max(MAX_BEZEL_PX),
  y: z.number().int().min(0).max(MAX_BEZEL_PX),
});
export type Bezel = z.infer<typeof bezelSchema>;
export const NO_BEZEL: Bezel = { x: 0, y: 0 };

const displayIdSchema = z.number().int();

export const wallScreenSchema = z.strictObject({
  displayId: displayIdSchema,
  /** Playlist this display runs; null: the operator's active playlist. */
  playlistId: z.string().min(1).max(64).nullable(),
  /** Scene index it starts at, so identical playlists side by side show different scenes. */
  offset: z.number().int().min(0).max(49),
});
export type WallScreen = z.infer<typeof wallScreenSchema>;

export const wallArrangementSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('single'), displayId: displayIdSchema.nullable() }),
  z.strictObject({
    kind: z.literal('span'),
    displayIds: z
      .array(displayIdSchema)
      .min(2)
      .max(MAX_WALL_SCREENS)
      .refine((ids) => new Set(ids).size === ids.length, 'экран выбран дважды'),
    /** Absent or zero: one window over the displays; otherwise one window per display, each its part. */
    bezel: bezelSchema.optional(),
  }),
  z.strictObject({
    kind: z.literal('per-display'),
    screens: z
      .array(wallScreenSchema)
      .min(1)
      .max(MAX_WALL_SCREENS)
      .refine((screens) => new Set(screens.map((s) => s.displayId)).size === screens.length, 'экран выбран дважды'),
  }),
]);
export type WallArrangement = z.infer<typeof wallArrangementSchema>;
export type WallArrangementKind = WallArrangement['kind'];

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The smallest rectangle holding every given rectangle (null for none). */
export function unionRect(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export type SpanCheck =
  | { ok: true; bounds: Rect; columns: number; rows: number }
  | { ok: false; reason: 'too-few' | 'overlap' | 'gaps' };

/**
 * Whether the displays tile one rectangle exactly — no gap (a hole would show nothing and cut the
 * picture) and no overlap (mirrored outputs). Columns and rows count distinct left and top edges,
 * which names the usual 1×2, 2×2 and 3×3 walls.
 */
export function checkSpan(rects: readonly Rect[]): SpanCheck {
  if (rects.length < 2) return { ok: false, reason: 'too-few' };
  for (let i = 0; i < rects.length; i += 1) {
    for (let j = i + 1; j < rects.length; j += 1) {
      if (overlapArea(rects[i] as Rect, rects[j] as Rect) > 0) return { ok: false, reason: 'overlap' };
    }
  }
  const bounds = unionRect(rects) as Rect;
  const covered = rects.reduce((sum, r) => sum + r.width * r.height, 0);
  if (covered !== bounds.width * bounds.height) return { ok: false, reason: 'gaps' };
  const columns = new Set(rects.map((r) => r.x)).size;
  const rows = new Set(rects.map((r) => r.y)).size;
  return { ok: true, bounds, columns, rows };
}

/** One display's part of a spanning canvas: where its window is, and which part of the canvas it shows. */
export interface SpanPart {
  /** Index into the displays given. */
  index: number;
  column: number;
  row: number;
  /** The part of the canvas this display shows (canvas pixels, origin top-left of the canvas). */
  canvas: Rect;
}

export interface SpanCanvas {
  width: number;
  height: number;
  parts: SpanPart[];
}

/**
 * The canvas of a spanning wall with bezel compensation, and each display's part of it. Displays
 * that tile a rectangle (checkSpan) keep their sizes; every seam between columns adds `bezel.x`
 * canvas pixels, every seam between rows `bezel.y`, and those strips — the parts behind the
 * frames — are drawn by no display. Without bezels the parts are the displays' own rectangles.
 */
export function spanCanvas(rects: readonly Rect[], bezel: Bezel): SpanCanvas | null {
  const span = checkSpan(rects);
  if (!span.ok) return null;
  const lefts = [...new Set(rects.map((r) => r.x))].sort((a, b) => a - b);
  const tops = [...new Set(rects.map((r) => r.y))].sort((a, b) => a - b);
  const parts = rects.map((r, index): SpanPart => {
    const column = lefts.indexOf(r.x);
    const row = tops.indexOf(r.y);
    const x = r.x - span.bounds.x + column * bezel.x;
    const y = r.y - span.bounds.y + row * bezel.y;
    return { index, column, row, canvas: { x, y, width: r.width, height: r.height } };
  });
  return { width: span.bounds.width + (lefts.length - 1) * bezel.x, height: span.bounds.height + (tops.length - 1) * bezel.y, parts };
}

/** Whether a span needs one window per display (bezels to skip) rather than one window over all. */
export function spanNeedsParts(bezel: Bezel | undefined): boolean {
  return bezel !== undefined && (bezel.x > 0 || bezel.y > 0);
}

/**
 * Query parameters a per-display wall window starts with (read by the wall's start-up hooks):
 * which screen of the arrangement it is, its playlist and its starting scene.
 */
export const WALL_SCREEN_PARAMS = { screen: 'wallScreen', playlist: 'wallPlaylist', offset: 'wallOffset', canvas: 'wallCanvas', part: 'wallPart' } as const;

export interface WallScreenStart {
  /** 0 for the first (or only) screen: only that one announces its state to the presenter. */
  screen: number;
  playlistId: string | null;
  offset: number;
  /**
   * A part of a spanning canvas (bezel compensation): the canvas size and this window's part of
   * it. Parts after the first follow the first one's rotation. Null: the window is the whole wall.
   */
  part: { canvasWidth: number; canvasHeight: number; x: number; y: number } | null;
}

/** The start parameters of the window showing `part` of a spanning canvas. */
export function spanPartQuery(canvas: SpanCanvas, part: SpanPart): Record<string, string> {
  return {
    [WALL_SCREEN_PARAMS.screen]: String(part.index),
    [WALL_SCREEN_PARAMS.canvas]: `${canvas.width}x${canvas.height}`,
    [WALL_SCREEN_PARAMS.part]: `${part.canvas.x},${part.canvas.y}`,
  };
}

/** Canvas sizes a part may claim: up to 16 panels of 8K plus their seams. */
const MAX_CANVAS_PX = 65_536;

function parsePart(canvasText: string | null, partText: string | null): WallScreenStart['part'] {
  const size = /^(\d{1,5})x(\d{1,5})$/.exec(canvasText ?? '');
  const at = /^(\d{1,5}),(\d{1,5})$/.exec(partText ?? '');
  if (!size || !at) return null;
  const [canvasWidth, canvasHeight, x, y] = [size[1], size[2], at[1], at[2]].map(Number) as [number, number, number, number];
  if (canvasWidth < 1 || canvasHeight < 1 || canvasWidth > MAX_CANVAS_PX || canvasHeight > MAX_CANVAS_PX) return null;
  if (x >= canvasWidth || y >= canvasHeight) return null;
  return { canvasWidth, canvasHeight, x, y };
}

export function wallScreenQuery(screenIndex: number, screen: WallScreen): Record<string, string> {
  const query: Record<string, string> = { [WALL_SCREEN_PARAMS.screen]: String(screenIndex), [WALL_SCREEN_PARAMS.offset]: String(screen.offset) };
  if (screen.playlistId) query[WALL_SCREEN_PARAMS.playlist] = screen.playlistId;
  return query;
}

/** Reads a wall window's start parameters; anything malformed falls back to «the first screen, active playlist». */
export function parseWallScreenStart(search: string): WallScreenStart {
  const params = new URLSearchParams(search);
  const int = (raw: string | null, max: number) => {
    const n = Number(raw);
    return raw !== null && Number.isInteger(n) && n >= 0 && n <= max ? n : 0;
  };
  const playlist = params.get(WALL_SCREEN_PARAMS.playlist);
  return {
    screen: int(params.get(WALL_SCREEN_PARAMS.screen), MAX_WALL_SCREENS - 1),
    playlistId: playlist && playlist.length <= 64 ? playlist : null,
    offset: int(params.get(WALL_SCREEN_PARAMS.offset), 49),
    part: parsePart(params.get(WALL_SCREEN_PARAMS.canvas), params.get(WALL_SCREEN_PARAMS.part)),
  };
}
