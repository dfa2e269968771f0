/**
 * Opening the database. The app uses one database named by the boot option `dbName`, so tests and
 * benchmarks get an isolated store; the sync worker opens the same name.
 */
import { getBootOptions } from '../app/boot-options';
import { getRegionPack } from '../app/region';
import { CurDatabase, type CurDatabaseOptions } from './schema';

export function openDb(name: string, options: CurDatabaseOptions = {}): CurDatabase {
  return new CurDatabase(name, options);
}

let shared: CurDatabase | null = null;

/** The app's database in a window (the worker opens its own by name and the region's time zone). */
export function getDb(): CurDatabase {
  if (!shared) shared = openDb(getBootOptions().dbName, { timeZone: getRegionPack().timeZone });
  return shared;
}
