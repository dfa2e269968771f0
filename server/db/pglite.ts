/** The embedded engine: PGlite in this process, one connection, data in a folder on disk. */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { INT8_OID, type Database, type Queryable, type QueryResult } from './database';

function wrap(target: { query: PGlite['query'] }): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    },
  };
}

export async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create({ dataDir, parsers: { [INT8_OID]: (value: string) => Number(value) } });
  const plain = wrap(pg);
  let waiting = 0;
  return {
    engine: 'pglite',
    async query(sql, params) {
      waiting++;
      try {
        return await plain.query(sql, params);
      } finally {
        waiting--;
      }
    },
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    // One in-process connection; `waiting` counts queries queued behind it.
    poolStats: () => ({ total: 1, idle: waiting > 0 ? 0 : 1, waiting: Math.max(0, waiting - 1) }),
    close: () => pg.close(),
  };
}
