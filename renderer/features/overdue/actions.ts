/**
 * The overdue view's writes: escalations and information requests for an appeal, signed by the
 * signed-in person, with the official last escalated to remembered per block in settings, so the
 * form is quick to fill in during a morning check.
 */
import type { InfoRequestTermOptions } from '../../../shared/domain/request-terms';
import type { CurDatabase, StoredAppeal } from '../../db/schema';
import { getSetting, setSetting } from '../../db/settings-repo';
import { recordAuthor } from '../../runtime/actor';
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
  assignee: string;
}

/** The block's official from the directory (settings) comes first; the person last escalated to is the fallback. */
export async function loadFormDefaults(db: CurDatabase, sector: string): Promise<FormDefaults> {
  const [assignee, directory] = await Promise.all([getSetting(db, responsibleKey(sector), ''), loadOfficials(db)]);
  return { assignee: officialFor(directory, sector)?.official || assignee };
}

export async function escalateAppeal(
  db: CurDatabase,
  appeal: StoredAppeal,
  input: { reason: EscalationReason; note: string; assignee: string; by: string },
  at: number,
) {
  const record = await createEscalation(db, { appealId: appeal.id, appeal: snapshotOf(appeal), ...input, at });
  await setSetting(db, responsibleKey(appeal.sector), record.assignee);
  return record;
}

export async function requestInformation(
  db: CurDatabase,
  appeal: StoredAppeal,
  input: Pick<NewInfoRequest, 'kind' | 'quarter' | 'manualDueDay' | 'body' | 'question' | 'by'>,
  at: number,
) {
  const officialInformationHours = await loadOfficialHours(db);
  return createInfoRequest(db, { appealId: appeal.id, appeal: snapshotOf(appeal), ...input, at }, { options: { officialInformationHours } });
}

/** Status changes are signed by the signed-in person (the data layer signs with them too). */
export function actingOperator(): string {
  return recordAuthor('оператор');
}

export function setEscalationStatus(db: CurDatabase, id: string, status: EscalationStatus, by: string, at: number) {
  return updateEscalationStatus(db, id, { status, by, at });
}

export function setRequestStatus(db: CurDatabase, id: string, status: InfoRequestStatus, by: string, at: number, answer?: string) {
  return updateInfoRequestStatus(db, id, { status, by, at, answer: answer ?? null });
}
