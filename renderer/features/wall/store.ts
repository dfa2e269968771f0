/**
 * The wall's state slice: the pure rotation state from shared/wall plus the dispatcher every
 * input source (clock, presenter channel, keyboard, failing scenes) goes through.
 */
import { create } from 'zustand';
import {
  DEFAULT_PLAYLISTS,
  initialWallState,
  reduceWall,
  type Playlist,
  type WallInput,
  type WallState,
} from '../../../shared/wall';

interface WallStore {
  wall: WallState;
  dispatch(input: WallInput): void;
  /** A new playlist from its first scene, or from `startIndex` (a per-display screen's offset). */
  reset(playlist: Playlist, startIndex?: number): void;
}

export const useWallStore = create<WallStore>((set) => ({
  wall: initialWallState(DEFAULT_PLAYLISTS[0] as Playlist),
  dispatch(input) {
    set((s) => {
      const next = reduceWall(s.wall, input);
      return next === s.wall ? s : { wall: next };
    });
  },
  reset(playlist, startIndex = 0) {
    const index = playlist.items.length > 0 ? startIndex % playlist.items.length : 0;
    set((s) => ({ wall: { ...initialWallState(playlist, s.wall.period), index, focus: s.wall.focus, area: s.wall.area } }));
  },
}));
