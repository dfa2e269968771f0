/**
 * Which screen of a wall arrangement this window is (shared/wall/arrangement.ts): read once from
 * the page's query, which the host (Electron main or the browser platform) sets per window.
 */
import { parseWallScreenStart, type WallScreenStart } from '../../../shared/wall/arrangement';

let cached: WallScreenStart | null = null;

export function wallScreenStart(): WallScreenStart {
  cached ??= parseWallScreenStart(typeof location === 'undefined' ? '' : location.search);
  return cached;
}

/**
 * How much a part of a spanning canvas is enlarged on its display (CanvasPart.tsx): the canvas's
 * height over this window's. 1 for a window that is the whole wall.
 */
export function canvasScale(): number {
  const part = wallScreenStart().part;
  if (!part || typeof window === 'undefined' || window.innerHeight <= 0) return 1;
  return part.canvasHeight / window.innerHeight;
}
