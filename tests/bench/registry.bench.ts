/**
 * Registry on a large store in Chromium (real IndexedDB): the first page after a filter change
 * (target under 150 ms), page fetches while scrolling deep (key-range paging, so page 50 should
 * cost what page 1 costs), an XLSX export of 100k rows (time and peak JS heap), and the Russian
 * full-text index (build rate, heap per document, query time). Figures only; nothing is asserted.
 */
import type { RegistryFilter } from '../../renderer/app/registry-filter';
import { openDb } from '../../renderer/db/db';
import type { CurDatabase, StoredAppeal } from '../../renderer/db/schema';
import { appealExportColumns } from '../../renderer/export/appeal-columns';
import { exportXlsx } from '../../renderer/export/table-export';
import { fetchRegistryPage, iterateRegistry, type RegistryCursor, type RegistryQueryContext } from '../../renderer/features/registry/queries';
import { makeTestAppeals } from '../support/registry-appeals';
import { AppealSearchIndex } from '../../renderer/search/appeal-search-index';
import { SearchIndexBuilder } from '../../renderer/search/search-builder';
import { KIROV_PACK } from '../../shared/domain/packs';
import type { BenchContext, BenchModule, BenchResult } from './harness-types';

const NOW = Date.parse('2025-11-18T09:00:00+03:00');
const BATCH = 10_000;
const EXPORT_ROWS = 100_000;

const FILTERS: Array<[string, RegistryFilter]> = [
  ['everything, newest first', {}],
  ['sector', { sector: 'housing' }],
  ['sector + overdue, most overdue first', { sector: 'housing', deadline: 'overdue', sort: 'due-asc' }],
  ['municipality + period', { municipality: 'kirov', from: '2025-10-01', to: '2025-10-31' }],
  ['sector + status + repeat (residual)', { sector: 'roads', status: ['new', 'assigned'], repeat: true }],
  ['organisation + unsatisfied (sparse residual)', { organisation: 'Минздрав Кировской области', satisfaction: 'unsatisfied' }],
];

async function fill(db: CurDatabase, scale: number, log: (msg: string) => void): Promise<void> {
  const have = await db.appeals.count();
  if (have >= scale) {
    log(`store already holds ${have} appeals`);
    return;
  }
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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Chromium's non-standard heap figure; null elsewhere. */
function heapMb(): number | null {
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize / 1_048_576 : null;
}

/** A full collection when Chromium runs with --js-flags=--expose-gc (the bench runner does). */
function collectGarbage(): void {
  (globalThis as unknown as { gc?: () => void }).gc?.();
}

async function* limited(pages: AsyncIterable<StoredAppeal[]>, max: number): AsyncGenerator<StoredAppeal[]> {
  let left = max;
  for await (const page of pages) {
    if (left <= 0) return;
    const rows = page.length > left ? page.slice(0, left) : page;
    left -= rows.length;
    yield rows;
  }
}

const bench: BenchModule = {
  title: 'Registry: pages, scrolling, export, search',
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const results: BenchResult[] = [];
    const db = openDb(`bench-registry-${ctx.scale}`);
    await fill(db, ctx.scale, ctx.log);
    const qctx: RegistryQueryContext = { db, now: NOW, timeZone: db.timeZone, search: new SearchIndexBuilder(db) };

    // 0. Baseline in the same run: raw IndexedDB reads of 200 and 5,000 rows along receivedAt.
    {
      const idb = db.backendDB();
      const raw = (count: number, mode: 'getAll' | 'cursor' | 'records') =>
        new Promise<number>((resolve, reject) => {
          const index = idb.transaction('appeals').objectStore('appeals').index('receivedAt');
          if (mode === 'getAll') {
            const req = index.getAll(null, count);
            req.onsuccess = () => resolve(req.result.length);
            req.onerror = () => reject(req.error);
          } else if (mode === 'records') {
            const fn = (index as unknown as { getAllRecords?: (o: object) => IDBRequest<unknown[]> }).getAllRecords;
            if (!fn) return resolve(-1);
            const req = fn.call(index, { count, direction: 'prev' });
            req.onsuccess = () => resolve(req.result.length);
            req.onerror = () => reject(req.error);
          } else {
            let n = 0;
            const req = index.openCursor(null, 'prev');
            req.onsuccess = () => {
              const c = req.result;
              if (!c || ++n >= count) return resolve(n);
              c.continue();
            };
            req.onerror = () => reject(req.error);
          }
        });
      for (const count of [200, 5_000]) {
        for (const mode of ['getAll', 'cursor', 'records'] as const) {
          const times: number[] = [];
          let n = 0;
          for (let i = 0; i < 3; i++) {
            const [got, ms] = await timed(() => raw(count, mode));
            n = got;
            times.push(ms);
          }
          ctx.log(`baseline: raw ${mode} of ${count} rows: ${round(median(times))} ms (${n})`);
          results.push({ name: `registry baseline: raw IndexedDB ${mode} of ${count} rows along receivedAt (ms, median of 3)`, value: round(median(times)), unit: 'ms', target: null });
        }
      }
    }

    // 1. First page after a filter change.
    for (const [label, filter] of FILTERS) {
      const times: number[] = [];
      let rows = 0;
      let scanned = 0;
      for (let i = 0; i < 3; i++) {
        const [page, ms] = await timed(() => fetchRegistryPage(qctx, filter, null));
        times.push(ms);
        rows = page.rows.length;
        scanned = page.scanned;
      }
      ctx.log(`first page, ${label}: ${round(median(times))} ms (${rows} rows, ${scanned} read)`);
      results.push({ name: `registry: first page (200 rows) after a filter change, ${label} (ms, median of 3)`, value: round(median(times)), unit: 'ms', target: 150 });
    }

    // 2. Scrolling: 50 consecutive pages along the receipt index, then the same along a sector.
    for (const [label, filter] of [FILTERS[0]!, FILTERS[1]!]) {
      let after: RegistryCursor | null = null;
      const times: number[] = [];
      for (let i = 0; i < 50; i++) {
        const [page, ms]: [Awaited<ReturnType<typeof fetchRegistryPage>>, number] = await timed(() => fetchRegistryPage(qctx, filter, after));
        times.push(ms);
        after = page.next;
        if (!after) break;
      }
      const first5 = median(times.slice(0, 5));
      const last5 = median(times.slice(-5));
      ctx.log(`scroll, ${label}: ${times.length} pages, median ${round(median(times))} ms, first ${round(first5)} ms, last ${round(last5)} ms, max ${round(Math.max(...times))} ms`);
      results.push({ name: `registry: page fetch while scrolling 50 pages deep, ${label} (ms, median)`, value: round(median(times)), unit: 'ms', target: 50 });
      results.push({ name: `registry: page 46–50 vs pages 1–5 fetch time, ${label} (ratio; key-range paging keeps it ~1)`, value: round(last5 / first5, 2), unit: 'ratio', target: '<= 1.5' });
    }

    // 3. XLSX export of 100k rows. The writer streams into Blob parts (outside the JS heap), so the
    // heap should grow by about a page of rows whatever the count. Sampled on every page and on a
    // timer (compression runs between pages); collected first so the baseline is the live heap.
    {
      const rows = Math.min(EXPORT_ROWS, ctx.scale);
      collectGarbage();
      const before = heapMb();
      let peak = before ?? 0;
      const sample = () => {
        const heap = heapMb();
        if (heap !== null) peak = Math.max(peak, heap);
      };
      const timer = setInterval(sample, 50);
      const [result, ms] = await timed(() =>
        exportXlsx(appealExportColumns({ pack: KIROV_PACK, showPersonal: false }), limited(iterateRegistry(qctx, {}), rows), {
          timeZone: db.timeZone,
          onProgress: (done) => {
            sample();
            if (done % 20_000 === 0) ctx.log(`export: ${done} rows`);
          },
        }),
      ).finally(() => clearInterval(timer));
      sample();
      collectGarbage();
      const retained = heapMb();
      ctx.log(`export: ${result.rows} rows in ${round(ms / 1000)} s, file ${round(result.blob.size / 1_048_576)} MB, heap ${before?.toFixed(0)} → peak ${peak.toFixed(0)} MB, ${retained?.toFixed(0)} MB after`);
      results.push({ name: `registry: XLSX export of ${result.rows} rows (s)`, value: round(ms / 1000), unit: 's', target: 60 });
      if (before !== null) results.push({ name: `registry: XLSX export of ${result.rows} rows, peak JS heap growth (MB)`, value: round(peak - before, 0), unit: 'MB', target: 100 });
      if (before !== null && retained !== null) {
        results.push({ name: `registry: XLSX export of ${result.rows} rows, JS heap held by the finished file (MB)`, value: round(retained - before, 0), unit: 'MB', target: 10 });
      }
      results.push({ name: `registry: XLSX export of ${result.rows} rows, file size (MB)`, value: round(result.blob.size / 1_048_576), unit: 'MB', target: null });
    }

    // 4. Full-text index over the whole store: build in chunks (as the background builder does), then query.
    {
      const docs = ctx.scale;
      const index = new AppealSearchIndex();
      collectGarbage();
      const before = heapMb();
      let lastId: string | null = null;
      let added = 0;
      // The same reads as the background builder's first build: primary-key batches of 2,000.
      const [, ms] = await timed(async () => {
        while (added < docs) {
          const rows: StoredAppeal[] =
            lastId === null ? await db.appeals.limit(2_000).toArray() : await db.appeals.where(':id').above(lastId).limit(2_000).toArray();
          if (rows.length === 0) break;
          index.upsert(rows);
          added += rows.length;
          lastId = rows[rows.length - 1]!.id;
        }
      });
      collectGarbage();
      const heap = heapMb();
      const rate = added / (ms / 1000);
      ctx.log(`search: indexed ${added} in ${round(ms / 1000)} s (${Math.round(rate)}/s), heap +${heap !== null && before !== null ? (heap - before).toFixed(0) : '?'} MB`);
      results.push({ name: `search: index build rate over ${added} appeals (docs/s)`, value: Math.round(rate), unit: 'records/s', target: '>= 5000 (1M in under 200 s)' });
      if (heap !== null && before !== null) {
        results.push({ name: `search: JS heap per 100k indexed appeals (MB)`, value: round(((heap - before) * 100_000) / added, 0), unit: 'MB', target: 100 });
      }
      for (const q of ['крыши', 'протечка крыши', 'запись к врачу', 'мусор']) {
        const times: number[] = [];
        let hits = 0;
        for (let i = 0; i < 3; i++) {
          const started = performance.now();
          hits = index.search(q).length;
          times.push(performance.now() - started);
        }
        results.push({ name: `search: query «${q}» over ${added} appeals, ${hits} hits (ms, median of 3)`, value: round(median(times)), unit: 'ms', target: 100 });
      }
    }
    db.close();
    return results;
  },
};

export default bench;
