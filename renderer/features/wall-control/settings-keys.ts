/**
 * Settings keys shared with the wall (renderer/features/wall/settings-keys.ts). Features never
 * import each other, so the same three strings live in both; the display is remembered here only.
 */
export const WALL_SETTINGS = {
  playlists: 'wall.playlists',
  activePlaylistId: 'wall.activePlaylistId',
  heatMeasure: 'wall.heatMeasure',
  displayId: 'wall.displayId',
  /** How the wall uses the displays (shared/wall/arrangement.ts); operator-side only. */
  arrangement: 'wall.arrangement',
} as const;
