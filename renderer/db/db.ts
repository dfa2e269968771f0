/**
 * The window's database, named by the runtime (boot options and region, runtime/database.ts) and
 * stamped by the app clock. Workers open theirs with `openDb` from their init message. In viewer
 * mode the window's connection to the snapshot's database is read-only and its audit events go to
 * this computer's own database.
 */
import { appDbTarget, ownDbName } from '../runtime/database';
import { isViewerMode } from '../runtime/snapshots';
import { openDb } from './open-db';
import type { CurDatabase } from './schema';

export { openDb };

let shared: CurDatabase | null = null;
let own: CurDatabase | null = null;

export function getDb(): CurDatabase {
  if (!shared) {
    const target = appDbTarget();
    shared = isViewerMode()
      ? openDb(target.name, { timeZone: target.timeZone, clock: target.clock, readOnly: true, auditHome: getOwnDb() })
      : openDb(target.name, { timeZone: target.timeZone, clock: target.clock });
  }
  return shared;
}

/**
 * This computer's own database: the workstation's store, and in viewer mode the home of the
 * laptop's audit log, pinned centre keys and snapshot bookkeeping. Its clock is the real one
 * (audit rows on a laptop carry the moment they happened, not the snapshot's).
 */
export function getOwnDb(): CurDatabase {
  if (!isViewerMode() && appDbTarget().name === ownDbName()) return getDb();
  if (!own) own = openDb(ownDbName(), { timeZone: appDbTarget().timeZone });
  return own;
}
