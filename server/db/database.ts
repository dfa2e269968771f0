/**
 * One small query interface over the two engines the server runs on: the embedded PGlite
 * (PostgreSQL compiled to WebAssembly, a data folder on disk) and a real PostgreSQL reached
 * through `pg`. Every statement is parameterised ($1, $2, …); the same SQL runs on both.
 */
export interface QueryResult<Row> {
  rows: Row[];
  /** Rows inserted, updated or deleted by the statement. */
  rowCount: number;
}

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
}

export interface PoolStats {
  /** Connections open (PGlite: always one). */
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
}

export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  poolStats(): PoolStats;
  close(): Promise<void>;
}

/** Epoch-millisecond columns are bigint; both engines are told to return them as numbers. */
export const INT8_OID = 20;

export interface OpenOptions {
  /** `postgres://…` for PostgreSQL; otherwise the PGlite data folder (or `memory://`). */
  url: string;
  /** Largest connection pool for PostgreSQL (default 10). */
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (/^postgres(ql)?:\/\//i.test(options.url)) {
    const { openPostgres } = await import('./postgres');
    return openPostgres(options.url, options.poolSize ?? 10);
  }
  const { openPglite } = await import('./pglite');
  return openPglite(options.url);
}

/** Where to log a connection string: the password never leaves the process. */
export function describeDatabase(url: string): string {
  if (!/^postgres(ql)?:\/\//i.test(url)) return `PGlite (${url})`;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return `PostgreSQL (${parsed.toString()})`;
  } catch {
    return 'PostgreSQL';
  }
}
