/**
 * Store and sync benchmarks (issue 4), side by side in one run on the same records:
 * - initial load of N demo appeals through the sync engine's page-apply path (records, aggregates
 *   and checkpoint in one transaction per page) vs raw IndexedDB `put` of the same stored records
 *   in the same batches into a store with the same indexes: ratio raw time / engine time;
 * - applying 10k changed appeals to the N store: spread evenly over the year (every record's
 *   aggregate rows differ: the worst case), and clustered on the newest appeals (what a routine
 *   sync delivers), each next to a raw put of the same rows;
 * - wall queries (overdue now, by sector, by municipality) from the aggregates vs a full scan;
 * - memory of the page (the store's process) and disk use at N.
 */
import type { TableSchema } from 'dexie';
import type { Appeal } from '../../shared/domain/appeal';
import { KIROV_PACK } from '../../shared/domain/packs';
import { finishedAtOf } from '../../shared/domain/classify';
import { openDb } from '../../renderer/db/db';
import { toStoredAppeal } from '../../renderer/db/appeals-repo';
import { queryDeadlines, queryDeadlinesBy, queryReceivedBy } from '../../renderer/db/aggregate-queries';
import { applyPage } from '../../renderer/sync/apply-page';
import type { SyncPage } from '../../renderer/sync/source';
import { createDemoSource } from '../../renderer/sync/sources/demo-source';
import type { BenchContext, BenchModule, BenchResult } from './harness-types';

const NOW = Date.UTC(2025, 10, 18, 6, 0, 0); // 2025-11-18 09:00 Moscow
const CHANGES = 10_000;
const PAGE = 5_000;

function ms(t0: number) {
  return performance.now() - t0;
}

function round(value: number, digits = 1) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function median(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** A plain IndexedDB store with exactly the appeals indexes of the app's current schema (read off Dexie's). */
function openRawDb(name: string, schema: TableSchema): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore('appeals', { keyPath: schema.primKey.keyPath! });
      for (const index of schema.indexes) store.createIndex(index.name, index.keyPath!, { multiEntry: index.multi });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function rawPut(db: IDBDatabase, rows: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('appeals', 'readwrite');
    const store = tx.objectStore('appeals');
    for (const row of rows) store.put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

async function heapMb(): Promise<{ heap: number | null; ua: number | null }> {
  (globalThis as { gc?: () => void }).gc?.();
  const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  let ua: number | null = null;
  const measure = (performance as unknown as { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> })
    .measureUserAgentSpecificMemory;
  if (measure && globalThis.crossOriginIsolated) {
    try {
      ua = round((await measure.call(performance)).bytes / 2 ** 20);
    } catch {
      ua = null;
    }
  }
  return { heap: mem ? round(mem.usedJSHeapSize / 2 ** 20) : null, ua };
}

function changed(a: Appeal): Appeal {
  const open = finishedAtOf(a) === null;
  return open
    ? { ...a, status: 'answered', statusRaw: 'Отправлен ответ заявителю', answeredAt: NOW - 3_600_000, updatedAt: a.updatedAt + 1 }
    : { ...a, status: 'assigned', statusRaw: 'Назначен исполнитель', answeredAt: null, closedAt: null, updatedAt: a.updatedAt + 1 };
}

async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const tag = `${Date.now()}`;
  const engineName = `bench-store-${tag}`;
  const rawName = `bench-raw-${tag}`;
  const db = openDb(engineName, { timeZone: KIROV_PACK.timeZone });
  await db.open();
  const raw = await openRawDb(rawName, db.appeals.schema);
  const before = await heapMb();

  const source = createDemoSource({ scale: ctx.scale, seed: 1, pack: KIROV_PACK, now: () => NOW, pageSize: PAGE });
  const abort = new AbortController();
  const every = Math.max(1, Math.floor(ctx.scale / CHANGES));
  const sample: Appeal[] = [];
  // The newest appeals of the load (the stream is ordered by update time): what a routine sync changes.
  let recent: Appeal[] = [];
  let checkpoint: string | null = null;
  let records = 0;
  let engineMs = 0;
  let rawMs = 0;
  let genMs = 0;
  let nextLog = 50_000;
  for (;;) {
    let t = performance.now();
    const page: SyncPage = await source.pull(checkpoint, abort.signal);
    const stored = page.changes.map((a) => toStoredAppeal(a, db.timeZone));
    genMs += ms(t);
    // Raw first, then the engine: both stores grow in step, so both pay the same growth cost.
    t = performance.now();
    await rawPut(raw, stored);
    rawMs += ms(t);
    t = performance.now();
    await applyPage(db, source.id, page, { at: NOW, progress: null });
    engineMs += ms(t);
    for (let i = 0; i < page.changes.length; i++) {
      if ((records + i) % every === 0 && sample.length < CHANGES) sample.push(page.changes[i]!);
    }
    recent = recent.concat(page.changes).slice(-CHANGES);
    records += page.changes.length;
    checkpoint = page.nextCheckpoint;
    if (records >= nextLog) {
      ctx.log(`${records} loaded: engine ${round((records / engineMs) * 1000, 0)}/s, raw ${round((records / rawMs) * 1000, 0)}/s`);
      nextLog += 50_000;
    }
    if (!page.hasMore) break;
  }
  ctx.log(`loaded ${records} appeals (generation ${round(genMs / 1000)} s, not timed)`);
  const afterLoad = await heapMb();
  const estimate = await navigator.storage.estimate();

  // 10k changed appeals as one sync delivery (two pages of 5k, as the engine applies them).
  const changes = sample.map(changed);
  // The floor on this machine: the same rows put raw into the raw store of the same size and indexes.
  let t = performance.now();
  for (let i = 0; i < changes.length; i += PAGE) await rawPut(raw, changes.slice(i, i + PAGE).map((a) => toStoredAppeal(a, db.timeZone)));
  const rawChangeMs = ms(t);
  const recentChanges = recent.map(changed);
  t = performance.now();
  for (let i = 0; i < recentChanges.length; i += PAGE) await rawPut(raw, recentChanges.slice(i, i + PAGE).map((a) => toStoredAppeal(a, db.timeZone)));
  const rawRecentMs = ms(t);
  raw.close();
  await deleteDb(rawName);
  t = performance.now();
  for (let i = 0; i < changes.length; i += PAGE) {
    const slice = changes.slice(i, i + PAGE);
    await applyPage(
      db,
      source.id,
      { changes: slice, deletions: [], reference: [], nextCheckpoint: checkpoint ?? '', hasMore: false, remainingEstimate: 0, dataAsOf: NOW },
      { at: NOW, progress: null },
    );
  }
  const changeMs = ms(t);

  // A routine catch-up: 10k changes to the newest appeals (answers, reopenings), clustered in time.
  t = performance.now();
  for (let i = 0; i < recentChanges.length; i += PAGE) {
    await applyPage(
      db,
      source.id,
      { changes: recentChanges.slice(i, i + PAGE), deletions: [], reference: [], nextCheckpoint: checkpoint ?? '', hasMore: false, remainingEstimate: 0, dataAsOf: NOW },
      { at: NOW, progress: null },
    );
  }
  const recentChangeMs = ms(t);

  // Wall queries from the aggregates: the first call per window loads the deadline cache.
  const wallQueries = {
    overdue: () => queryDeadlines(db, {}, NOW),
    bySector: () => queryDeadlinesBy(db, {}, NOW, 'sector'),
    byMunicipality: () => queryDeadlinesBy(db, {}, NOW, 'municipality'),
  };
  const fresh = openDb(engineName, { timeZone: KIROV_PACK.timeZone });
  await fresh.open();
  t = performance.now();
  const coldOverdue = await queryDeadlines(fresh, {}, NOW);
  const coldMs = ms(t);
  fresh.close();
  const warm: Record<string, number> = {};
  for (const [name, q] of Object.entries(wallQueries)) {
    await q();
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      await q();
      times.push(ms(t));
    }
    warm[name] = median(times);
  }
  t = performance.now();
  await queryReceivedBy(db, { from: '2025-10-20', to: '2025-11-18' }, {}, 'sector');
  const receivedMonthMs = ms(t);

  // The same overdue-by-sector answer by scanning every record.
  t = performance.now();
  const scan = new Map<string, number>();
  let scanOverdue = 0;
  await db.appeals.each((a) => {
    if (a.openDueAt !== undefined && a.openDueAt < NOW) {
      scanOverdue++;
      scan.set(a.sector, (scan.get(a.sector) ?? 0) + 1);
    }
  });
  const scanMs = ms(t);
  if (scanOverdue !== (await queryDeadlines(db, {}, NOW)).overdue) {
    ctx.log(`WARNING: scan found ${scanOverdue} overdue, aggregates ${coldOverdue.overdue}`);
  }
  ctx.log(`overdue now: ${coldOverdue.overdue} of ${coldOverdue.open} open`);

  db.close();
  await deleteDb(engineName);

  const results: BenchResult[] = [
    { name: `store: ingest ${records} appeals through sync vs raw put, same indexes (raw time / engine time)`, value: round(rawMs / engineMs, 2), unit: 'ratio', target: 0.7 },
    { name: 'store: ingest through sync engine (records, aggregates, checkpoint)', value: round((records / engineMs) * 1000, 0), unit: 'records/s', target: null },
    { name: 'store: ingest raw IndexedDB put (same records, 5k per transaction)', value: round((records / rawMs) * 1000, 0), unit: 'records/s', target: null },
    { name: `store: apply 10k changed appeals spread over the whole ${records} store`, value: round(changeMs, 0), unit: 'ms', target: 2000 },
    { name: `store: raw put of the same 10k changed rows into the raw ${records} store (floor, no aggregates)`, value: round(rawChangeMs, 0), unit: 'ms', target: null },
    { name: 'store: apply 10k changes, engine time / raw put time', value: round(changeMs / rawChangeMs, 2), unit: 'ratio', target: null },
    { name: `store: apply 10k changes to the newest appeals of the ${records} store (a routine catch-up)`, value: round(recentChangeMs, 0), unit: 'ms', target: 2000 },
    { name: `store: raw put of the same 10k newest changed rows into the raw ${records} store (floor, no aggregates)`, value: round(rawRecentMs, 0), unit: 'ms', target: null },
    { name: 'store: wall query overdue now from aggregates (warm, median of 5)', value: round(warm.overdue!, 2), unit: 'ms', target: 20 },
    { name: 'store: wall query deadlines by sector from aggregates (warm, median of 5)', value: round(warm.bySector!, 2), unit: 'ms', target: 20 },
    { name: 'store: wall query deadlines by municipality from aggregates (warm, median of 5)', value: round(warm.byMunicipality!, 2), unit: 'ms', target: 20 },
    { name: 'store: wall query overdue now, first call in a new window (cache load)', value: round(coldMs, 1), unit: 'ms', target: null },
    { name: 'store: received by sector over 30 days from aggregates', value: round(receivedMonthMs, 1), unit: 'ms', target: null },
    { name: `store: overdue by sector by full scan of ${records} records`, value: round(scanMs, 0), unit: 'ms', target: null },
  ];
  if (afterLoad.heap !== null) {
    results.push({ name: `store: JS heap after loading ${records} appeals`, value: afterLoad.heap, unit: 'MB', target: null });
    if (before.heap !== null) results.push({ name: 'store: JS heap growth over the load', value: round(afterLoad.heap - before.heap), unit: 'MB', target: null });
  }
  if (afterLoad.ua !== null) results.push({ name: 'store: page memory (measureUserAgentSpecificMemory)', value: afterLoad.ua, unit: 'MB', target: null });
  if (estimate.usage !== undefined) results.push({ name: `store: disk used by the ${records} store (storage estimate)`, value: round(estimate.usage / 2 ** 20), unit: 'MB', target: null });
  return results;
}

const bench: BenchModule = { title: 'store', run };
export default bench;
