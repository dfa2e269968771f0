/**
 * Settings keys the wall reads and the operator's wall-control screen writes. Features never
 * import each other, so wall-control keeps an identical copy of these three strings.
 */
export const WALL_SETTINGS = {
  playlists: 'wall.playlists',
  activePlaylistId: 'wall.activePlaylistId',
  heatMeasure: 'wall.heatMeasure',
} as const;
