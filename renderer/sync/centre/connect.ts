/**
 * Connecting this workstation to a centre server: the address and token go to the host (sealed
 * there in Electron), then `whoami` proves both work before anything is saved as connected.
 * Failures are fixed problem kinds (or the host's own policy sentence for an address it refuses).
 */
import { CentreClientError, createCentreTransportClient, problemOfTransport, type CentreClient, type CentreProblem } from '../../../shared/centre/client';
import type { CurDatabase } from '../../db/schema';
import type { Platform } from '../../platform/platform';
import { CENTRE_STATION_FEED_ID, pullUnder } from './centre-sign-in';
import { CENTRE_FEED_ID, getCentreConnection, removeCentreConnection, saveCentreConnection, type CentreConnection } from './connection';

export type ConnectOutcome = { ok: true; connection: CentreConnection } | { ok: false; problem: CentreProblem; hostReason: string | null };

type Host = Pick<Platform, 'configureFeed' | 'centreCall' | 'removeFeedEndpoint'>;

export function centreClientOf(host: Pick<Platform, 'centreCall'>, timeoutMs = 15_000): CentreClient {
  return createCentreTransportClient((call) => host.centreCall({ feedId: CENTRE_FEED_ID, call, timeoutMs }));
}

export async function connectToCentre(db: CurDatabase, host: Host, input: { baseUrl: string; token: string | null }, now: number): Promise<ConnectOutcome> {
  let baseUrl: string;
  try {
    const state = await host.configureFeed({ feedId: CENTRE_FEED_ID, baseUrl: input.baseUrl.trim(), ...(input.token ? { token: input.token.trim() } : {}) });
    baseUrl = state.baseUrl;
    // The workstation's own token is kept apart as well: users sign in through it (centre-sign-in.ts)
    // while `feed:centre` then carries the signed-in user's token.
    if (input.token) await host.configureFeed({ feedId: CENTRE_STATION_FEED_ID, baseUrl: input.baseUrl.trim(), token: input.token.trim() });
  } catch (error) {
    // The host's own sentence (plain http, an address with a password, not approved): written by this app.
    return { ok: false, problem: 'refused', hostReason: error instanceof Error ? error.message : null };
  }
  try {
    const me = await centreClientOf(host).whoami();
    if (me.role === 'intake') return { ok: false, problem: 'forbidden', hostReason: null };
    const connection: CentreConnection = { baseUrl, connectedAs: me.label, region: me.region, datasetId: me.datasetId, connectedAt: now };
    await saveCentreConnection(db, connection);
    // A new workstation token: pulled with it again, everything the server serves it.
    if (input.token) await pullUnder(db, '');
    return { ok: true, connection };
  } catch (error) {
    const problem = error instanceof CentreClientError ? error.problem : problemOfTransport(error);
    return { ok: false, problem, hostReason: null };
  }
}

export async function disconnectFromCentre(db: CurDatabase, host: Host): Promise<void> {
  await removeCentreConnection(db);
  await host.removeFeedEndpoint(CENTRE_FEED_ID).catch(() => {});
  await host.removeFeedEndpoint(CENTRE_STATION_FEED_ID).catch(() => {});
}

export { getCentreConnection };
