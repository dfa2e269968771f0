/**
 * Key–value settings kept in IndexedDB (shared by all windows and the sync worker). Every write
 * passes the role check of its key (setting-permissions.ts): the Settings screen hides what a role
 * may not change, and this is what holds when the screen is bypassed.
 */
import { requirePermission } from '../runtime/access';
import type { CurDatabase } from './schema';
import { settingWritePermission } from './setting-permissions';

export async function getSetting<T>(db: CurDatabase, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

/** Throws AccessDeniedError (nothing written) when this window's role may not change `key`. */
export async function setSetting<T>(db: CurDatabase, key: string, value: T): Promise<void> {
  const permission = settingWritePermission(key);
  if (permission) requirePermission(permission);
  await db.settings.put({ key, value });
}
