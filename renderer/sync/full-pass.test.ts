import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Appeal } from '../../shared/domain/appeal';
import { upsertAppeals } from '../db/appeals-repo';
import { readAggregates, recountAggregates } from '../../tests/support/aggregate-recount';
import type { CurDatabase } from '../db/schema';
import { fullPassOf, getSyncState, resetCheckpoint } from '../db/sync-state-repo';
import { makeAppeal, T0 } from '../../tests/support/store-appeal';
import { pullSource } from './pull-source';
import type { SyncPage, SyncSource } from './source';
import { freshDb } from '../../tests/support/fresh-db';

/** A source whose whole stream is `records`, served two per page; `records` can be replaced. */
function streamSource(id: string, records: Appeal[]): SyncSource & { records: Appeal[] } {
  const src = {
    id,
    label: id,
    isDemo: false,
    records,
    async pull(checkpoint: string | null): Promise<SyncPage> {
      const from = checkpoint === null ? 0 : Number(checkpoint);
      const changes = src.records.slice(from, from + 2);
      const next = from + changes.length;
      return { changes, deletions: [], reference: [], nextCheckpoint: String(next), hasMore: next < src.records.length, remainingEstimate: null, dataAsOf: T0 };
    },
  };
  return src;
}

const run = (db: CurDatabase, source: SyncSource, maxPages?: number) =>
  pullSource(db, source, { signal: new AbortController().signal, clock: () => T0 + 1_000, ...(maxPages ? { maxPages } : {}) });

const ids = async (db: CurDatabase) => (await db.appeals.toCollection().primaryKeys()).sort();

describe('full resync pass', () => {
  it('removes what the source no longer has, and only that source’s records', async () => {
    const db = freshDb();
    const a = (k: string, extra: Partial<Appeal> = {}) => makeAppeal({ externalId: k, ...extra });
    const feed = streamSource('feed:a', [a('1'), a('2'), a('3'), a('4'), a('5')]);
    const other = streamSource('feed:b', [makeAppeal({ source: 'im', externalId: '9' })]);
    await run(db, feed);
    await run(db, other);
    await upsertAppeals(db, [a('imported')]);
    expect(await ids(db)).toEqual(['im:9', 'pos:1', 'pos:2', 'pos:3', 'pos:4', 'pos:5', 'pos:imported']);

    // The source replaced its dataset: 2 and 4 are gone without tombstones, 6 is new.
    feed.records = [a('1'), a('3'), a('5'), a('6')];
    await resetCheckpoint(db, 'feed:a', T0 + 500);
    const result = await run(db, feed);

    expect(result.removed).toBe(2);
    expect(await ids(db)).toEqual(['im:9', 'pos:1', 'pos:3', 'pos:5', 'pos:6', 'pos:imported']);
    expect((await db.tombstones.bulkGet(['pos:2', 'pos:4'])).map((t) => t?.deletedAt)).toEqual([T0 + 1_000, T0 + 1_000]);
    expect(fullPassOf(await getSyncState(db, 'feed:a'))).toBeNull();
    const aggs = await readAggregates(db);
    const recount = await recountAggregates(db);
    expect([...aggs.received.entries()].sort()).toEqual([...recount.received.entries()].sort());
    expect([...aggs.deadline].sort()).toEqual([...recount.deadline].sort());
  });

  it('survives a restart mid-pass, sweeps only at the end, and keeps records stored newer than the feed', async () => {
    const db = freshDb();
    const feed = streamSource('feed:a', ['1', '2', '3', '4', '5', '6'].map((k) => makeAppeal({ externalId: k })));
    await run(db, feed);
    // A local copy newer than the source's (the source went back in time): kept, not swept.
    await upsertAppeals(db, [makeAppeal({ externalId: '5', status: 'answered', answeredAt: T0 + 10, updatedAt: T0 + 50 })]);
    await db.appeals.update('pos:5', { syncSource: 'feed:a' });
    feed.records = feed.records.filter((r) => r.id !== 'pos:2');
    await resetCheckpoint(db, 'feed:a', T0 + 500);

    // Two pages, then the app stops: nothing is swept yet, the pass is still marked.
    const partial = await run(db, feed, 2);
    expect(partial.removed).toBe(0);
    expect(await ids(db)).toContain('pos:2');
    expect(fullPassOf(await getSyncState(db, 'feed:a'))).not.toBeNull();

    const rest = await run(db, feed);
    expect(rest.removed).toBe(1);
    expect(await ids(db)).toEqual(['pos:1', 'pos:3', 'pos:4', 'pos:5', 'pos:6']);
    expect((await db.appeals.get('pos:5'))?.status).toBe('answered');
    // The next ordinary pull is not a pass and removes nothing.
    expect((await run(db, feed)).removed).toBe(0);
  });
});
