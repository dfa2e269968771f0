/** The record of every intake run: what came in, what it changed, what was refused and why. */
import type { IntakeRun } from '../../shared/centre/protocol';
import type { Queryable } from '../db/database';

export type RunCounts = Pick<IntakeRun, 'rowsRead' | 'created' | 'changed' | 'unchanged' | 'deleted' | 'rejected'>;

export const ZERO_COUNTS: RunCounts = { rowsRead: 0, created: 0, changed: 0, unchanged: 0, deleted: 0, rejected: 0 };
/** Messages kept per run (rejected rows, file errors); the counts say how many there were. */
export const MAX_RUN_MESSAGES = 200;

export async function startRun(db: Queryable, kind: string, source: string, now: number): Promise<number> {
  const { rows } = await db.query<{ id: number }>("INSERT INTO intake_runs (kind, source, started_at, status) VALUES ($1, $2, $3, 'running') RETURNING id", [kind, source, now]);
  return rows[0]!.id;
}

export async function finishRun(
  db: Queryable,
  id: number,
  outcome: { status: 'ok' | 'partial' | 'failed'; counts: RunCounts; errors: readonly string[]; detail: string | null },
  now: number,
): Promise<void> {
  const c = outcome.counts;
  await db.query(
    `UPDATE intake_runs SET finished_at = $2, status = $3, rows_read = $4, created = $5, changed = $6, unchanged = $7, deleted = $8, rejected = $9, errors = $10::json, detail = $11
     WHERE id = $1`,
    [id, now, outcome.status, c.rowsRead, c.created, c.changed, c.unchanged, c.deleted, c.rejected, JSON.stringify(outcome.errors.slice(0, MAX_RUN_MESSAGES)), outcome.detail],
  );
}

interface RunRow {
  id: number;
  kind: string;
  source: string;
  started_at: number;
  finished_at: number | null;
  status: IntakeRun['status'];
  rows_read: number;
  created: number;
  changed: number;
  unchanged: number;
  deleted: number;
  rejected: number;
  errors: string;
  detail: string | null;
}

function toRun(r: RunRow): IntakeRun {
  return {
    id: r.id,
    kind: r.kind,
    source: r.source,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status,
    rowsRead: r.rows_read,
    created: r.created,
    changed: r.changed,
    unchanged: r.unchanged,
    deleted: r.deleted,
    rejected: r.rejected,
    errors: JSON.parse(r.errors) as string[],
    detail: r.detail,
  };
}

export async function listRuns(db: Queryable, limit = 50): Promise<IntakeRun[]> {
  const { rows } = await db.query<RunRow>('SELECT id, kind, source, started_at, finished_at, status, rows_read, created, changed, unchanged, deleted, rejected, errors::text AS errors, detail FROM intake_runs ORDER BY id DESC LIMIT $1', [limit]);
  return rows.map(toRun);
}

export async function getRun(db: Queryable, id: number): Promise<IntakeRun | null> {
  const { rows } = await db.query<RunRow>('SELECT id, kind, source, started_at, finished_at, status, rows_read, created, changed, unchanged, deleted, rejected, errors::text AS errors, detail FROM intake_runs WHERE id = $1', [id]);
  return rows[0] ? toRun(rows[0]) : null;
}

/** Runs left `running` by a server that stopped mid-run are marked failed at the next start. */
export async function failInterruptedRuns(db: Queryable, now: number): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE intake_runs SET status = 'failed', finished_at = $1, errors = '["Сервер остановлен во время приёма: изменения этого приёма не записаны"]'::json WHERE status = 'running'`,
    [now],
  );
  return rowCount;
}
