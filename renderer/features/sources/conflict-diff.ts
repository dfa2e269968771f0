/**
 * The fields two versions of a shared record differ in, as short plain text for a side-by-side
 * comparison (values are untrusted: rendered as text only, shortened).
 */
import { canonicalJson } from '../../../shared/centre/canonical-json';

export interface FieldDifference {
  field: string;
  mine: string;
  theirs: string;
}

const MAX_CHARS = 240;

export function shortText(value: unknown): string {
  if (value === undefined || value === null) return '—';
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : canonicalJson(value);
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}

/** Top-level fields whose values differ, in a stable order; bookkeeping fields last. */
export function differences(mine: Record<string, unknown> | null, theirs: Record<string, unknown> | null): FieldDifference[] {
  const keys = [...new Set([...Object.keys(mine ?? {}), ...Object.keys(theirs ?? {})])].sort();
  const late = new Set(['history', 'updatedAt', 'createdAt', 'id']);
  const ordered = [...keys.filter((k) => !late.has(k)), ...keys.filter((k) => late.has(k))];
  return ordered
    .filter((k) => canonicalJson(mine?.[k] ?? null) !== canonicalJson(theirs?.[k] ?? null))
    .map((field) => ({ field, mine: shortText(mine?.[field]), theirs: shortText(theirs?.[field]) }));
}
