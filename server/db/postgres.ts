/** A real PostgreSQL server through the `pg` driver's connection pool. */
import pg from 'pg';
import { INT8_OID, type Database, type Queryable, type QueryResult } from './database';

const int8AsNumber = (value: string): number => Number(value);

function wrap(client: { query: pg.Pool['query'] }): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await client.query(sql, params as unknown[]);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
  };
}

export async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: 'cur-server',
    types: { getTypeParser: ((oid: number, format?: string) => (oid === INT8_OID ? int8AsNumber : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser },
  });
  // A dropped idle connection (PostgreSQL restarted) must not crash the server: the pool replaces it.
  pool.on('error', () => undefined);
  // Fail at start when the server is unreachable, not at the first request.
  const probe = await pool.connect();
  probe.release();
  const plain = wrap(pool);
  return {
    engine: 'postgres',
    query: (sql, params) => plain.query(sql, params),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  };
}
