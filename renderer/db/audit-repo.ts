/** Audit log: exports, imports, sync configuration changes and other actions a centre must be able to trace. */
import type { AuditEvent } from '../../shared/audit/events';
import { now } from '../app/clock';
import type { AuditRow, CurDatabase } from './schema';

/** Who acts: the app has no accounts yet, so the operator workstation is the actor. */
export const LOCAL_USER = 'operator';

/** Appends one typed event (see shared/audit/events.ts for every action and its details). */
export async function logAudit(db: CurDatabase, event: AuditEvent): Promise<number> {
  return db.audit.add({ at: now(), action: event.action, user: LOCAL_USER, details: { ...event.details } });
}

/** Newest first. */
export function listAudit(db: CurDatabase, limit = 200): Promise<AuditRow[]> {
  return db.audit.orderBy('at').reverse().limit(limit).toArray();
}
