/** Everything a request handler needs, built once at start (server/main.ts) or by a test. */
import type { PasswordKeeper } from './accounts/passwords';
import type { SignInThrottle } from './accounts/sign-in-throttle';
import type { Database } from './db/database';
import type { ChangeNotifier } from './feed/notifier';
import type { FeedService } from './feed/service';
import type { ServerMetrics } from './http/metrics';
import type { TokenVerifier } from './http/tokens';
import type { IntakeService } from './intake/service';

export interface ServerContext {
  db: Database;
  feed: FeedService;
  metrics: ServerMetrics;
  tokens: TokenVerifier;
  intake: IntakeService;
  /** Accounts issued by the centre (server/accounts/). */
  accounts: { passwords: PasswordKeeper; throttle: SignInThrottle };
  clock: () => number;
  /** Wakes workstations waiting on `GET /v1/notify` once a change is committed. */
  notifier: ChangeNotifier;
  startedAt: number;
  /** Browser origins allowed by CORS besides http(s)://localhost and 127.0.0.1 (the app's browser mode). */
  allowedOrigins: readonly string[];
}
