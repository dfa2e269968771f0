/**
 * Test support for the centre server: a server on 127.0.0.1 on each engine under test (PGlite
 * always; PostgreSQL when CUR_TEST_DATABASE_URL is set, each test on its own fresh database),
 * tokens, and small HTTP helpers.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { KIROV_PACK } from '../../shared/domain/packs';
import { issueToken } from '../http/tokens';
import { startServer, type RunningServer, type ServerOptions } from '../server';

export interface Engine {
  name: 'pglite' | 'postgres';
  /** A fresh, empty database for one test; `drop` removes it. */
  create(): Promise<{ url: string; drop(): Promise<void> }>;
}

/**
 * An empty PGlite cluster as a tarball, made once and kept in the temp folder: creating a cluster
 * (initdb in WebAssembly) takes several times longer than unpacking one.
 */
let template: Promise<Blob> | null = null;
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const version = (JSON.parse(readFileSync(join(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;
    const path = join(tmpdir(), `cur-pglite-template-${version}.tar`);
    if (existsSync(path)) return new Blob([readFileSync(path)]);
    const db = await PGlite.create({ dataDir: 'memory://' });
    const dump = await db.dumpDataDir('none');
    await db.close();
    const bytes = new Uint8Array(await dump.arrayBuffer());
    // Written under a temporary name and renamed, so a parallel test file never reads half of it.
    const partial = `${path}.${process.pid}.part`;
    writeFileSync(partial, bytes);
    renameSync(partial, path);
    return new Blob([bytes]);
  })();
  return template;
}

const pgliteEngine: Engine = {
  name: 'pglite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'cur-server-test-'));
    const url = join(dir, 'db');
    const db = await PGlite.create({ dataDir: url, loadDataDir: await pgliteTemplate() });
    await db.close();
    return { url, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

function postgresEngine(adminUrl: string): Engine {
  return {
    name: 'postgres',
    async create() {
      const name = `cur_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      // Identifiers cannot be parameters; the name is generated above from hex digits only.
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        url: url.toString(),
        async drop() {
          const c = new pg.Client({ connectionString: adminUrl });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await c.end();
        },
      };
    },
  };
}

const postgresUrl = process.env.CUR_TEST_DATABASE_URL;
if (!postgresUrl) console.log('server tests: CUR_TEST_DATABASE_URL not set, PostgreSQL runs skipped (PGlite only); .ci/run starts a throwaway cluster and sets it');

export const ENGINES: Engine[] = postgresUrl ? [pgliteEngine, postgresEngine(postgresUrl)] : [pgliteEngine];

export const NOW = Date.parse('2026-11-18T09:00:00+03:00');

export interface TestServer {
  server: RunningServer;
  url: string;
  admin: string;
  workstation: string;
  database: string;
  inboxDir: string;
  /** Stops the server, keeping its database (restart). */
  stop(): Promise<void>;
  /** Starts it again on the same database and folder. */
  restart(overrides?: Partial<ServerOptions>): Promise<void>;
  /** Stops it and removes its database and folders. */
  dispose(): Promise<void>;
}

export async function startTestServer(engine: Engine, overrides: Partial<ServerOptions> = {}): Promise<TestServer> {
  const database = await engine.create();
  const inboxDir = mkdtempSync(join(tmpdir(), 'cur-server-inbox-'));
  const options: ServerOptions = { database: database.url, pack: KIROV_PACK, inboxDir, pollIntake: false, ...overrides };
  let server = await startServer(options);
  const admin = server.adminToken!;
  const workstation = (await issueToken(server.ctx.db, 'АРМ тест', 'workstation')).token;
  const handle: TestServer = {
    server,
    url: server.url,
    admin,
    workstation,
    database: database.url,
    inboxDir,
    stop: () => server.close(),
    async restart(more = {}) {
      await server.close();
      // The same port, so a client mid-pull finds it again.
      server = await startServer({ ...options, port: Number(new URL(handle.url).port), ...more });
      handle.server = server;
    },
    async dispose() {
      await server.close();
      await database.drop();
      rmSync(inboxDir, { recursive: true, force: true });
    },
  };
  return handle;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers field by field, each checked by an expectation
export async function call(base: string, token: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Headers }> {
  const init: RequestInit = { method, headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers } };
  if (body !== undefined) {
    if (typeof body === 'string') init.body = body;
    else if (body instanceof Uint8Array) init.body = Buffer.from(body);
    else {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    }
  }
  const response = await fetch(`${base}${path}`, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, json, headers: response.headers };
}
