/**
 * Opening a database from inputs only (name, the region's time zone, the app clock): the workers
 * open the window's store this way from their init message, without reading the page's URL or
 * storage.
 */
import { CurDatabase, type CurDatabaseOptions } from './schema';

export function openDb(name: string, options: CurDatabaseOptions = {}): CurDatabase {
  return new CurDatabase(name, options);
}
