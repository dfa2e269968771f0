/**
 * Versioned migrations: up from an empty database, up from an older schema with data in it (the
 * data survives), idempotent at every start, a newer database refused; the statement splitter
 * keeps plpgsql bodies whole.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database';
import { appliedVersion, loadMigrations, migrate, splitStatements } from '../db/migrate';
import { hashToken, TokenVerifier } from '../http/tokens';
import { ENGINES, type Engine } from './support';

const open: { db: Database; drop: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const { db, drop } of open.splice(0)) {
    await db.close();
    await drop();
  }
});

async function fresh(engine: Engine): Promise<Database> {
  const target = await engine.create();
  const db = await openDatabase({ url: target.url });
  open.push({ db, drop: target.drop });
  return db;
}

describe('migration files', () => {
  it('are numbered without gaps and split into statements with function bodies whole', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    const statements = splitStatements("CREATE TABLE a (x text DEFAULT ';'); -- c;\nCREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'x;y'; END; $$;");
    expect(statements).toHaveLength(2);
    expect(statements[1]).toMatch(/END; \$\$$/);
  });
});

for (const engine of ENGINES) {
  describe(`migrations on ${engine.name}`, { timeout: 240_000 }, () => {
    it('up from empty, then again changes nothing', async () => {
      const db = await fresh(engine);
      const all = loadMigrations().map((m) => m.version);
      expect(await migrate(db)).toEqual(all);
      expect(await migrate(db)).toEqual([]);
      expect(await appliedVersion(db)).toBe(all.length);
      const { rows } = await db.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
      expect(rows.map((r) => r.table_name)).toEqual(['api_tokens', 'centre_users', 'feed_items', 'intake_runs', 'intake_sources', 'schema_migrations', 'server_meta', 'shared_record_audit', 'shared_records', 'stream_clock']);
    });

    it('up from an older schema keeps the data and the clock', async () => {
      const db = await fresh(engine);
      expect(await migrate(db, { target: 1 })).toEqual([1]);
      await db.query('INSERT INTO feed_items (key, item_type, updated_at, item, origin) VALUES ($1, $2, $3, $4::json, $5)', ['pos:1', 'tombstone', 42, '{"type":"tombstone","id":"pos:1","updatedAt":42,"deletedAt":42}', 'test']);
      await db.query("UPDATE stream_clock SET last_stamp = 42 WHERE stream = 'feed'");
      const applied = await migrate(db);
      expect(applied[0]).toBe(2);
      const { rows } = await db.query<{ key: string; updated_at: number }>('SELECT key, updated_at FROM feed_items');
      expect(rows).toEqual([{ key: 'pos:1', updated_at: 42 }]);
      const clocks = await db.query<{ stream: string; last_stamp: number }>('SELECT stream, last_stamp FROM stream_clock ORDER BY stream');
      expect(clocks.rows).toEqual([
        { stream: 'feed', last_stamp: 42 },
        { stream: 'records', last_stamp: 0 },
      ]);
    });

    it('up from the schema before accounts keeps its tokens working and unscoped', async () => {
      const db = await fresh(engine);
      await migrate(db, { target: 3 });
      await db.query('INSERT INTO api_tokens (id, label, role, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)', ['t1', 'АРМ 1', 'workstation', hashToken('cur_old_token_text'), 1]);
      expect(await migrate(db)).toEqual(loadMigrations().map((m) => m.version).filter((v) => v > 3));
      const owner = await new TokenVerifier(db).verify('cur_old_token_text');
      expect(owner).toEqual({ id: 't1', label: 'АРМ 1', role: 'workstation', user: null, workstationId: 't1' });
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM centre_users');
      expect(rows[0]!.n).toBe(0);
    });

    it('refuses a database newer than the program, and rolls back a failing migration whole', async () => {
      const db = await fresh(engine);
      await migrate(db);
      await db.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [999, 'future', 0]);
      await expect(migrate(db)).rejects.toThrow(/newer than this server/);

      const other = await fresh(engine);
      const broken = [...loadMigrations().slice(0, 1), { version: 2, name: 'broken', sql: 'CREATE TABLE half_done (x int); SELECT no_such_function();' }];
      await expect(migrate(other, { migrations: broken })).rejects.toThrow();
      expect(await appliedVersion(other)).toBe(1);
      const { rows } = await other.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'");
      expect(rows).toHaveLength(0);
    });
  });
}
