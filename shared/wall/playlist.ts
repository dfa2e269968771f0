/**
 * Named playlists: which scenes the wall shows, in which order, for how long each.
 * Validated with zod wherever they enter (settings storage, presenter messages).
 */
import { z } from 'zod';
import { sceneIdSchema, type SceneId } from './scenes';

export const MIN_SCENE_SECONDS = 5;
export const MAX_SCENE_SECONDS = 3600;

export const playlistItemSchema = z.object({
  scene: sceneIdSchema,
  durationSec: z.number().int().min(MIN_SCENE_SECONDS).max(MAX_SCENE_SECONDS),
});
export type PlaylistItem = z.infer<typeof playlistItemSchema>;

export const playlistSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1, 'укажите название').max(120),
  items: z.array(playlistItemSchema).min(1, 'в плейлисте нет сцен').max(50),
});
export type Playlist = z.infer<typeof playlistSchema>;

export const playlistsSchema = z.array(playlistSchema).max(100);

export const DEFAULT_PLAYLISTS: readonly Playlist[] = [
  {
    id: 'operative-meeting',
    name: 'Оперативное совещание',
    items: [
      { scene: 'heatmap', durationSec: 45 },
      { scene: 'overdue', durationSec: 45 },
      { scene: 'sectors', durationSec: 40 },
      { scene: 'rating', durationSec: 60 },
      { scene: 'spikes', durationSec: 30 },
      { scene: 'roadmaps', durationSec: 40 },
      { scene: 'indicators', durationSec: 40 },
      { scene: 'control', durationSec: 40 },
    ],
  },
  {
    id: 'citizens-reception',
    name: 'Приём граждан',
    items: [
      { scene: 'heatmap', durationSec: 40 },
      { scene: 'sectors', durationSec: 40 },
      { scene: 'dynamics', durationSec: 40 },
      { scene: 'rating', durationSec: 50 },
    ],
  },
];

/** Validates stored playlists; falls back to the defaults when nothing valid is stored. */
export function parsePlaylists(input: unknown): Playlist[] {
  const parsed = playlistsSchema.safeParse(input);
  if (!parsed.success || parsed.data.length === 0) return DEFAULT_PLAYLISTS.map(clonePlaylist);
  return parsed.data;
}

export function clonePlaylist(playlist: Playlist): Playlist {
  return { ...playlist, items: playlist.items.map((item) => ({ ...item })) };
}

/** Adds or replaces a playlist by id (pure). */
export function upsertPlaylist(list: readonly Playlist[], playlist: Playlist): Playlist[] {
  const index = list.findIndex((p) => p.id === playlist.id);
  if (index < 0) return [...list, playlist];
  return list.map((p, i) => (i === index ? playlist : p));
}

export function removePlaylist(list: readonly Playlist[], id: string): Playlist[] {
  return list.filter((p) => p.id !== id);
}

/** Moves a scene one step earlier (-1) or later (+1) within a playlist (pure). */
export function moveItem(playlist: Playlist, index: number, step: -1 | 1): Playlist {
  const target = index + step;
  if (index < 0 || target < 0 || index >= playlist.items.length || target >= playlist.items.length) return playlist;
  const items = playlist.items.slice();
  const [moved] = items.splice(index, 1);
  items.splice(target, 0, moved as PlaylistItem);
  return { ...playlist, items };
}

export function scenesOf(playlist: Playlist): SceneId[] {
  return playlist.items.map((item) => item.scene);
}
