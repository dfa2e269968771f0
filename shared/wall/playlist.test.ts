import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYLISTS, moveItem, parsePlaylists, removePlaylist, upsertPlaylist, type Playlist } from './playlist';

describe('playlists', () => {
  it('ships the two named playlists of the brief', () => {
    expect(DEFAULT_PLAYLISTS.map((p) => p.name)).toEqual(['Оперативное совещание', 'Приём граждан']);
  });

  it('falls back to defaults for invalid or empty storage, keeps valid lists', () => {
    expect(parsePlaylists(undefined).map((p) => p.id)).toEqual(['operative-meeting', 'citizens-reception']);
    expect(parsePlaylists([{ id: 'x' }]).length).toBe(2);
    const own: Playlist = { id: 'own', name: 'Своя', items: [{ scene: 'rating', durationSec: 30 }] };
    expect(parsePlaylists([own])).toEqual([own]);
  });

  it('upserts, removes and reorders purely', () => {
    const base = DEFAULT_PLAYLISTS.slice();
    const renamed = { ...(base[0] as Playlist), name: 'Новое' };
    const next = upsertPlaylist(base, renamed);
    expect(next[0]?.name).toBe('Новое');
    expect(base[0]?.name).toBe('Оперативное совещание');
    expect(upsertPlaylist(base, { ...renamed, id: 'z' }).length).toBe(3);
    expect(removePlaylist(base, 'operative-meeting').map((p) => p.id)).toEqual(['citizens-reception']);
    const moved = moveItem(base[0] as Playlist, 0, 1);
    expect(moved.items.map((i) => i.scene)).toEqual(['overdue', 'heatmap', 'sectors', 'rating', 'spikes', 'roadmaps', 'indicators', 'control']);
    expect(moveItem(base[0] as Playlist, 0, -1)).toBe(base[0]);
  });
});
