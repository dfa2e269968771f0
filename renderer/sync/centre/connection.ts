/**
 * This workstation's connection to a centre server, kept in the settings table (every window and
 * the sync worker read it). The address and token live with the host under the feed id
 * `feed:centre`, as feed tokens do (Electron: sealed by the main process with the OS keychain;
 * browser mode: the origin's localStorage); here only what the page may know.
 */
import { logAudit } from '../../db/audit-repo';
import type { CurDatabase } from '../../db/schema';
import { getSetting, setSetting } from '../../db/settings-repo';
import type { CentreProblem } from '../../../shared/centre/client';
import { RECORDS_CURSOR_KEY } from './record-exchange';

/** Sync source id (and host feed id) of the centre server's cur-feed. */
export const CENTRE_FEED_ID = 'feed:centre';
export const CENTRE_CONNECTION_KEY = 'centre.connection';
export const CENTRE_RECORDS_STATE_KEY = 'centre.recordsState';

export interface CentreConnection {
  /** As the host checked it (no trailing slash). */
  baseUrl: string;
  /** The name the server knows this workstation's token by. */
  connectedAs: string;
  /** The server's region name and dataset, from `whoami` at connection. */
  region: string;
  datasetId: string;
  connectedAt: number;
}

/** The last exchange of shared records, for «Источники». */
export interface CentreRecordsState {
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  problem: CentreProblem | null;
  pushed: number;
  pulled: number;
  pending: number;
  conflicts: number;
}

export const EMPTY_RECORDS_STATE: CentreRecordsState = { lastAttemptAt: null, lastSuccessAt: null, problem: null, pushed: 0, pulled: 0, pending: 0, conflicts: 0 };

export function getCentreConnection(db: CurDatabase): Promise<CentreConnection | null> {
  return getSetting<CentreConnection | null>(db, CENTRE_CONNECTION_KEY, null);
}

export async function saveCentreConnection(db: CurDatabase, connection: CentreConnection): Promise<void> {
  const previous = await getCentreConnection(db);
  // Another server (or the same one restored under a new dataset) starts the records stream over.
  if (previous && (previous.baseUrl !== connection.baseUrl || previous.datasetId !== connection.datasetId)) await setSetting(db, RECORDS_CURSOR_KEY, null);
  await setSetting(db, CENTRE_CONNECTION_KEY, connection);
  await logAudit(db, { action: 'centre.connect', details: { baseUrl: connection.baseUrl, connectedAs: connection.connectedAs } });
}

export async function removeCentreConnection(db: CurDatabase): Promise<void> {
  const previous = await getCentreConnection(db);
  await setSetting(db, CENTRE_CONNECTION_KEY, null);
  await setSetting(db, CENTRE_RECORDS_STATE_KEY, EMPTY_RECORDS_STATE);
  if (previous) await logAudit(db, { action: 'centre.disconnect', details: { baseUrl: previous.baseUrl } });
}
