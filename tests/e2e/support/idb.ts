/**
 * Reads and writes the app's IndexedDB from inside the page, past the app's own code: an
 * independent check of what the screens show, and a way to plant records the app would not make.
 */
import type { Page } from 'playwright-core';

/** Every row of one object store. */
export async function storeRows<T = Record<string, unknown>>(page: Page, dbName: string, store: string): Promise<T[]> {
  return page.evaluate(
    ({ dbName, store }) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(store, 'readonly').objectStore(store).getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as T[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    { dbName, store },
  );
}

/** Puts one row into an object store and waits for the write to commit. */
export async function putRow(page: Page, dbName: string, store: string, row: unknown): Promise<void> {
  await page.evaluate(
    ({ dbName, store, row }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(store, 'readwrite');
          tx.objectStore(store).put(row);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { dbName, store, row },
  );
}

/** How many appeals an index holds between two keys (`lower` null: everything up to `upper`). */
export async function countAppeals(page: Page, dbName: string, index: string, lower: unknown, upper: unknown, upperOpen = false): Promise<number> {
  return page.evaluate(
    ({ dbName, index, lower, upper, upperOpen }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const range = lower === null ? IDBKeyRange.upperBound(upper as IDBValidKey, upperOpen) : IDBKeyRange.bound(lower as IDBValidKey, upper as IDBValidKey, false, upperOpen);
          const req = open.result.transaction('appeals', 'readonly').objectStore('appeals').index(index).count(range);
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    { dbName, index, lower, upper, upperOpen },
  );
}

/** The database name a page was opened with (its `dbName` boot option). */
export function dbNameOf(page: Page): string {
  const name = new URL(page.url()).searchParams.get('dbName');
  if (!name) throw new Error(`no dbName in ${page.url()}`);
  return name;
}
