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
