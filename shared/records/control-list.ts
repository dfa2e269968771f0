/**
 * The control list: every open record (instructions, escalations, requests) at one instant, in
 * the order a controller reads it — overdue first (most overdue first), then due soon, then the
 * rest by deadline — and the counts by responsible body that the list and the wall show.
 */
import { effectiveStatus, isDueSoonAt, isOpenStatus, type RecordKind, type StatusByKind } from './lifecycle';

/** One record as the list needs it (no personal data: bodies and officials are the centre's own words). */
export interface ControlItem<K extends RecordKind = RecordKind> {
  kind: K;
  id: string;
  title: string;
  responsibleBody: string;
  status: StatusByKind[K];
  dueAt: number | null;
}

export type ControlBand = 'overdue' | 'due-soon' | 'open' | 'closed';

export function bandOf(item: ControlItem, now: number, soonMs: number): ControlBand {
  if (!isOpenStatus(item.kind, item.status as never)) return 'closed';
  if (effectiveStatus(item.kind, item as never, now) === 'overdue') return 'overdue';
  if (isDueSoonAt(item.kind, item as never, now, soonMs)) return 'due-soon';
  return 'open';
}

const BAND_ORDER: Record<ControlBand, number> = { overdue: 0, 'due-soon': 1, open: 2, closed: 3 };

/** Overdue first, then due soon, then open, then closed; within a band by deadline (no deadline last), then id. */
export function sortForControl<T extends ControlItem>(items: readonly T[], now: number, soonMs: number): T[] {
  const key = (i: T) => BAND_ORDER[bandOf(i, now, soonMs)];
  return [...items].sort((a, b) => key(a) - key(b) || (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface BodyCounts {
  responsibleBody: string;
  open: number;
  overdue: number;
  dueSoon: number;
  byKind: Record<RecordKind, { open: number; overdue: number }>;
}

function emptyCounts(body: string): BodyCounts {
  return {
    responsibleBody: body,
    open: 0,
    overdue: 0,
    dueSoon: 0,
    byKind: { escalation: { open: 0, overdue: 0 }, 'info-request': { open: 0, overdue: 0 }, instruction: { open: 0, overdue: 0 } },
  };
}

/**
 * Open records by responsible body (an empty body reads as «—» in the interface), the bodies with
 * most overdue first. Closed records are not counted: the wall shows what still needs doing.
 */
export function countByBody(items: readonly ControlItem[], now: number, soonMs: number): BodyCounts[] {
  const out = new Map<string, BodyCounts>();
  for (const item of items) {
    const band = bandOf(item, now, soonMs);
    if (band === 'closed') continue;
    const body = item.responsibleBody.trim();
    let counts = out.get(body);
    if (!counts) out.set(body, (counts = emptyCounts(body)));
    counts.open += 1;
    counts.byKind[item.kind].open += 1;
    if (band === 'overdue') {
      counts.overdue += 1;
      counts.byKind[item.kind].overdue += 1;
    }
    if (band === 'due-soon') counts.dueSoon += 1;
  }
  return [...out.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.responsibleBody.localeCompare(b.responsibleBody, 'ru'));
}
