/**
 * The persisted search index's share of an appeal write: the ids whose indexed text changed (new
 * appeals, edited texts, texts sealed or opened) and the ids deleted, appended in the same
 * transaction as the rows, so any window's index can catch up without scanning the store.
 * Status-only re-deliveries change no indexed text and append nothing.
 */
import type { CurDatabase } from '../db/schema';

export async function appendSearchLog(db: CurDatabase, changed: readonly string[], deleted: readonly string[]): Promise<void> {
  if (changed.length === 0 && deleted.length === 0) return;
  await db.searchLog.add({ changed: [...changed], deleted: [...deleted] });
}
