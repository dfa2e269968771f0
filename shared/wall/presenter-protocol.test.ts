import { describe, expect, it } from 'vitest';
import { announcement, command, parsePresenterCommand, parseWallAnnouncement } from './presenter-protocol';
import { initialWallState, snapshotOf } from './rotation';
import { DEFAULT_PLAYLISTS, type Playlist } from './playlist';

describe('presenter protocol', () => {
  it('accepts every well-formed command', () => {
    const commands = [
      command({ type: 'next' }),
      command({ type: 'previous' }),
      command({ type: 'pause', paused: true }),
      command({ type: 'pin', scene: 'rating' }),
      command({ type: 'pin', scene: null }),
      command({ type: 'show', scene: 'sectors' }),
      command({ type: 'focus', focus: { kind: 'municipality', id: 'slobodskoy' } }),
      command({ type: 'focus', focus: null }),
      command({ type: 'period', period: { kind: 'custom', from: '2025-11-01', to: '2025-11-18' } }),
      command({ type: 'playlist', playlist: DEFAULT_PLAYLISTS[0] as Playlist }),
      command({ type: 'measure', measure: 'overdueShare' }),
      command({ type: 'hello' }),
    ];
    for (const c of commands) expect(parsePresenterCommand(JSON.parse(JSON.stringify(c)))).toEqual(c);
  });

  it.each([
    null,
    'next',
    { type: 'next' },
    { v: 2, type: 'next' },
    { v: 1, type: 'explode' },
    { v: 1, type: 'pin', scene: 'kitchen' },
    { v: 1, type: 'pause' },
    { v: 1, type: 'measure', measure: 'population' },
    { v: 1, type: 'focus', focus: { kind: 'person', id: 'x' } },
    { v: 1, type: 'focus', focus: { kind: 'sector', id: '' } },
    { v: 1, type: 'period', period: { kind: 'custom', from: '2025-11-18', to: '2025-11-01' } },
    { v: 1, type: 'period', period: { kind: 'custom', from: '18.11.2025', to: '2025-11-20' } },
    { v: 1, type: 'playlist', playlist: { id: 'x', name: 'X', items: [] } },
    { v: 1, type: 'playlist', playlist: { id: 'x', name: 'X', items: [{ scene: 'rating', durationSec: 1 }] } },
  ])('rejects malformed input %j', (input) => {
    expect(parsePresenterCommand(input)).toBeNull();
  });

  it('does not take the wall’s announcement for a command, and vice versa', () => {
    const state = announcement(snapshotOf(initialWallState(DEFAULT_PLAYLISTS[0] as Playlist)));
    expect(parsePresenterCommand(state)).toBeNull();
    expect(parseWallAnnouncement(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(parseWallAnnouncement(command({ type: 'next' }))).toBeNull();
  });
});
