/** What the control screens read, live: through the repositories, never `db.*` here. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { ControlItem, Instruction } from '../../../shared/records';
import { getMeeting, getInstruction, listInstructions, listMeetingInstructions, listMeetings } from '../../db/control-repo';
import { getEscalation, getInfoRequest, listEscalations, listInfoRequests, type Escalation, type InfoRequest } from '../../db/cur-records-repo';
import { getDb } from '../../db/db';
import { loadOfficials } from '../../db/officials-repo';

/** A control-list row: the lifecycle's view plus where it links to. */
export type ControlRow = ControlItem & { href: string; subjectLabel: string | null };

export function instructionRow(r: Instruction): ControlRow {
  return { kind: 'instruction', id: r.id, title: r.text, responsibleBody: r.responsibleBody, status: r.status, dueAt: r.dueAt, href: `#/control/instruction/${encodeURIComponent(r.id)}`, subjectLabel: null };
}

export function escalationRow(r: Escalation): ControlRow {
  return {
    kind: 'escalation',
    id: r.id,
    title: r.note || r.subject.label,
    responsibleBody: r.body || r.assignee,
    status: r.status,
    dueAt: null,
    href: `#/control/record/${encodeURIComponent(r.id)}`,
    subjectLabel: r.subject.label,
  };
}

export function requestRow(r: InfoRequest): ControlRow {
  return { kind: 'info-request', id: r.id, title: r.question, responsibleBody: r.body, status: r.status, dueAt: r.dueAt, href: `#/control/record/${encodeURIComponent(r.id)}`, subjectLabel: r.subject.label };
}

export async function loadControlRows(): Promise<ControlRow[]> {
  const db = getDb();
  const [instructions, escalations, requests] = await Promise.all([listInstructions(db), listEscalations(db), listInfoRequests(db)]);
  return [...instructions.map(instructionRow), ...escalations.map(escalationRow), ...requests.map(requestRow)];
}

export const useControlRows = () => useLiveQuery(loadControlRows, []);
export const useMeetings = () => useLiveQuery(() => listMeetings(getDb()), []);
export const useMeeting = (id: string) => useLiveQuery(async () => (await getMeeting(getDb(), id)) ?? null, [id]);
export const useMeetingInstructions = (id: string) => useLiveQuery(() => listMeetingInstructions(getDb(), id), [id]);
export const useInstruction = (id: string) => useLiveQuery(async () => (await getInstruction(getDb(), id)) ?? null, [id]);
export const useOfficials = () => useLiveQuery(() => loadOfficials(getDb()), []);

export type CurRecord = { kind: 'escalation'; record: Escalation } | { kind: 'info-request'; record: InfoRequest };

export const useCurRecord = (id: string) =>
  useLiveQuery(async (): Promise<CurRecord | null> => {
    const db = getDb();
    if (id.startsWith('esc:')) {
      const record = await getEscalation(db, id);
      return record ? { kind: 'escalation', record } : null;
    }
    const record = await getInfoRequest(db, id);
    return record ? { kind: 'info-request', record } : null;
  }, [id]);
