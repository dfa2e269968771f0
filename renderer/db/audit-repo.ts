/**
 * Audit log: exports, imports, sync configuration changes and other actions a centre must be able
 * to trace. `logAudit` is the only way a row is written: it appends a typed event sealed into the
 * hash chain (shared/audit/chain.ts); the table refuses updates and deletes (schema.ts), and
 * `checkAuditChain` finds a row edited, moved or deleted behind the app's back. Every row names its
 * actor from runtime/actor.ts (the signed-in person with the OS account, or the system for sync),
 * so no caller can name itself or someone else.
 */
import Dexie from 'dexie';
import { sealNext, verifyAuditChain, type AuditSeal, type ChainCheck } from '../../shared/audit/chain';
import type { AuditEvent } from '../../shared/audit/events';
import { currentActorLabel } from '../runtime/actor';
import { advanceAuditHead, auditSealerFor, readAuditHead } from './audit-seal';
import type { AuditRow, CurDatabase } from './schema';

/** The actor rows written before accounts existed carry (shown as «Оператор»). */
export const LOCAL_USER = 'operator';

function sealOf(row: AuditRow | undefined): AuditSeal | null {
  return row && typeof row.seq === 'number' && typeof row.mac === 'string' && typeof row.prev === 'string'
    ? { seq: row.seq, prev: row.prev, mac: row.mac }
    : null;
}

/**
 * Appends one typed event (see shared/audit/events.ts for every action and its details), sealed
 * after the last row in the same transaction, so appends from windows and workers form one chain.
 * Inside a caller's transaction it joins it: the row exists exactly when the caller's data does.
 */
export async function logAudit(target: CurDatabase, event: AuditEvent): Promise<number> {
  // Viewer mode: the laptop's own log, not the snapshot's (renderer/db/schema.ts, auditHome).
  const db = target.auditHome;
  const content = { at: db.now(), action: event.action, user: currentActorLabel(), details: { ...event.details } as Record<string, unknown> };
  // A caller's transaction on another database (viewer mode) cannot hold this row.
  const outer = db === target ? Dexie.currentTransaction : null;
  const { id, seal } = await db.transaction('rw', db.audit, async () => {
    // WebCrypto is not IndexedDB: waitFor keeps the transaction open while it signs.
    const sealer = await Dexie.waitFor(auditSealerFor(db.name));
    const last = await db.audit.orderBy(':id').last();
    const next = await Dexie.waitFor(sealNext(sealer, content, sealOf(last)));
    return { id: await db.audit.add({ ...content, ...next }), seal: next };
  });
  const head = () => void advanceAuditHead(db.name, { seq: seal.seq, mac: seal.mac }).catch(() => undefined);
  // The head moves only once the row is committed (with the caller's data, when there is a caller).
  if (outer) outer.on('complete', head);
  else head();
  return id;
}

/** Newest first. */
export function listAudit(db: CurDatabase, limit = 200): Promise<AuditRow[]> {
  return db.auditHome.audit.orderBy('at').reverse().limit(limit).toArray();
}

/** Checks the whole chain in append order: «Журнал цел», or the first row where it breaks. */
export async function checkAuditChain(target: CurDatabase): Promise<ChainCheck> {
  const db = target.auditHome;
  const [rows, sealer, head] = await Promise.all([db.audit.orderBy(':id').toArray(), auditSealerFor(db.name), readAuditHead(db.name)]);
  return verifyAuditChain(rows, sealer, head);
}
