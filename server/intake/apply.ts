/**
 * Applies what an intake delivered to the feed stream: each incoming record is compared with the
 * served one (the import's idempotent diff: re-taking the same export changes nothing), and only
 * new and changed records are published, in one transaction under one new stamp.
 */
import type { Appeal } from '../../shared/domain/appeal';
import { diffAppeal } from '../../shared/import/diff';
import { itemKey, type FeedReferenceKind } from '../../shared/feed/protocol';
import type { Database } from '../db/database';
import { loadItems, publish, type ItemDraft } from '../feed/store';
import type { RunCounts } from './runs';

export interface IncomingBatch {
  appeals: readonly Appeal[];
  /** Ids deleted at the source (tombstones). */
  deletions?: readonly { id: string; deletedAt: number }[];
  references?: readonly { kind: FeedReferenceKind; id: string; value: Record<string, unknown> }[];
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function applyIncoming(db: Database, batch: IncomingBatch, origin: string, now: number): Promise<Omit<RunCounts, 'rowsRead' | 'rejected'>> {
  const counts = { created: 0, changed: 0, unchanged: 0, deleted: 0 };
  const references = batch.references ?? [];
  const deletions = batch.deletions ?? [];
  const keys = [...batch.appeals.map((a) => a.id), ...deletions.map((d) => d.id), ...references.map((r) => itemKey({ type: 'reference', ...r }))];
  const stored = await loadItems(db, keys);
  const drafts: ItemDraft[] = [];
  for (const reference of references) {
    const current = stored.get(itemKey({ type: 'reference', ...reference }));
    if (current?.type === 'reference' && sameJson(current.value, reference.value)) continue;
    drafts.push({ type: 'reference', ...reference });
  }
  for (const appeal of batch.appeals) {
    const current = stored.get(appeal.id);
    const kind = diffAppeal(appeal, current?.type === 'appeal' ? current.appeal : undefined);
    if (kind === 'unchanged') {
      counts.unchanged++;
      continue;
    }
    if (kind === 'new') counts.created++;
    else counts.changed++;
    drafts.push({ type: 'appeal', appeal });
  }
  for (const deletion of deletions) {
    const current = stored.get(deletion.id);
    // Nothing to delete, or already a tombstone: no new item.
    if (!current || current.type === 'tombstone') continue;
    counts.deleted++;
    drafts.push({ type: 'tombstone', id: deletion.id, deletedAt: deletion.deletedAt });
  }
  await publish(db, drafts, origin, now);
  return counts;
}
