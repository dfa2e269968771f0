/**
 * Which display the wall goes to, and what happens when displays change. Pure policy (runtime:
 * Electron main, no Electron import) so every case is unit-tested; electron/wall-window.ts applies it.
 */
import { checkSpan, spanCanvas, spanNeedsParts, spanPartQuery, wallScreenQuery, type WallArrangement } from '../shared/wall/arrangement';
import type { Bounds } from './window-options';

export interface DisplayLike {
  id: number;
  label?: string;
  bounds: Bounds;
}

export interface DisplayChoiceInput {
  displays: readonly DisplayLike[];
  primaryId: number;
  /** What the operator asked for (null: "the usual one"). */
  requestedId: number | null;
  /** The display the wall used last time (remembered across restarts). */
  rememberedId: number | null;
}

/**
 * Requested display if it exists; else the remembered one; else the first non-primary display
 * (a wall usually hangs off a second output); else the primary display.
 */
export function chooseWallDisplay(input: DisplayChoiceInput): DisplayLike | null {
  const byId = (id: number | null) => (id === null ? undefined : input.displays.find((d) => d.id === id));
  return (
    byId(input.requestedId) ??
    byId(input.rememberedId) ??
    input.displays.find((d) => d.id !== input.primaryId) ??
    byId(input.primaryId) ??
    input.displays[0] ??
    null
  );
}

export type DisplayRemovedPlan =
  | { action: 'none' }
  | { action: 'move'; to: DisplayLike }
  | { action: 'close' };

/**
 * The wall's display went away. Move the wall to another secondary display if there is one;
 * otherwise close it rather than cover the operator's own screen with a full-screen wall.
 */
export function planDisplayRemoved(wallDisplayId: number | null, removedId: number, remaining: readonly DisplayLike[], primaryId: number): DisplayRemovedPlan {
  if (wallDisplayId === null || wallDisplayId !== removedId) return { action: 'none' };
  const other = remaining.find((d) => d.id !== primaryId && d.id !== removedId);
  return other ? { action: 'move', to: other } : { action: 'close' };
}

export function displayLabel(display: DisplayLike, index: number, primaryId: number): string {
  const base = display.label && display.label.trim() ? display.label.trim() : `Экран ${index + 1}`;
  const size = `${display.bounds.width}×${display.bounds.height}`;
  return display.id === primaryId ? `${base} (${size}, основной)` : `${base} (${size})`;
}

/**
 * One wall window to open: on which display(s), where, and with which start parameters. A span
 * window is frameless and sized to the union of its displays (full-screen cannot cross displays);
 * any other window is full-screen on its one display.
 */
export interface WallPanePlan {
  /** Stable name of the pane within the arrangement ('wall' for single, 'span', 'screen-<n>'). */
  key: string;
  displayIds: number[];
  bounds: Bounds;
  fullscreen: boolean;
  /** Extra query parameters of the wall page (per-display screen, playlist, offset). */
  query: Record<string, string>;
  /** Operator-facing name of the display(s) it covers. */
  label: string;
}

export type WallPlanResult =
  | { ok: true; panes: WallPanePlan[] }
  | { ok: false; reason: 'no-display' | 'missing-display' | SpanFailure; missingIds?: number[] };

type SpanFailure = 'span-too-few' | 'span-overlap' | 'span-gaps';

export interface WallPlanInput {
  arrangement: WallArrangement;
  displays: readonly DisplayLike[];
  primaryId: number;
  rememberedId: number | null;
}

/** Turns the operator's arrangement into windows; refuses one that the connected displays cannot show. */
export function planWallPanes(input: WallPlanInput): WallPlanResult {
  const { arrangement, displays, primaryId } = input;
  const labelOf = (d: DisplayLike) => displayLabel(d, displays.indexOf(d), primaryId);
  if (arrangement.kind === 'single') {
    const target = chooseWallDisplay({ displays, primaryId, requestedId: arrangement.displayId, rememberedId: input.rememberedId });
    if (!target) return { ok: false, reason: 'no-display' };
    return { ok: true, panes: [{ key: 'wall', displayIds: [target.id], bounds: target.bounds, fullscreen: true, query: {}, label: labelOf(target) }] };
  }
  const wanted = arrangement.kind === 'span' ? arrangement.displayIds : arrangement.screens.map((s) => s.displayId);
  const missingIds = wanted.filter((id) => !displays.some((d) => d.id === id));
  if (missingIds.length > 0) return { ok: false, reason: 'missing-display', missingIds };
  const byId = (id: number) => displays.find((d) => d.id === id) as DisplayLike;
  if (arrangement.kind === 'span') {
    const chosen = arrangement.displayIds.map(byId);
    const span = checkSpan(chosen.map((d) => d.bounds));
    if (!span.ok) return { ok: false, reason: `span-${span.reason}` };
    if (spanNeedsParts(arrangement.bezel)) {
      // Bezel compensation: one full-screen window per display, each drawing its part of a canvas
      // larger by the seams; the strips behind the frames are drawn by none of them.
      const canvas = spanCanvas(chosen.map((d) => d.bounds), arrangement.bezel!)!;
      return {
        ok: true,
        panes: canvas.parts.map((part) => {
          const display = chosen[part.index]!;
          return {
            key: `span-${part.index}`,
            displayIds: [display.id],
            bounds: display.bounds,
            fullscreen: true,
            query: spanPartQuery(canvas, part),
            label: `${span.columns}×${span.rows} [${part.column + 1}, ${part.row + 1}]: ${labelOf(display)}`,
          };
        }),
      };
    }
    return {
      ok: true,
      panes: [
        {
          key: 'span',
          displayIds: chosen.map((d) => d.id),
          bounds: span.bounds,
          fullscreen: false,
          query: {},
          label: `${span.columns}×${span.rows}: ${chosen.map(labelOf).join(', ')}`,
        },
      ],
    };
  }
  return {
    ok: true,
    panes: arrangement.screens.map((screen, index) => {
      const display = byId(screen.displayId);
      return { key: `screen-${index}`, displayIds: [display.id], bounds: display.bounds, fullscreen: true, query: wallScreenQuery(index, screen), label: labelOf(display) };
    }),
  };
}

export type PaneRemovalAction =
  | { key: string; action: 'keep' }
  /** A span lost some of its displays: the window keeps its bounds so the rest show their part in place. */
  | { key: string; action: 'keep-span'; lostIds: number[] }
  | { key: string; action: 'move'; to: DisplayLike }
  | { key: string; action: 'close' };

/**
 * A display went away while the wall ran. Panes elsewhere keep showing; a per-display pane on it
 * closes; a span keeps running on what remains of it (its picture stays in place rather than
 * squeezing onto fewer screens); a single wall moves to another free secondary display, or closes
 * rather than cover the operator's own screen.
 */
export function planPanesAfterRemoval(
  panes: readonly Pick<WallPanePlan, 'key' | 'displayIds'>[],
  removedId: number,
  remaining: readonly DisplayLike[],
  primaryId: number,
): PaneRemovalAction[] {
  const connected = new Set(remaining.map((d) => d.id));
  const used = new Set(panes.flatMap((p) => p.displayIds).filter((id) => id !== removedId));
  return panes.map((pane): PaneRemovalAction => {
    if (!pane.displayIds.includes(removedId)) return { key: pane.key, action: 'keep' };
    if (pane.key === 'span') {
      const left = pane.displayIds.filter((id) => connected.has(id));
      return left.length > 0
        ? { key: pane.key, action: 'keep-span', lostIds: pane.displayIds.filter((id) => !connected.has(id)) }
        : { key: pane.key, action: 'close' };
    }
    if (pane.key === 'wall') {
      const other = remaining.find((d) => d.id !== primaryId && d.id !== removedId && !used.has(d.id));
      return other ? { key: pane.key, action: 'move', to: other } : { key: pane.key, action: 'close' };
    }
    return { key: pane.key, action: 'close' };
  });
}

/** Adds a pane's own parameters to the operator's start query ('' or '?a=b'). */
export function paneQuery(startQuery: string, extra: Record<string, string>): string {
  const params = new URLSearchParams(startQuery);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}
