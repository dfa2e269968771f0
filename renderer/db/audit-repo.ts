/** Audit log: exports, imports, sync configuration changes and other actions a centre must be able to trace. */
import type { AuditRow, CurDatabase } from './schema';

/** Who acts: the app has no accounts yet, so the operator workstation is the actor. */
export const LOCAL_USER = 'operator';

export async function logAudit(db: CurDatabase, action: string, details: Record<string, unknown> = {}): Promise<number> {
  return db.audit.add({ at: db.now(), action, user: LOCAL_USER, details });
}

/** Newest first. */
export function listAudit(db: CurDatabase, limit = 200): Promise<AuditRow[]> {
  return db.audit.orderBy('at').reverse().limit(limit).toArray();
}
