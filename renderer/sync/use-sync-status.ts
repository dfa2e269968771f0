/**
 * `useSyncStatus()`: per-source state, data age, stale warning, demo flag and progress — live in
 * every window (the leader's worker writes the syncState rows; liveQuery carries the changes).
 */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getBootOptions } from '../runtime/boot-options';
import { now } from '../runtime/clock';
import { getDb } from '../db/db';
import { listSyncStates } from '../db/sync-state-repo';
import { deriveSyncStatus, type SyncStatus } from './sync-status';
import { DEFAULT_STALE_AFTER_MIN, getFeeds, getStaleAfterMin } from './sync-settings';
import { DEMO_SOURCE_ID } from './sources/demo-source';
import { CENTRE_FEED_ID, getCentreConnection } from './centre/connection';

export type { SourceStatus, SyncStatus } from './sync-status';

const EMPTY: SyncStatus = {
  sources: [],
  dataAsOf: null,
  isStale: false,
  isDemo: getBootOptions().demo,
  progress: null,
  staleAfterMin: DEFAULT_STALE_AFTER_MIN,
  phase: 'starting',
  pulls: 0,
  historyLoadedFrom: null,
};

/** Re-reads the app clock every 30 s so staleness turns on while nothing else changes. */
function useTick(ms = 30_000): number {
  const [t, setT] = useState(now);
  useEffect(() => {
    const id = setInterval(() => setT(now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return t;
}

export function useSyncStatus(): SyncStatus {
  const at = useTick();
  const status = useLiveQuery(async () => {
    const db = getDb();
    const [rows, staleAfterMin, feeds, centre] = await Promise.all([listSyncStates(db), getStaleAfterMin(db), getFeeds(db), getCentreConnection(db)]);
    const active = new Set(feeds.filter((f) => f.enabled).map((f) => f.id));
    if (centre) active.add(CENTRE_FEED_ID);
    if (getBootOptions().demo) active.add(DEMO_SOURCE_ID);
    return deriveSyncStatus(rows, now(), staleAfterMin, active);
  }, [at]);
  return status ?? EMPTY;
}
