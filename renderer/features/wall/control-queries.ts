/**
 * The wall's view of the control loop: open and overdue instructions, escalations and requests by
 * responsible body (shared/records/control-list.ts), within the presenter's account scope, area and
 * focus. Only bodies are
 * shown: never an official's or a citizen's name, so an escalation without a body counts under
 * «орган не указан» rather than under the person it was sent to.
 */
import { countByBody, type BodyCounts, type ControlItem, type RecordKind } from '../../../shared/records';
import { scopePredicate } from '../../../shared/access/scope';
import { inSelection, selectionOf, type WallFocus, type WallSelection } from '../../../shared/wall';
import { effectiveScope } from '../../runtime/access';
import { listInstructions } from '../../db/control-repo';
import { listEscalations, listInfoRequests } from '../../db/cur-records-repo';
import type { CurDatabase } from '../../db/schema';

/** «Скоро срок» on the wall: within three days. */
const DUE_SOON_MS = 3 * 24 * 3_600_000;

export interface WallControlData {
  byBody: BodyCounts[];
  totals: Record<RecordKind, { open: number; overdue: number }>;
}

/**
 * The wall's selection (a bare focus is read as a selection without an area). A record without a
 * sector or municipality counts only where the selection does not ask for one; the account scope
 * admits it as the data layer does (an unknown municipality is outside a municipal scope).
 */
export async function loadWallControl(db: CurDatabase, selection: WallSelection | WallFocus | null, now: number): Promise<WallControlData> {
  const chosen = selection === null || 'kind' in selection ? selectionOf(null, selection) : selection;
  const allowed = scopePredicate(effectiveScope());
  const inFocus = (sector: string | null, municipality: string | null) =>
    inSelection(chosen, sector, municipality) && allowed(sector ?? '', municipality ?? '');
  const [instructions, escalations, requests] = await Promise.all([listInstructions(db), listEscalations(db), listInfoRequests(db)]);
  const items: ControlItem[] = [
    ...instructions
      .filter((r) => inFocus(r.links.sector, r.links.municipality))
      .map((r): ControlItem => ({ kind: 'instruction', id: r.id, title: '', responsibleBody: r.responsibleBody, status: r.status, dueAt: r.dueAt })),
    ...escalations
      .filter((r) => inFocus(r.appeal.sector || null, r.appeal.municipality))
      .map((r): ControlItem => ({ kind: 'escalation', id: r.id, title: '', responsibleBody: r.body, status: r.status, dueAt: null })),
    ...requests
      .filter((r) => inFocus(r.appeal.sector || null, r.appeal.municipality))
      .map((r): ControlItem => ({ kind: 'info-request', id: r.id, title: '', responsibleBody: r.body, status: r.status, dueAt: r.dueAt })),
  ];
  const byBody = countByBody(items, now, DUE_SOON_MS);
  const totals: WallControlData['totals'] = { instruction: { open: 0, overdue: 0 }, escalation: { open: 0, overdue: 0 }, 'info-request': { open: 0, overdue: 0 } };
  for (const c of byBody) {
    for (const kind of Object.keys(totals) as RecordKind[]) {
      totals[kind].open += c.byKind[kind].open;
      totals[kind].overdue += c.byKind[kind].overdue;
    }
  }
  return { byBody, totals };
}
