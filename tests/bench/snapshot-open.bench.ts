/**
 * Opening a snapshot on the laptop (issue #18), in Chromium with real IndexedDB: from the file's
 * bytes to a working overview and wall (signature, hashes, Argon2id, decryption and decoding of
 * every appeal, the aggregates summed and written once, then the overview's and the wall's first
 * reads on a fresh connection), and to a fully working registry (the second pass writing every
 * appeal row, then the search index built over the snapshot's store). Names start with `bundle` (BENCH_ONLY=bundle runs this with bundle.bench).
 */
import { DemoModel, demoReference, demoYear } from '../../shared/demo';
import { KIROV_PACK } from '../../shared/domain/packs';
import { BENCH_NOW, BENCH_PASSPHRASE, benchSigningKey, createBenchBundle } from './demo-bundle';
import { openDb } from '../../renderer/db/db';
import { queryDeadlinesBy } from '../../renderer/db/aggregate-queries';
import { loadOverview } from '../../renderer/features/overview/queries';
import { snapshotDbName } from '../../renderer/runtime/snapshots';
import { SearchIndexBuilder } from '../../renderer/search/search-builder';
import { installSnapshot, loadSnapshotRows } from '../../renderer/viewer/install';
import { removeSnapshot } from '../../renderer/viewer/remove';
import type { BenchContext, BenchModule, BenchResult } from './harness-types';

const NOW = BENCH_NOW;
const PASSPHRASE = BENCH_PASSPHRASE;
const SECTORS = ['housing', 'waste', 'energy', 'education', 'health', 'roads', 'transport', 'social', 'other'];

async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const spec = { seed: 1, scale: ctx.scale, pack: KIROV_PACK };
  ctx.log('bundle open: generating the demo year and its bundle');
  const appeals = demoYear(spec, NOW.getTime());
  const n = appeals.length;
  const key = await benchSigningKey();
  // Far ahead: the laptop checks expiry against real time.
  const bytes = await createBenchBundle({ appeals, reference: demoReference(new DemoModel(spec)) }, key, { expiresAt: new Date(Date.now() + 30 * 86_400_000) });

  appeals.length = 0;
  const own = openDb('bench-snapshot-laptop');

  const started = performance.now();
  let lastLog = 0;
  const installed = await installSnapshot(own, bytes, {
    fileName: 'bench.curbundle',
    passphrase: PASSPHRASE,
    pinSigner: true,
    onProgress: ({ phase, done, total }) => ctx.log(`bundle open: ${phase} ${done} of ${total} at ${((performance.now() - started) / 1000).toFixed(1)} s`),
  });
  const loaded = performance.now();
  // The viewer window: a fresh connection, the overview's and the wall's first reads.
  const db = openDb(snapshotDbName(installed.id), { timeZone: KIROV_PACK.timeZone, clock: () => NOW.getTime() });
  await loadOverview(db, { period: { from: '2025-10-20', to: '2025-11-18' }, sector: null, sectorOrder: SECTORS, now: NOW.getTime() });
  await queryDeadlinesBy(db, {}, NOW.getTime(), 'municipality');
  const overview = performance.now();
  const [received, rollup, deadline, category] = await Promise.all([db.aggReceived.count(), db.aggReceivedRollup.count(), db.aggDeadline.count(), db.aggCategory.count()]);
  ctx.log(`bundle open: aggregate rows written before the overview: received ${received}, rollup ${rollup}, deadline ${deadline}, category ${category}`);
  await loadSnapshotRows(installed, (done, total) => {
    if (done - lastLog >= 10_000 || done === total) {
      lastLog = done;
      ctx.log(`bundle open: rows ${done} of ${total} at ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  });
  const rows = performance.now();
  const search = new SearchIndexBuilder(db);
  await search.catchUp();
  const hits = (await search.search('крыша')).length;
  const full = performance.now();
  ctx.log(`bundle open: ${n} appeals, aggregates in ${((loaded - started) / 1000).toFixed(1)} s, overview ${((overview - started) / 1000).toFixed(1)} s, rows ${((rows - started) / 1000).toFixed(1)} s, full ${((full - started) / 1000).toFixed(1)} s (${hits} hits)`);
  db.close();
  await removeSnapshot(own, installed, 'user');
  own.close();

  const seconds = (ms: number) => Math.round(ms / 10) / 100;
  return [
    { name: `bundle open on the laptop: to a working overview and wall, ${n} appeals (s)`, value: seconds(overview - started), unit: 's', target: 30 },
    { name: `bundle open on the laptop: to a full registry with search, ${n} appeals (s)`, value: seconds(full - started), unit: 's', target: null },
    { name: `bundle open on the laptop: second pass, appeal rows written (appeals/s)`, value: Math.round(n / ((rows - overview) / 1000)), unit: 'records/s', target: null },
  ];
}

const module: BenchModule = { title: 'Snapshot open on the laptop (bundle)', run };
export default module;
