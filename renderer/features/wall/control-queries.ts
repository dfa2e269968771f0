/**
 * The wall's view of the control loop: open and overdue instructions, escalations and requests by
 * responsible body (shared/records/control-list.ts), within the presenter's focus. Only bodies are
 * shown: never an official's or a citizen's name, so an escalation without a body counts under
 * «орган не указан» rather than under the person it was sent to.
 */
import { countByBody, type BodyCounts, type ControlItem, type RecordKind } from '../../../shared/records';
import type { WallFocus } from '../../../shared/wall';
import { listInstructions } from '../../db/control-repo';
import { listEscalations, listInfoRequests } from '../../db/cur-records-repo';
import type { CurDatabase } from '../../db/schema';

/** «Скоро срок» on the wall: within three days. */
const DUE_SOON_MS = 3 * 24 * 3_600_000;

export interface WallControlData {
  byBody: BodyCounts[];
  totals: Record<RecordKind, { open: number; overdue: number }>;
}

function inFocus(focus: WallFocus | null, sector: string | null, municipality: string | null): boolean {
  if (!focus) return true;
  return focus.kind === 'sector' ? sector === focus.id : municipality === focus.id;
}

export async function loadWallControl(db: CurDatabase, focus: WallFocus | null, now: number): Promise<WallControlData> {
  const [instructions, escalations, requests] = await Promise.all([listInstructions(db), listEscalations(db), listInfoRequests(db)]);
  const items: ControlItem[] = [
    ...instructions
      .filter((r) => inFocus(focus, r.links.sector, r.links.municipality))
      .map((r): ControlItem => ({ kind: 'instruction', id: r.id, title: '', responsibleBody: r.responsibleBody, status: r.status, dueAt: r.dueAt })),
    ...escalations
      .filter((r) => inFocus(focus, r.appeal.sector || null, r.appeal.municipality))
      .map((r): ControlItem => ({ kind: 'escalation', id: r.id, title: '', responsibleBody: r.body, status: r.status, dueAt: null })),
    ...requests
      .filter((r) => inFocus(focus, r.appeal.sector || null, r.appeal.municipality))
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
