/**
 * An empty store of the current schema for a test, deleted when it is no longer needed: after the
 * test that opened it, or after the file when it was opened in a `beforeAll`. The test file imports
 * 'fake-indexeddb/auto' first, because Dexie takes the IndexedDB it finds when it loads.
 */
import { afterAll, onTestFinished } from 'vitest';
import { CurDatabase, type CurDatabaseOptions } from '../../renderer/db/schema';

let counter = 0;
const openedOutsideTests: CurDatabase[] = [];

afterAll(async () => {
  for (const db of openedOutsideTests.splice(0)) await db.delete();
});

export function freshDb(options: CurDatabaseOptions = {}): CurDatabase {
  const db = new CurDatabase(`fresh-db-${++counter}`, options);
  try {
    onTestFinished(() => db.delete());
  } catch {
    // Not inside a test (a beforeAll or the file's top level): the database lives for the file.
    openedOutsideTests.push(db);
  }
  return db;
}
