/**
 * What the card reads: the appeal, its original (when a repeat) and its repeats (through the
 * `originalId` index, which only repeats carry), and the centre's own records about it.
 */
import type { CurDatabase, StoredAppeal } from '../../db/schema';
import { getAppeal } from '../../db/appeals-repo';
import { listCurRecordsByAppeal, type Escalation, type InfoRequest } from '../../db/cur-records-repo';
import { logAudit } from '../../db/audit-repo';
import { scopePredicate } from '../../../shared/access/scope';
import { effectiveScope, requirePermission } from '../../runtime/access';

/** Repeats listed on a card; an appeal repeated more often shows the count and the newest ones. */
export const MAX_REPEATS = 50;

export interface AppealCardData {
  appeal: StoredAppeal;
  original: StoredAppeal | null;
  /** Newest first, at most MAX_REPEATS. */
  repeats: StoredAppeal[];
  repeatCount: number;
  escalations: Escalation[];
  infoRequests: InfoRequest[];
}

/** The card of an appeal inside the viewer's scope (outside it: null, as if it did not exist). */
export async function loadAppealCard(db: CurDatabase, id: string): Promise<AppealCardData | null> {
  const appeal = await getAppeal(db, id);
  if (!appeal) return null;
  const inScope = scopePredicate(effectiveScope());
  const ofScope = db.appeals.where('originalId').equals(id).filter((a) => inScope(a.sector, a.muniKey));
  const [original, repeatCount, repeats, records] = await Promise.all([
    appeal.originalId ? getAppeal(db, appeal.originalId).then((a) => a ?? null) : Promise.resolve(null),
    ofScope.clone().count(),
    ofScope.clone().limit(MAX_REPEATS).toArray(),
    listCurRecordsByAppeal(db, id),
  ]);
  repeats.sort((a, b) => b.receivedAt - a.receivedAt);
  return { appeal, original, repeats, repeatCount, ...records };
}

/** Personal data shown in clear is an access to 152-ФЗ data: it goes to the audit log first. */
export async function auditPersonalDataShown(db: CurDatabase, appealId: string): Promise<void> {
  // Refused here too, not only hidden: an observer or analyst never gets personal data shown.
  requirePermission('personal-data.reveal');
  await logAudit(db, { action: 'personal-data.reveal', details: { appealId } });
}
