/**
 * Starts the centre server: database (PGlite folder or PostgreSQL URL), bootstrap, HTTP on the
 * given host and port, the intake's watched folder and pull sources. Used by `npm run server`
 * (server/main.ts), the tests and the benchmark.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { RegionPack } from '../shared/domain/region-pack';
import { PasswordKeeper, type KdfParams } from './accounts/passwords';
import { SignInThrottle } from './accounts/sign-in-throttle';
import { bootstrap } from './bootstrap';
import type { ServerContext } from './context';
import { openDatabase, type Database } from './db/database';
import { ChangeNotifier } from './feed/notifier';
import { FeedService } from './feed/service';
import { buildApp } from './http/app';
import { ServerMetrics } from './http/metrics';
import { TokenVerifier } from './http/tokens';
import { IntakeService, type HttpFetch } from './intake/service';

export interface ServerOptions {
  /** `postgres://…`, or a PGlite data folder (default `./server-data/db`), or `memory://`. */
  database: string;
  pack: RegionPack;
  host?: string;
  port?: number;
  /** Watched folder of the intake (default `./server-data/inbox`). */
  inboxDir?: string;
  maxPageSize?: number;
  clock?: () => number;
  /** Look at the watched folder and the pull sources on a timer (default true). */
  pollIntake?: boolean;
  pollMs?: number;
  intakeFetch?: HttpFetch;
  allowedOrigins?: readonly string[];
  poolSize?: number;
  /** How often waiting workstations' notifier looks for writes of other servers on the database (default 1 s). */
  noticePollMs?: number;
  log?: (line: string) => void;
  /** Argon2id parameters for users' passwords (tests pass light ones; default: the workstation's). */
  kdf?: KdfParams;
}

export interface RunningServer {
  url: string;
  adminToken: string | null;
  datasetId: string;
  ctx: ServerContext;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const clock = options.clock ?? Date.now;
  const db: Database = await openDatabase({ url: options.database, poolSize: options.poolSize });
  try {
    const boot = await bootstrap(db, options.pack, clock());
    const metrics = new ServerMetrics(() => db.poolStats());
    const notifier = new ChangeNotifier(db, options.noticePollMs);
    const intake = new IntakeService({
      db,
      pack: options.pack,
      inboxDir: options.inboxDir ?? join('server-data', 'inbox'),
      metrics,
      clock,
      fetch: options.intakeFetch,
      pollMs: options.pollMs,
      log: options.log,
      onCommitted: () => void notifier.check().catch(() => undefined),
    });
    const ctx: ServerContext = {
      db,
      feed: new FeedService(db, boot.datasetId, options.pack.name, options.maxPageSize ?? 5_000, clock),
      metrics,
      tokens: new TokenVerifier(db),
      accounts: { passwords: new PasswordKeeper(options.kdf), throttle: new SignInThrottle() },
      intake,
      clock,
      notifier,
      startedAt: clock(),
      allowedOrigins: options.allowedOrigins ?? [],
    };
    const app = buildApp(ctx);
    await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
    const address = app.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    if (options.pollIntake !== false) intake.start();
    let closed = false;
    return {
      url: `http://${host}:${address.port}`,
      adminToken: boot.adminToken,
      datasetId: boot.datasetId,
      ctx,
      app,
      async close() {
        if (closed) return;
        closed = true;
        // Waiting workstations are answered now, or closing would wait out their long polls.
        notifier.close();
        await intake.stop();
        await app.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
