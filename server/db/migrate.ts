/**
 * Versioned SQL migrations (server/db/migrations/NNN_name.sql), applied in order, each in its own
 * transaction together with its row in `schema_migrations`. Several servers starting at once on
 * one PostgreSQL wait for each other on an advisory lock; a database newer than this program is
 * refused rather than guessed at.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Arbitrary constant shared by every cur-server: "only one migrator at a time". */
const MIGRATION_LOCK = 4_217_017;

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 3)), name: file.slice(4, -4), sql: readFileSync(`${dir}${file}`, 'utf8') }));
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`migration ${m.version} out of sequence (expected ${index + 1})`);
  });
  return migrations;
}

export async function appliedVersion(db: Database): Promise<number> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)');
  const { rows } = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return rows[0]?.version ?? 0;
}

/** Applies the migrations after the database's version, up to `target` (default: all). Returns the versions applied. */
export async function migrate(db: Database, options: { target?: number; migrations?: Migration[]; now?: () => number } = {}): Promise<number[]> {
  const migrations = options.migrations ?? loadMigrations();
  const target = options.target ?? migrations.length;
  const now = options.now ?? Date.now;
  const current = await appliedVersion(db);
  if (current > migrations.length) {
    throw new Error(`the database schema is version ${current}, newer than this server (${migrations.length}); update the server`);
  }
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version > target) break;
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const { rows } = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (rows.length > 0) return false;
      // Statements of one file run in this transaction; a failure leaves the schema as it was.
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, now()]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

/**
 * Splits a migration file into statements at semicolons outside quotes, comments and
 * dollar-quoted bodies (so a plpgsql function stays whole); parameterised drivers take one
 * statement per call.
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
      continue;
    }
    if (ch === "'") {
      const end = sql.indexOf("'", i + 1);
      current += sql.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (ch === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))?.[0];
      if (tag) {
        const end = sql.indexOf(tag, i + tag.length);
        current += sql.slice(i, end + tag.length);
        i = end + tag.length;
        continue;
      }
    }
    if (ch === ';') {
      if (current.trim()) out.push(current.trim());
      current = '';
      i++;
      continue;
    }
    current += ch;
    i++;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
