/**
 * The full-text index after a restart (issue #19): the old path rebuilt it in memory from every
 * appeal at each start; the persisted index (renderer/search/search-builder.ts) opens its base in
 * IndexedDB and replays only the write log. Side by side in one run: the old in-memory rebuild,
 * the one-time base write, the restart with an empty log and with a log of changed texts, and
 * the first queries after the restart. Figures only; nothing is asserted.
 */
import type { Appeal } from '../../shared/domain/appeal';
import { appealWriteTables, fromStoredAppeal, writeAppealChanges } from '../../renderer/db/appeals-repo';
import { openDb } from '../../renderer/db/db';
import type { CurDatabase, StoredAppeal } from '../../renderer/db/schema';
import { AppealSearchIndex } from '../../renderer/search/appeal-search-index';
import { FLUSH_AT, SearchIndexBuilder } from '../../renderer/search/search-builder';
import { makeTestAppeals } from '../support/registry-appeals';
import type { BenchContext, BenchModule, BenchResult } from './harness-types';

const NOW = Date.parse('2025-11-18T09:00:00+03:00');
const BATCH = 10_000;
const QUERIES = ['крыши', 'протечка крыши', 'запись к врачу', 'мусор'];

async function fill(db: CurDatabase, scale: number, log: (msg: string) => void): Promise<void> {
  const have = await db.appeals.count();
  for (let start = have; start < scale; start += BATCH) {
    const rows = makeTestAppeals({ count: Math.min(BATCH, scale - start), seed: 1 + start / BATCH, now: NOW, startIndex: start });
    await db.appeals.bulkPut(rows);
    if ((start / BATCH) % 10 === 0) log(`filled ${start + rows.length} / ${scale}`);
  }
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The old start-up: every appeal read in primary-key batches and indexed in memory. */
async function rebuildInMemory(db: CurDatabase): Promise<AppealSearchIndex> {
  const index = new AppealSearchIndex();
  let lastId: string | null = null;
  for (;;) {
    const rows: StoredAppeal[] = lastId === null ? await db.appeals.limit(2_000).toArray() : await db.appeals.where(':id').above(lastId).limit(2_000).toArray();
    if (rows.length === 0) return index;
    index.upsert(rows);
    lastId = rows[rows.length - 1]!.id;
  }
}

const bench: BenchModule = {
  title: 'Search index: restart with the persisted index vs rebuild in memory',
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const results: BenchResult[] = [];
    const db = openDb(`bench-search-${ctx.scale}-${Date.now()}`);
    await fill(db, ctx.scale, ctx.log);
    const n = ctx.scale;

    const [, oldMs] = await timed(() => rebuildInMemory(db));
    ctx.log(`old path: in-memory rebuild of ${n} in ${round(oldMs / 1000)} s`);
    results.push({ name: `search: index ready after restart, old path (in-memory rebuild of ${n}) (ms)`, value: Math.round(oldMs), unit: 'ms', target: null });

    const [, buildMs] = await timed(() => new SearchIndexBuilder(db).catchUp());
    results.push({ name: `search: persisted base written once over ${n} appeals (ms)`, value: Math.round(buildMs), unit: 'ms', target: null });
    const postings = await db.searchPostings.count();
    ctx.log(`base written in ${round(buildMs / 1000)} s, ${postings} posting rows`);

    // A restart: a new window's builder over the persisted base, nothing in the log.
    const restarted = new SearchIndexBuilder(db);
    const [, readyMs] = await timed(() => restarted.catchUp());
    results.push({ name: `search: index ready after restart over ${n} appeals, persisted base (ms)`, value: round(readyMs), unit: 'ms', target: 2_000 });
    for (const q of QUERIES) {
      const [hits, firstMs] = await timed(() => restarted.search(q));
      const [, againMs] = await timed(() => restarted.search(q));
      results.push({ name: `search: first query «${q}» after restart over ${n} appeals, ${hits.length} hits (ms)`, value: round(firstMs), unit: 'ms', target: 100 });
      results.push({ name: `search: repeated query «${q}» over ${n} appeals (ms)`, value: round(againMs), unit: 'ms', target: 100 });
    }

    // A restart with the most the log holds before it is written out: FLUSH_AT changed texts.
    const changed: Appeal[] = (await db.appeals.limit(FLUSH_AT - 1).toArray()).map((row, i) => ({
      ...fromStoredAppeal(row),
      personal: null,
      text: `${row.text} (дополнение ${i})`,
      updatedAt: row.updatedAt + 86_400_000,
    }));
    for (let at = 0; at < changed.length; at += 1_000) {
      const chunk = changed.slice(at, at + 1_000);
      await db.transaction('rw', appealWriteTables(db), () => writeAppealChanges(db, chunk, [], NOW));
    }
    const withLog = new SearchIndexBuilder(db);
    const [, logMs] = await timed(() => withLog.catchUp());
    results.push({ name: `search: index ready after restart over ${n} appeals with ${changed.length} changed texts in the log (ms)`, value: round(logMs), unit: 'ms', target: 2_000 });
    await withLog.settled();
    db.close();
    await db.delete();
    return results;
  },
};

export default bench;
