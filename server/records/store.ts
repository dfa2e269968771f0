/**
 * The centre's shared records: one row per record with its newest version, an optimistic version
 * check on every write (a write based on an old version is refused with both versions, never
 * applied over the newer one), a repeated push of the same change recognised by its change id,
 * and every accepted version and refused conflict appended to the audit table.
 */
import type { AccessScope } from '../../shared/access/scope';
import type { RecordPush, SharedRecord, SharedRecordKind } from '../../shared/centre/protocol';
import { decideWrite } from '../../shared/centre/versioning';
import type { Database, Queryable } from '../db/database';
import { recordScope } from '../accounts/scope-sql';
import { takeStamp } from '../feed/clock';

interface RecordRow {
  id: string;
  kind: SharedRecordKind;
  version: number;
  deleted: boolean;
  body: string;
  updated_at: number;
  updated_by: string;
  change_id: string;
}

const COLUMNS = 'id, kind, version, deleted, body::text AS body, updated_at, updated_by, change_id';

function toRecord(row: RecordRow): SharedRecord {
  return {
    id: row.id,
    kind: row.kind,
    version: row.version,
    deleted: row.deleted,
    body: JSON.parse(row.body) as Record<string, unknown>,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    changeId: row.change_id,
  };
}

export type PushOutcome =
  | { status: 'applied'; record: SharedRecord; duplicate: boolean }
  /** `server` is null when the base version names a record this server never had. */
  | { status: 'conflict'; server: SharedRecord | null }
  /** The id already belongs to a record of another kind. */
  | { status: 'kind-mismatch'; server: SharedRecord };

async function audit(tx: Queryable, record: SharedRecord, action: 'create' | 'update' | 'delete' | 'conflict', actor: string, at: number, changeId: string, body: Record<string, unknown>): Promise<void> {
  await tx.query('INSERT INTO shared_record_audit (at, record_id, kind, action, version, actor, change_id, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::json)', [
    at,
    record.id,
    record.kind,
    action,
    record.version,
    actor,
    changeId,
    JSON.stringify(body),
  ]);
}

export async function getRecord(db: Queryable, id: string): Promise<SharedRecord | null> {
  const { rows } = await db.query<RecordRow>(`SELECT ${COLUMNS} FROM shared_records WHERE id = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : null;
}

/**
 * Applies a workstation's write. `baseVersion` is the version the person edited (0 = new record).
 * The row is locked for the check, so two simultaneous writes on one version give one success and
 * one conflict.
 */
export async function pushRecord(db: Database, id: string, push: RecordPush, actor: string, now = Date.now()): Promise<PushOutcome> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<RecordRow>(`SELECT ${COLUMNS} FROM shared_records WHERE id = $1 FOR UPDATE`, [id]);
    const current = rows[0] ? toRecord(rows[0]) : null;
    const decision = decideWrite(current, push);
    if (decision === 'kind-mismatch') return { status: 'kind-mismatch', server: current! };
    // The same change again (a retry after a lost answer): the answer it would have had.
    if (decision === 'duplicate') return { status: 'applied', record: current!, duplicate: true };
    if (decision === 'conflict') {
      if (current) await audit(tx, current, 'conflict', actor, now, push.changeId, push.body);
      return { status: 'conflict', server: current };
    }
    const currentVersion = current?.version ?? 0;
    const stamp = await takeStamp(tx, 'records', now);
    const record: SharedRecord = {
      id,
      kind: push.kind,
      version: currentVersion + 1,
      deleted: push.deleted,
      body: push.body,
      updatedAt: stamp,
      updatedBy: actor,
      changeId: push.changeId,
    };
    await tx.query(
      `INSERT INTO shared_records (id, kind, version, deleted, body, updated_at, updated_by, change_id)
       VALUES ($1, $2, $3, $4, $5::json, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, deleted = EXCLUDED.deleted, body = EXCLUDED.body,
         updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by, change_id = EXCLUDED.change_id`,
      [id, record.kind, record.version, record.deleted, JSON.stringify(record.body), stamp, actor, push.changeId],
    );
    await audit(tx, record, push.deleted ? 'delete' : current ? 'update' : 'create', actor, stamp, push.changeId, push.body);
    return { status: 'applied', record, duplicate: false };
  });
}

/** Records changed after a position (updatedAt, id), oldest first; `limit + 1` read to know whether more follow. */
export async function recordsAfter(
  db: Queryable,
  position: readonly [number, string] | null,
  limit: number,
  scope: AccessScope | null = null,
): Promise<{ records: SharedRecord[]; hasMore: boolean }> {
  const [u, k] = position ?? [-1, ''];
  // A signed-in user's scope (server/accounts/): records about another block's appeal are left out.
  const scoped = recordScope(scope, 4);
  const { rows } = await db.query<RecordRow>(
    `SELECT ${COLUMNS} FROM shared_records WHERE (updated_at, id) > ($1::bigint, $2::text COLLATE "C")${scoped.sql} ORDER BY updated_at, id LIMIT $3`,
    [u, k, limit + 1, ...scoped.params],
  );
  return { records: rows.slice(0, limit).map(toRecord), hasMore: rows.length > limit };
}

export interface AuditEntry {
  seq: number;
  at: number;
  recordId: string;
  kind: string;
  action: string;
  version: number;
  actor: string;
  changeId: string;
}

export async function auditOf(db: Queryable, recordId: string): Promise<AuditEntry[]> {
  const { rows } = await db.query<{ seq: number; at: number; record_id: string; kind: string; action: string; version: number; actor: string; change_id: string }>(
    'SELECT seq, at, record_id, kind, action, version, actor, change_id FROM shared_record_audit WHERE record_id = $1 ORDER BY seq',
    [recordId],
  );
  return rows.map((r) => ({ seq: r.seq, at: r.at, recordId: r.record_id, kind: r.kind, action: r.action, version: r.version, actor: r.actor, changeId: r.change_id }));
}
