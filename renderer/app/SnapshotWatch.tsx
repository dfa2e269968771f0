import { useEffect } from 'react';
import { getDb, getOwnDb } from '../db/db';
import { realNow } from '../runtime/clock';
import { snapshotUrl, viewerSnapshot } from '../runtime/snapshots';
import { loadSnapshotRows } from '../viewer/install';
import { removeSnapshot } from '../viewer/remove';
import { useSnapshotRows } from './snapshot-load';

const CHECK_MS = 30_000;

/**
 * Viewer mode's housekeeping: finishes loading the snapshot's appeal rows (the overview and the
 * wall already work on its aggregates; the registry fills as they come, one window at a time), and
 * closes the snapshot when its expiry passes (real time, not the snapshot's frozen clock), deleting
 * it from this computer and saying why on the snapshots screen.
 */
export function SnapshotWatch() {
  useEffect(() => {
    const snapshot = viewerSnapshot();
    if (!snapshot?.rowsPending) return;
    const load = () => {
      useSnapshotRows.setState({ progress: { done: 0, total: snapshot.appeals }, error: null });
      return loadSnapshotRows(snapshot, (done, total) => useSnapshotRows.setState({ progress: { done, total } })).then(
        () => useSnapshotRows.setState({ progress: null }),
        (error: unknown) => useSnapshotRows.setState({ progress: null, error: error instanceof Error ? error.message : String(error) }),
      );
    };
    // One window loads; another window on the same snapshot waits and then finds nothing pending.
    if (typeof navigator !== 'undefined' && navigator.locks) void navigator.locks.request(`cur-snapshot-rows-${snapshot.id}`, load);
    else void load();
  }, []);

  useEffect(() => {
    let done = false;
    const check = async () => {
      const snapshot = viewerSnapshot();
      if (done || !snapshot || snapshot.expiresAt > realNow()) return;
      done = true;
      // This window's connection to the snapshot closes first (explicitly, so Dexie does not re-open
      // it): a query still running would otherwise re-create the store right after its deletion.
      getDb().close();
      await removeSnapshot(getOwnDb(), snapshot, 'expired').catch(() => undefined);
      location.assign(snapshotUrl(null, '#/snapshots?expired=1'));
    };
    void check();
    const timer = setInterval(() => void check(), CHECK_MS);
    return () => clearInterval(timer);
  }, []);
  return null;
}
