/** Key–value settings kept in IndexedDB (shared by all windows and the sync worker). */
import type { CurDatabase } from './schema';

export async function getSetting<T>(db: CurDatabase, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

export async function setSetting<T>(db: CurDatabase, key: string, value: T): Promise<void> {
  await db.settings.put({ key, value });
}
