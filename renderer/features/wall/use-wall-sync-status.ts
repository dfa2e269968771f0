/**
 * The sync state as the wall shows it: the data's age, stale (older than the threshold) and
 * failing (the last attempt of a source ended in an error), and whether it is demo data.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getBootOptions } from '../../app/boot-options';
import { now } from '../../app/clock';
import { getDb } from '../../db/db';
import { listSyncStates } from '../../db/sync-state-repo';

export interface WallSyncStatus {
  dataAsOf: number | null;
  isStale: boolean;
  isFailing: boolean;
  isDemo: boolean;
  /** A quiet line for the footer (the source's error cause), or null. */
  note: string | null;
}

/** Default stale threshold of the sync settings (30 min). */
const STALE_AFTER_MS = 30 * 60_000;

export function useWallSyncStatus(): WallSyncStatus {
  const rows = useLiveQuery(() => listSyncStates(getDb()), []);
  const dataAsOf = (rows ?? []).reduce<number | null>((max, r) => (r.dataAsOf !== null && (max === null || r.dataAsOf > max) ? r.dataAsOf : max), null);
  const failing = (rows ?? []).filter((r) => r.lastError);
  return {
    dataAsOf,
    isStale: dataAsOf !== null && now() - dataAsOf > STALE_AFTER_MS,
    isFailing: failing.length > 0,
    isDemo: getBootOptions().demo,
    note: failing[0]?.lastError ?? null,
  };
}
