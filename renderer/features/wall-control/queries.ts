/** Settings the «Видеостена» screen reads and writes (playlists, active playlist, display, measure). */
import { getDb } from '../../db/db';
import { getSetting, setSetting } from '../../db/settings-repo';
import { logAudit } from '../../db/audit-repo';
import { parsePlaylists, playlistsSchema, type HeatMeasure, type Playlist } from '../../../shared/wall';
import { wallArrangementSchema, type WallArrangement } from '../../../shared/wall/arrangement';
import { WALL_SETTINGS } from './settings-keys';

export interface WallControlSettings {
  playlists: Playlist[];
  activePlaylistId: string | null;
  displayId: number | null;
  measure: HeatMeasure | null;
  arrangement: WallArrangement | null;
}

export async function loadWallControlSettings(): Promise<WallControlSettings> {
  const db = getDb();
  const [playlists, activePlaylistId, displayId, measure, arrangement] = await Promise.all([
    getSetting<unknown>(db, WALL_SETTINGS.playlists, null),
    getSetting<unknown>(db, WALL_SETTINGS.activePlaylistId, null),
    getSetting<unknown>(db, WALL_SETTINGS.displayId, null),
    getSetting<unknown>(db, WALL_SETTINGS.heatMeasure, null),
    getSetting<unknown>(db, WALL_SETTINGS.arrangement, null),
  ]);
  const parsedArrangement = wallArrangementSchema.safeParse(arrangement);
  return {
    playlists: parsePlaylists(playlists),
    activePlaylistId: typeof activePlaylistId === 'string' ? activePlaylistId : null,
    displayId: typeof displayId === 'number' ? displayId : null,
    measure: typeof measure === 'string' ? (measure as HeatMeasure) : null,
    arrangement: parsedArrangement.success ? parsedArrangement.data : null,
  };
}

export async function savePlaylists(playlists: Playlist[]): Promise<void> {
  // Validated again at the boundary: nothing invalid is ever stored.
  const valid = playlistsSchema.parse(playlists);
  await setSetting(getDb(), WALL_SETTINGS.playlists, valid);
}

export async function saveActivePlaylist(playlist: Playlist): Promise<void> {
  const db = getDb();
  await setSetting(db, WALL_SETTINGS.activePlaylistId, playlist.id);
  await logAudit(db, { action: 'playlist.start', details: { playlistId: playlist.id, name: playlist.name } });
}

export function saveDisplay(displayId: number | null): Promise<void> {
  return setSetting(getDb(), WALL_SETTINGS.displayId, displayId);
}

export function saveMeasure(measure: HeatMeasure): Promise<void> {
  return setSetting(getDb(), WALL_SETTINGS.heatMeasure, measure);
}

export function saveArrangement(arrangement: WallArrangement): Promise<void> {
  return setSetting(getDb(), WALL_SETTINGS.arrangement, wallArrangementSchema.parse(arrangement));
}
