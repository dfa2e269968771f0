/**
 * Idempotent import: an incoming record is new, changed or unchanged against the stored one.
 * Where it came from (`import`) and when we wrote it (`updatedAt`) are bookkeeping, not content,
 * so re-importing the same file changes nothing.
 */
import type { Appeal } from '../domain/appeal';

const IGNORED = new Set<string>(['import', 'updatedAt']);

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return (a ?? null) === (b ?? null);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => equal(x, b[i]));
  }
  const ka = Object.keys(a as object);
  for (const k of ka) if (!equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  for (const k of Object.keys(b as object)) if (!(k in (a as object)) && (b as Record<string, unknown>)[k] != null) return false;
  return true;
}

export type DiffKind = 'new' | 'changed' | 'unchanged';

/** How many incoming records are new, changed and unchanged against the store. */
export interface DiffCounts {
  created: number;
  changed: number;
  unchanged: number;
}

/** Compares the fields of the incoming record only: index helpers the store adds are ignored. */
export function diffAppeal(incoming: Appeal, stored: Partial<Appeal> | undefined): DiffKind {
  if (!stored) return 'new';
  for (const key of Object.keys(incoming) as (keyof Appeal)[]) {
    if (IGNORED.has(key)) continue;
    if (!equal(incoming[key], stored[key])) return 'changed';
  }
  return 'unchanged';
}

/** Names of the fields that differ (for the preview's "what changed" hint). */
export function changedFields(incoming: Appeal, stored: Partial<Appeal>): string[] {
  return (Object.keys(incoming) as (keyof Appeal)[]).filter((k) => !IGNORED.has(k) && !equal(incoming[k], stored[k]));
}
