import { useEffect } from 'react';
import { getOwnDb } from '../db/db';
import { realNow } from '../runtime/clock';
import { snapshotUrl, viewerSnapshot } from '../runtime/snapshots';
import { removeSnapshot } from '../viewer/remove';

const CHECK_MS = 30_000;

/**
 * Viewer mode: closes the snapshot when its expiry passes (real time, not the snapshot's frozen
 * clock), deletes it from this computer and says why on the snapshots screen.
 */
export function SnapshotWatch() {
  useEffect(() => {
    let done = false;
    const check = async () => {
      const snapshot = viewerSnapshot();
      if (done || !snapshot || snapshot.expiresAt > realNow()) return;
      done = true;
      await removeSnapshot(getOwnDb(), snapshot, 'expired').catch(() => undefined);
      location.assign(snapshotUrl(null, '#/snapshots?expired=1'));
    };
    void check();
    const timer = setInterval(() => void check(), CHECK_MS);
    return () => clearInterval(timer);
  }, []);
  return null;
}
