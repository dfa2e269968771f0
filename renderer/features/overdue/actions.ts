/**
 * The overdue view's writes: escalations and information requests for an appeal, with the names
 * last used remembered in settings (who is at the workstation, who is responsible for a block),
 * so the form is quick to fill in during a morning check.
 */
import type { InfoRequestTermOptions } from '../../../shared/domain/request-terms';
import type { CurDatabase, StoredAppeal } from '../../db/schema';
import { getSetting, setSetting } from '../../db/settings-repo';
import { loadOfficials } from '../../db/officials-repo';
import { officialFor } from '../../../shared/records/officials';
import {
  createEscalation,
  createInfoRequest,
  updateEscalationStatus,
  updateInfoRequestStatus,
  type AppealSnapshot,
  type EscalationReason,
  type EscalationStatus,
  type InfoRequestStatus,
  type NewInfoRequest,
} from '../../db/cur-records-repo';

const OPERATOR_KEY = 'cur.operatorName';
/** Official information: clock hours (default) or working hours; the regulation does not say. */
export const OFFICIAL_HOURS_KEY = 'cur.requests.officialInformationHours';
export type OfficialHours = NonNullable<InfoRequestTermOptions['officialInformationHours']>;

export async function loadOfficialHours(db: CurDatabase): Promise<OfficialHours> {
  return (await getSetting<unknown>(db, OFFICIAL_HOURS_KEY, 'clock')) === 'working' ? 'working' : 'clock';
}

export function saveOfficialHours(db: CurDatabase, hours: OfficialHours): Promise<void> {
  return setSetting(db, OFFICIAL_HOURS_KEY, hours);
}
const responsibleKey = (sector: string) => `cur.blockResponsible.${sector}`;

export function snapshotOf(appeal: StoredAppeal): AppealSnapshot {
  return {
    externalId: appeal.externalId,
    sector: appeal.sector,
    organisation: appeal.orgCurrent,
    municipality: appeal.municipality,
    executor: appeal.executor,
    dueAt: appeal.deadline?.dueAt ?? null,
  };
}

export interface FormDefaults {
  by: string;
  assignee: string;
}

/** The block's official from the directory (settings) comes first; the person last escalated to is the fallback. */
export async function loadFormDefaults(db: CurDatabase, sector: string): Promise<FormDefaults> {
  const [by, assignee, directory] = await Promise.all([getSetting(db, OPERATOR_KEY, ''), getSetting(db, responsibleKey(sector), ''), loadOfficials(db)]);
  return { by, assignee: officialFor(directory, sector)?.official || assignee };
}

export async function escalateAppeal(
  db: CurDatabase,
  appeal: StoredAppeal,
  input: { reason: EscalationReason; note: string; assignee: string; by: string },
  at: number,
) {
  const record = await createEscalation(db, { appealId: appeal.id, appeal: snapshotOf(appeal), ...input, at });
  await Promise.all([setSetting(db, OPERATOR_KEY, record.createdBy), setSetting(db, responsibleKey(appeal.sector), record.assignee)]);
  return record;
}

export async function requestInformation(
  db: CurDatabase,
  appeal: StoredAppeal,
  input: Pick<NewInfoRequest, 'kind' | 'quarter' | 'manualDueDay' | 'body' | 'question' | 'by'>,
  at: number,
) {
  const officialInformationHours = await loadOfficialHours(db);
  const record = await createInfoRequest(db, { appealId: appeal.id, appeal: snapshotOf(appeal), ...input, at }, { options: { officialInformationHours } });
  await setSetting(db, OPERATOR_KEY, record.createdBy);
  return record;
}

export async function operatorName(db: CurDatabase): Promise<string> {
  return getSetting(db, OPERATOR_KEY, '');
}

/** Status changes need a name; without a remembered one the workstation acts. */
export async function actingOperator(db: CurDatabase): Promise<string> {
  return (await operatorName(db)) || 'оператор';
}

export function setEscalationStatus(db: CurDatabase, id: string, status: EscalationStatus, by: string, at: number) {
  return updateEscalationStatus(db, id, { status, by, at });
}

export function setRequestStatus(db: CurDatabase, id: string, status: InfoRequestStatus, by: string, at: number, answer?: string) {
  return updateInfoRequestStatus(db, id, { status, by, at, answer: answer ?? null });
}
