/**
 * A new window's first deadline read (issue #19: 0.45–0.95 s at 100k, 3.8 s with 250k open
 * appeals; target under 200 ms). The store holds N demo appeals, all of them open (the worst case:
 * the deadline aggregate has about one row per open appeal). Side by side in one run, each on a
 * fresh connection: the old path (every aggregate row read into the cache) and the new one (the
 * compact persisted copy, renderer/db/deadline-snapshot.ts, caught up by version), also after a
 * sync delivery changed 2,000 appeals since the copy was written. Figures only; nothing is asserted.
 */
import type { Appeal } from '../../shared/domain/appeal';
import { KIROV_PACK } from '../../shared/domain/packs';
import { queryDeadlines, queryDeadlinesBy, queryOverdueAgeing } from '../../renderer/db/aggregate-queries';
import { openDb } from '../../renderer/db/db';
import { deadlineSnapshotSettled } from '../../renderer/db/deadline-cache';
import type { CurDatabase } from '../../renderer/db/schema';
import { applyPage } from '../../renderer/sync/apply-page';
import type { SyncPage } from '../../renderer/sync/source';
import { createDemoSource } from '../../renderer/sync/sources/demo-source';
import type { BenchContext, BenchModule, BenchResult } from './harness-types';

const NOW = Date.UTC(2025, 10, 18, 6, 0, 0); // 2025-11-18 09:00 Moscow
const PAGE = 5_000;
const CHANGED = 2_000;

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Every appeal still open: the deadline aggregate at its largest for N appeals. */
function stillOpen(a: Appeal): Appeal {
  return { ...a, status: 'assigned', statusRaw: 'Назначен исполнитель', answeredAt: null, closedAt: null };
}

/** What the overview, the overdue view and the wall ask first. */
async function firstRead(db: CurDatabase): Promise<number> {
  const started = performance.now();
  await Promise.all([queryDeadlines(db, {}, NOW), queryOverdueAgeing(db, {}, NOW), queryDeadlinesBy(db, {}, NOW, 'sector')]);
  return performance.now() - started;
}

/** A new window: a fresh connection, its first read timed; `withCopy` false removes the persisted copy first. */
async function newWindow(name: string, withCopy: boolean): Promise<number> {
  const db = openDb(name, { timeZone: KIROV_PACK.timeZone });
  await db.open();
  if (!withCopy) await db.aggDeadlineSnapshot.clear();
  const ms = await firstRead(db);
  await deadlineSnapshotSettled(db);
  db.close();
  return ms;
}

const bench: BenchModule = {
  title: 'Deadline: first read in a new window (persisted copy vs every aggregate row)',
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const name = `bench-deadline-${Date.now()}`;
    const db = openDb(name, { timeZone: KIROV_PACK.timeZone });
    const source = createDemoSource({ scale: ctx.scale, seed: 3, pack: KIROV_PACK, now: () => NOW, pageSize: PAGE });
    const abort = new AbortController();
    let checkpoint: string | null = null;
    let records = 0;
    const sample: Appeal[] = [];
    let last: SyncPage;
    for (;;) {
      const page: SyncPage = await source.pull(checkpoint, abort.signal);
      const changes = page.changes.map(stillOpen);
      await applyPage(db, source.id, { ...page, changes }, { at: NOW, progress: null });
      for (const a of changes) if (records++ % 7 === 0 && sample.length < CHANGED) sample.push(a);
      checkpoint = page.nextCheckpoint;
      last = page;
      if (!page.hasMore) break;
    }
    const open = (await queryDeadlines(db, {}, NOW)).open;
    const rows = await db.aggDeadline.count();
    ctx.log(`${records} appeals, ${open} open, ${rows} deadline aggregate rows`);
    await deadlineSnapshotSettled(db);
    db.close();

    const old: number[] = [];
    const fresh: number[] = [];
    for (let i = 0; i < 3; i++) {
      old.push(await newWindow(name, false));
      // The old path's window wrote the copy as it went: the next window starts from it.
      fresh.push(await newWindow(name, true));
    }

    // A sync delivery after the copy was written: 2,000 appeals re-dated.
    const writer = openDb(name, { timeZone: KIROV_PACK.timeZone });
    const redated = sample.map((a) => ({ ...a, deadline: a.deadline ? { ...a.deadline, dueAt: a.deadline.dueAt + 86_400_000 } : a.deadline, updatedAt: a.updatedAt + 1 }));
    await applyPage(writer, source.id, { ...last, changes: redated, deletions: [], reference: [] }, { at: NOW, progress: null });
    writer.close();
    // Let the write settle (IndexedDB's own compaction after a large write is not the read's cost).
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const behind = await newWindow(name, true);
    await new Promise<void>((resolve) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = req.onerror = req.onblocked = () => resolve();
    });
    return [
      { name: `deadline: first read in a new window, ${open} open appeals, old path (every aggregate row, median of 3) (ms)`, value: round(median(old)), unit: 'ms', target: null },
      { name: `deadline: first read in a new window, ${open} open appeals, persisted copy (median of 3) (ms)`, value: round(median(fresh)), unit: 'ms', target: 200 },
      { name: `deadline: first read in a new window, ${open} open appeals, persisted copy ${CHANGED} changes behind (ms)`, value: round(behind), unit: 'ms', target: 200 },
      { name: `deadline: aggregate rows for ${open} open appeals`, value: rows, unit: 'rows', target: null },
    ];
  },
};

export default bench;
