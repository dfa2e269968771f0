/**
 * At start the wall takes the playlist the operator chose last (saved in settings by the
 * wall-control screen), so a wall that reloads at night comes back to the same rotation.
 * Later changes arrive as presenter commands. A window of a per-display arrangement starts with
 * its own playlist and scene (screen-start.ts).
 */
import { useEffect } from 'react';
import { parsePlaylists, type HeatMeasure, HEAT_MEASURES } from '../../../shared/wall';
import { command } from '../../../shared/wall';
import { getDb } from '../../db/db';
import { getSetting } from '../../db/settings-repo';
import { wallScreenStart } from './screen-start';
import { WALL_SETTINGS } from './settings-keys';
import { useWallStore } from './store';

export function useInitialPlaylist(): void {
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const db = getDb();
        const [stored, activeId, measure] = await Promise.all([
          getSetting<unknown>(db, WALL_SETTINGS.playlists, null),
          getSetting<unknown>(db, WALL_SETTINGS.activePlaylistId, null),
          getSetting<unknown>(db, WALL_SETTINGS.heatMeasure, null),
        ]);
        if (cancelled) return;
        const playlists = parsePlaylists(stored);
        const start = wallScreenStart();
        // A per-display screen runs the playlist its arrangement names; otherwise the operator's active one.
        const active = playlists.find((p) => p.id === start.playlistId) ?? playlists.find((p) => p.id === activeId) ?? playlists[0];
        const store = useWallStore.getState();
        if (active) store.reset(active, start.offset);
        if (typeof measure === 'string' && (HEAT_MEASURES as readonly string[]).includes(measure)) {
          store.dispatch({ type: 'command', command: command({ type: 'measure', measure: measure as HeatMeasure }) });
        }
      } catch {
        // Settings unreadable: the default playlist keeps running; nothing to show on the wall.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);
}
