/**
 * Everything that drives the wall besides data: the rotation clock, the presenter channel and
 * the keyboard. Each is a small effect feeding the pure reducer through the store.
 */
import { useEffect } from 'react';
import {
  announcement,
  command,
  parsePresenterCommand,
  parseWallAnnouncement,
  snapshotOf,
  WALL_CHANNEL,
  wallAreaSchema,
  type WallArea,
} from '../../../shared/wall';
import { wallScreenStart } from './screen-start';
import { normalizeScope } from '../../../shared/access/scope';
import { setViewerScope } from '../../runtime/access';
import { useWallStore } from './store';

const WALL_SCOPE_KEY = 'cur.wall.presenter-scope';
const WALL_AREA_KEY = 'cur.wall.presenter-area';

/** The last presenter's scope and chosen area survive the wall's own reloads (nightly, after a crash). */
export function restorePresenterScope(): void {
  try {
    const raw = sessionStorage.getItem(WALL_SCOPE_KEY);
    if (raw) setViewerScope(normalizeScope(JSON.parse(raw) as Parameters<typeof normalizeScope>[0]));
  } catch {
    // Nothing stored or unreadable: the wall shows the whole region until a presenter speaks.
  }
  try {
    const raw = sessionStorage.getItem(WALL_AREA_KEY);
    const area = raw ? wallAreaSchema.nullable().safeParse(JSON.parse(raw)) : null;
    if (area?.success) useWallStore.getState().dispatch({ type: 'command', command: { v: 1, type: 'area', area: area.data } });
  } catch {
    // Unreadable: the whole region until the presenter chooses again.
  }
}

function rememberArea(area: WallArea | null): void {
  try {
    sessionStorage.setItem(WALL_AREA_KEY, JSON.stringify(area));
  } catch {
    // Storage full or denied: the area still applies until the wall reloads.
  }
}

/** Tick period: presenter commands apply at once; rotation resolution of 0.5 s is plenty. */
const TICK_MS = 500;

export function useRotationClock(speed = 1): void {
  const dispatch = useWallStore((s) => s.dispatch);
  useEffect(() => {
    // Elapsed time is measured (not assumed), so a throttled background tab stays accurate.
    let last = performance.now();
    const id = window.setInterval(() => {
      const t = performance.now();
      dispatch({ type: 'tick', ms: (t - last) * speed });
      last = t;
    }, TICK_MS);
    return () => window.clearInterval(id);
  }, [dispatch, speed]);
}

/**
 * Listens for presenter commands and announces the wall's state after every change. Of several
 * per-display windows only the first announces (the presenter follows one wall), and a window
 * with its own playlist keeps it when the presenter switches the playlist of the others.
 */
export function usePresenterChannel(): void {
  const dispatch = useWallStore((s) => s.dispatch);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return undefined;
    const start = wallScreenStart();
    const announces = start.screen === 0;
    const channel = new BroadcastChannel(WALL_CHANNEL);
    const post = (message: unknown) => {
      if (announces) channel.postMessage(message);
    };
    const announce = () => post(announcement(snapshotOf(useWallStore.getState().wall)));
    // A part of a spanning wall after the first turns with the first (bezel compensation).
    const follows = start.part !== null && start.screen > 0;
    channel.onmessage = (event: MessageEvent) => {
      if (follows) {
        const lead = parseWallAnnouncement(event.data);
        if (lead) return dispatch({ type: 'follow', snapshot: lead.state });
      }
      const cmd = parsePresenterCommand(event.data);
      if (!cmd) return; // Malformed or foreign messages are ignored, never shown.
      if (cmd.scope) {
        const scope = normalizeScope(cmd.scope);
        setViewerScope(scope);
        try {
          sessionStorage.setItem(WALL_SCOPE_KEY, JSON.stringify(scope));
        } catch {
          // Storage full or denied: the scope still applies until the wall reloads.
        }
      }
      if (cmd.type === 'area') rememberArea(cmd.area);
      if (cmd.type === 'hello') announce();
      else if (cmd.type === 'playlist' && start.playlistId !== null) return;
      else dispatch({ type: 'command', command: cmd });
    };
    // Announce on scene/focus/pause changes, not on every tick.
    let previous = '';
    const unsubscribe = useWallStore.subscribe((s) => {
      const snap = snapshotOf(s.wall);
      const key = JSON.stringify({ ...snap, remainingMs: null });
      if (key !== previous) {
        previous = key;
        post(announcement(snap));
      }
    });
    announce();
    // Ask the first part for its state at once rather than wait for its next change.
    if (follows) channel.postMessage(command({ type: 'hello' }));
    return () => {
      unsubscribe();
      channel.close();
    };
  }, [dispatch]);
}

const WALL_KEYS = new Set(['ArrowRight', 'ArrowLeft', 'PageUp', 'PageDown', ' ', 'Spacebar', 'Escape']);

export function useWallKeyboard(): void {
  const dispatch = useWallStore((s) => s.dispatch);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!WALL_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      dispatch({ type: 'key', key: event.key });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch]);
}
