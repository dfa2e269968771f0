/**
 * Which display the wall goes to, and what happens when displays change. Pure policy (runtime:
 * Electron main, no Electron import) so every case is unit-tested; electron/wall-window.ts applies it.
 */
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
