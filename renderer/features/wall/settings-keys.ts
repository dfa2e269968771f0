/**
 * Settings keys the wall reads and the operator's wall-control screen writes. Features never
 * import each other, so wall-control keeps an identical copy of these three strings.
 */
export const WALL_SETTINGS = {
  playlists: 'wall.playlists',
  activePlaylistId: 'wall.activePlaylistId',
  heatMeasure: 'wall.heatMeasure',
  /** 'boundaries' (default: real shapes when the pack or an imported file has them) or 'tiles'. */
  mapStyle: 'wall.mapStyle',
} as const;

export type WallMapStyle = 'boundaries' | 'tiles';

export function isWallMapStyle(value: unknown): value is WallMapStyle {
  return value === 'boundaries' || value === 'tiles';
}
