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

/**
 * Query parameters a per-display wall window starts with (read by the wall's start-up hooks):
 * which screen of the arrangement it is, its playlist and its starting scene.
 */
export const WALL_SCREEN_PARAMS = { screen: 'wallScreen', playlist: 'wallPlaylist', offset: 'wallOffset' } as const;

export interface WallScreenStart {
  /** 0 for the first (or only) screen: only that one announces its state to the presenter. */
  screen: number;
  playlistId: string | null;
  offset: number;
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
  };
}
