/**
 * Sign-in against the centre server (accounts issued by the centre, shared/centre/accounts.ts),
 * the remote verifier of runtime/session.ts:
 *
 * - the password is checked by the server through the workstation's own token, which the host
 *   keeps under `feed:centre-station` (set at connection, connect.ts); the server answers with the
 *   user's role and scope and a token for this user on this workstation;
 * - from then on the centre's feed and shared records are pulled with the user's token
 *   (`feed:centre`), so the server sends only what the user's scope allows; when that scope
 *   differs from the one the store was pulled under, the centre source pulls again from the start
 *   (a full pass removes what the new scope no longer holds);
 * - the server's user list is written into the local accounts (the server is the source of truth
 *   for its users);
 * - not connected, no answer, or the workstation's token refused: `unavailable`, and the session
 *   checks this workstation's own verifier (offline unlock and sign-in keep working).
 */
import { isUnrestricted, normalizeScope, type AccessScope } from '../../../shared/access/scope';
import { createCentreTransportClient } from '../../../shared/centre/client';
import type { CurDatabase } from '../../db/schema';
import { getSetting, setSetting } from '../../db/settings-repo';
import { resetCheckpoint } from '../../db/sync-state-repo';
import type { Platform } from '../../platform/platform';
import type { RemoteAccount, RemoteVerdict, RemoteVerifier } from '../../runtime/session';
import { CENTRE_FEED_ID, getCentreConnection } from './connection';
import { RECORDS_CURSOR_KEY } from './record-exchange';

/** Host feed id under which the workstation's own token is kept (sign-in calls only). */
export const CENTRE_STATION_FEED_ID = 'feed:centre-station';
/** The scope the centre source's store was pulled under ('' = everything). */
export const CENTRE_PULL_SCOPE_KEY = 'centre.pullScope';

type Host = Pick<Platform, 'centreCall' | 'configureFeed'>;

export function pullScopeKey(scope: AccessScope): string {
  const clean = normalizeScope(scope);
  return isUnrestricted(clean) ? '' : JSON.stringify([clean.sectors, clean.municipalities]);
}

/**
 * Records the scope the centre's streams are now pulled under; when it changed, both start over
 * (the feed's full pass removes what the new scope no longer holds).
 */
export async function pullUnder(db: CurDatabase, scopeKey: string): Promise<void> {
  if ((await getSetting<string | null>(db, CENTRE_PULL_SCOPE_KEY, '')) === scopeKey) return;
  await resetCheckpoint(db, CENTRE_FEED_ID, db.now());
  await setSetting(db, RECORDS_CURSOR_KEY, null);
  await setSetting(db, CENTRE_PULL_SCOPE_KEY, scopeKey);
}

export interface CentreVerifierOptions {
  /** Applies the server's user list to the local accounts (runtime/session.ts applyCentreUsers). */
  applyUsers(users: readonly RemoteAccount[]): Promise<unknown>;
  timeoutMs?: number;
}

/** `database`: the region's store now (a region switch opens another). */
export function createCentreVerifier(database: () => CurDatabase, host: Host, options: CentreVerifierOptions): RemoteVerifier {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const station = createCentreTransportClient((call) => host.centreCall({ feedId: CENTRE_STATION_FEED_ID, call, timeoutMs }));
  return {
    async verify(login: string, password: string): Promise<RemoteVerdict> {
      const db = database();
      const connection = await getCentreConnection(db);
      if (!connection) return { kind: 'unavailable' };
      let outcome: Awaited<ReturnType<typeof station.signIn>>;
      try {
        outcome = await station.signIn(login, password);
      } catch (error) {
        console.warn('centre sign-in unavailable', error instanceof Error ? error.message : error);
        return { kind: 'unavailable' };
      }
      if (outcome.status === 'refused') return { kind: 'refused', waitMs: outcome.waitMs };
      const { token, user } = outcome.answer;
      await host.configureFeed({ feedId: CENTRE_FEED_ID, baseUrl: connection.baseUrl, token });
      await pullUnder(db, pullScopeKey(user.scope));
      try {
        await options.applyUsers(await station.users());
      } catch (error) {
        // The sign-in stands; the list comes again at the next one.
        console.warn('centre user list not applied', error instanceof Error ? error.message : error);
      }
      return { kind: 'accepted', account: user };
    },
  };
}
