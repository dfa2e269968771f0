/**
 * The analytic index's change log: every appeal write appends the facts of the appeals it changed
 * and the ids it deleted, in the same transaction as the rows themselves, so the columnar index
 * (renderer/analytics-engine) in any window can catch up without scanning the store. The engine
 * folds the log into its persisted chunks now and then and deletes the entries it has folded.
 */
import { batchOfFacts, type AppealFacts, type FactsBatch } from '../../shared/analytics/facts';
import type { CurDatabase } from './schema';

export interface AnalyticsLogRow {
  seq?: number;
  upserts: FactsBatch;
  deletes: string[];
}

/** Meta and chunk rows of the persisted index (see renderer/analytics-engine/persist.ts). */
export interface AnalyticsChunkRow {
  key: string;
  [field: string]: unknown;
}

export async function appendAnalyticsLog(db: CurDatabase, facts: readonly AppealFacts[], deletes: readonly string[]): Promise<void> {
  if (facts.length === 0 && deletes.length === 0) return;
  await db.analyticsLog.add({ upserts: batchOfFacts(facts), deletes: [...deletes] });
}

/** Key of the index's meta row in `analyticsChunks`. */
export const ANALYTICS_META_KEY = 'meta';

/**
 * What the persisted index holds: its epoch (a new one whenever the index is reset or rewritten,
 * so a window knows its copy is stale), the last log entry folded in, and the dictionaries.
 */
export interface AnalyticsMeta extends AnalyticsChunkRow {
  key: typeof ANALYTICS_META_KEY;
  epoch: string;
  seq: number;
  chunks: number;
  rows: number;
  dicts: Record<string, string[]>;
  savedAt: number;
}

export function newEpoch(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The meta row of an empty index (after the store is cleared). */
export function emptyAnalyticsMeta(): AnalyticsMeta {
  return { key: ANALYTICS_META_KEY, epoch: newEpoch(), seq: 0, chunks: 0, rows: 0, dicts: {}, savedAt: 0 };
}
