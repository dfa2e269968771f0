/**
 * Opening the database. The app uses one database named by the boot option `dbName`, so tests and
 * benchmarks get an isolated store; the sync worker opens the same name.
 */
import { getBootOptions } from '../app/boot-options';
import { CurDatabase, type CurDatabaseOptions } from './schema';

export function openDb(name: string, options: CurDatabaseOptions = {}): CurDatabase {
  return new CurDatabase(name, options);
}

let shared: CurDatabase | null = null;

/** The app's database (one instance per window or worker). */
export function getDb(): CurDatabase {
  if (!shared) shared = openDb(getBootOptions().dbName);
  return shared;
}
