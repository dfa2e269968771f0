/**
 * Settings keys shared with the wall (renderer/features/wall/settings-keys.ts). Features never
 * import each other, so the same three strings live in both; the display is remembered here only.
 */
export const WALL_SETTINGS = {
  playlists: 'wall.playlists',
  activePlaylistId: 'wall.activePlaylistId',
  heatMeasure: 'wall.heatMeasure',
  displayId: 'wall.displayId',
} as const;
