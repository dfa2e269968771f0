/**
 * Opening the database. The app uses one database named by the boot option `dbName`, so tests and
 * benchmarks get an isolated store; the sync worker opens the same name.
 */
import { getBootOptions } from '../app/boot-options';
import { DEFAULT_REGION_ID, getRegionPack } from '../app/region';
import { CurDatabase, type CurDatabaseOptions } from './schema';

export function openDb(name: string, options: CurDatabaseOptions = {}): CurDatabase {
  return new CurDatabase(name, options);
}

/**
 * The database of the current region: one per region, because received days, aggregates and
 * sources belong to a region and its time zone. The default region keeps the plain name, so a
 * store created before regions could be switched stays where it is. Switching the region reloads
 * every window (renderer/main.tsx), which reopens this name and restarts sync with the new region.
 */
export function appDbName(): string {
  const pack = getRegionPack();
  const base = getBootOptions().dbName;
  return pack.id === DEFAULT_REGION_ID ? base : `${base}.${pack.id}`;
}

let shared: CurDatabase | null = null;

/** The app's database in a window (the workers open their own by name and the region's time zone). */
export function getDb(): CurDatabase {
  if (!shared) shared = openDb(appDbName(), { timeZone: getRegionPack().timeZone });
  return shared;
}
