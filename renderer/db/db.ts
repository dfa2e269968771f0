/**
 * The window's database, named by the runtime (boot options and region, runtime/database.ts) and
 * stamped by the app clock. Workers open theirs with `openDb` from their init message.
 */
import { appDbTarget } from '../runtime/database';
import { openDb } from './open-db';
import type { CurDatabase } from './schema';

export { openDb };

let shared: CurDatabase | null = null;

export function getDb(): CurDatabase {
  if (!shared) {
    const target = appDbTarget();
    shared = openDb(target.name, { timeZone: target.timeZone, clock: target.clock });
  }
  return shared;
}
