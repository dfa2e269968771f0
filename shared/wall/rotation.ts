/**
 * Scene rotation as pure transitions `(state, input) → state`. The wall feeds it clock ticks,
 * presenter commands, keyboard input and scene failures; React only renders the result. Time
 * arrives as elapsed milliseconds, so tests (and the soak bench) can run days of rotation
 * without waiting.
 */
import type { PresenterCommand, WallStateSnapshot } from './presenter-protocol';
import type { Playlist } from './playlist';
import type { SceneId, WallFocus, WallPeriod } from './scenes';
import type { HeatMeasure } from './measures';
import type { WallArea } from './area';

export interface WallState {
  readonly playlist: Playlist;
  /** Index into playlist.items of the scene on screen (when not pinned). */
  readonly index: number;
  /** Time spent on the current scene. */
  readonly elapsedMs: number;
  readonly paused: boolean;
  readonly pinned: SceneId | null;
  readonly focus: WallFocus | null;
  /** The presenter's chosen part of the region (null: the whole region, as the account scope allows). */
  readonly area: WallArea | null;
  readonly period: WallPeriod;
  readonly measure: HeatMeasure;
  /** Scenes that threw during this cycle; skipped until the playlist wraps around. */
  readonly failed: readonly SceneId[];
  /** Increments on every scene change, so views can restart animations. */
  readonly changes: number;
}

export type WallInput =
  | { type: 'tick'; ms: number }
  | { type: 'command'; command: PresenterCommand }
  | { type: 'key'; key: string }
  | { type: 'scene-failed'; scene: SceneId }
  /** A part of a spanning wall takes the first part's announced state, so all parts turn in step. */
  | { type: 'follow'; snapshot: WallStateSnapshot };

export function initialWallState(playlist: Playlist, period: WallPeriod = { kind: 'month' }): WallState {
  return { playlist, index: 0, elapsedMs: 0, paused: false, pinned: null, focus: null, area: null, period, measure: 'per10k', failed: [], changes: 0 };
}

export function currentScene(state: WallState): SceneId | null {
  if (state.pinned) return state.pinned;
  return state.playlist.items[state.index]?.scene ?? null;
}

export function currentDurationMs(state: WallState): number {
  return (state.playlist.items[state.index]?.durationSec ?? 30) * 1000;
}

/** Steps to the next (or previous) playable scene, skipping failed ones. Wrapping past the end
 *  forgets failures, so a scene that failed once is retried on the next cycle. */
function step(state: WallState, direction: 1 | -1, forgetOnWrap = true): WallState {
  const count = state.playlist.items.length;
  if (count === 0) return state;
  let failed = state.failed;
  let index = state.index;
  for (let tries = 0; tries < count; tries += 1) {
    const next = index + direction;
    const wrapped = next >= count || next < 0;
    index = (next + count) % count;
    if (wrapped && direction === 1 && forgetOnWrap) failed = [];
    const scene = state.playlist.items[index]?.scene;
    if (scene && !failed.includes(scene)) {
      return { ...state, index, elapsedMs: 0, failed, changes: state.changes + 1 };
    }
  }
  // Every scene failed: stay put; the status line tells the room nothing is lost.
  return { ...state, elapsedMs: 0, failed };
}

function applyCommand(state: WallState, cmd: PresenterCommand): WallState {
  switch (cmd.type) {
    case 'next':
      return step({ ...state, pinned: null }, 1);
    case 'previous':
      return step({ ...state, pinned: null }, -1);
    case 'pause':
      return { ...state, paused: cmd.paused };
    case 'pin': {
      if (cmd.scene === null) return { ...state, pinned: null, elapsedMs: 0 };
      const index = state.playlist.items.findIndex((item) => item.scene === cmd.scene);
      return {
        ...state,
        pinned: cmd.scene,
        index: index >= 0 ? index : state.index,
        failed: state.failed.filter((s) => s !== cmd.scene),
        changes: state.changes + 1,
      };
    }
    case 'show': {
      const index = state.playlist.items.findIndex((item) => item.scene === cmd.scene);
      if (index < 0) return { ...state, pinned: cmd.scene, changes: state.changes + 1 };
      return { ...state, pinned: null, index, elapsedMs: 0, failed: state.failed.filter((s) => s !== cmd.scene), changes: state.changes + 1 };
    }
    case 'focus':
      return { ...state, focus: cmd.focus };
    case 'area':
      return { ...state, area: cmd.area };
    case 'period':
      return { ...state, period: cmd.period };
    case 'measure':
      return { ...state, measure: cmd.measure };
    case 'playlist': {
      const pinnedStays = state.pinned && cmd.playlist.items.some((item) => item.scene === state.pinned);
      return {
        ...state,
        playlist: cmd.playlist,
        index: 0,
        elapsedMs: 0,
        failed: [],
        pinned: pinnedStays ? state.pinned : null,
        changes: state.changes + 1,
      };
    }
    case 'hello':
      return state;
  }
}

function applyKey(state: WallState, key: string): WallState {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
      return applyCommand(state, { v: 1, type: 'next' });
    case 'ArrowLeft':
    case 'PageUp':
      return applyCommand(state, { v: 1, type: 'previous' });
    case ' ':
    case 'Spacebar':
      return { ...state, paused: !state.paused };
    case 'Escape':
      return { ...state, focus: null, pinned: null };
    default:
      return state;
  }
}

export function reduceWall(state: WallState, input: WallInput): WallState {
  switch (input.type) {
    case 'tick': {
      if (state.paused || state.pinned || input.ms <= 0) return state;
      const elapsedMs = state.elapsedMs + input.ms;
      if (elapsedMs < currentDurationMs(state)) return { ...state, elapsedMs };
      return step(state, 1);
    }
    case 'command':
      return applyCommand(state, input.command);
    case 'key':
      return applyKey(state, input.key);
    case 'follow':
      return follow(state, input.snapshot);
    case 'scene-failed': {
      if (state.failed.includes(input.scene)) return state;
      const failed = [...state.failed, input.scene];
      const marked = { ...state, failed, pinned: state.pinned === input.scene ? null : state.pinned };
      // No forgetting on wrap here: a lone failing scene must not be retried in a tight loop.
      return currentScene(state) === input.scene ? step(marked, 1, false) : marked;
    }
  }
}

/**
 * Takes the leading window's state (same playlist only: a playlist change reaches every window
 * itself). The remaining time is copied, so the next switch happens together.
 */
function follow(state: WallState, s: WallStateSnapshot): WallState {
  if (s.playlistId !== state.playlist.id || s.index >= state.playlist.items.length) return state;
  const duration = (state.playlist.items[s.index]?.durationSec ?? 30) * 1000;
  const elapsedMs = s.remainingMs === null ? state.elapsedMs : Math.min(duration, Math.max(0, duration - s.remainingMs));
  const moved = s.index !== state.index || s.pinned !== state.pinned;
  return {
    ...state,
    index: s.index,
    pinned: s.pinned,
    paused: s.paused,
    focus: s.focus,
    area: s.area,
    period: s.period,
    measure: s.measure,
    failed: [...s.failed],
    elapsedMs,
    changes: moved ? state.changes + 1 : state.changes,
  };
}

export function snapshotOf(state: WallState): WallStateSnapshot {
  const rotating = !state.paused && !state.pinned;
  return {
    playlistId: state.playlist.id,
    playlistName: state.playlist.name,
    scene: currentScene(state),
    index: state.index,
    paused: state.paused,
    pinned: state.pinned,
    focus: state.focus,
    area: state.area,
    period: state.period,
    measure: state.measure,
    failed: [...state.failed],
    remainingMs: rotating ? Math.max(0, currentDurationMs(state) - state.elapsedMs) : null,
  };
}
