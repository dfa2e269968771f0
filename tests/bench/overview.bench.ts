/**
 * Overview recompute after a sync: a large store, 10k changed appeals written the way a sync page
 * writes them (upsertAppeals, aggregates in the same transaction), then the whole overview read
 * again from the aggregates. Target: under 100 ms for the recompute. Figures are printed, not asserted.
 */
import type { Appeal } from '../../shared/domain/appeal';
import { openDb } from '../../renderer/db/db';
import { upsertAppeals } from '../../renderer/db/appeals-repo';
import { makeAppeal, T0 } from '../support/store-appeal';
import type { CurDatabase } from '../../renderer/db/schema';
import { loadOverview } from '../../renderer/features/overview/queries';
import { loadOverdueSummary } from '../../renderer/features/overdue/queries';
import { queryDeadlinesBy, queryReceivedBy, queryReceivedFrom } from '../../renderer/db/aggregate-queries';
import type { BenchContext, BenchModule, BenchResult } from './harness-types';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const BATCH = 10_000;
const CHANGES = 10_000;
const SECTORS = ['housing', 'waste', 'energy', 'education', 'health', 'roads', 'transport', 'social', 'other'];
const ORDER = SECTORS;
const PERIOD = { from: '2025-10-20', to: '2025-11-18' };

/** A deterministic, varied appeal: a year of receipts, a quarter still open, deadlines around now. */
function appealAt(i: number, version: number): Appeal {
  const h = (i * 2654435761) >>> 0;
  const receivedAt = T0 - (h % 365) * DAY - (h % 24) * HOUR;
  const open = h % 4 === 0;
  const dueAt = receivedAt + (5 + (h % 30)) * DAY;
  const answeredAt = open ? null : receivedAt + ((h >>> 3) % 40) * DAY;
  return makeAppeal({
    externalId: String(i),
    receivedAt,
    sector: SECTORS[h % SECTORS.length]!,
    municipality: h % 17 === 0 ? null : `m${h % 39}`,
    orgCurrent: h % 13 === 0 ? null : `org-${h % 400}`,
    executor: `exec-${h % 900}`,
    status: open ? (version > 0 && h % 3 === 0 ? 'assigned' : 'new') : 'answered',
    answeredAt,
    isRepeat: h % 11 === 0,
    rating: open ? null : 1 + (h % 5),
    deadline: { dueAt, originalDueAt: null, ruleId: 'bench', ruleVersion: 1, explanation: '', hourBased: false },
    updatedAt: T0 + version,
  });
}

async function fill(db: CurDatabase, scale: number, log: (msg: string) => void): Promise<void> {
  const have = await db.appeals.count();
  if (have >= scale) {
    log(`store already holds ${have} appeals`);
    return;
  }
  for (let start = have; start < scale; start += BATCH) {
    const batch: Appeal[] = [];
    for (let i = start; i < Math.min(scale, start + BATCH); i++) batch.push(appealAt(i, 0));
    await upsertAppeals(db, batch);
    if ((start / BATCH) % 10 === 0) log(`filled ${start + batch.length} / ${scale}`);
  }
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const bench: BenchModule = {
  title: 'Overview and overdue recompute after a sync',
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const db = openDb(`bench-overview-${ctx.scale}`);
    await fill(db, ctx.scale, ctx.log);
    const params = { period: PERIOD, sector: null, sectorOrder: ORDER, now: T0 };
    const [, cold] = await timed(() => loadOverview(db, params));

    const changes: Appeal[] = [];
    const version = Date.now() % 1_000_000;
    for (let k = 0; k < CHANGES; k++) changes.push(appealAt(Math.floor((k * ctx.scale) / CHANGES), version));
    const [, write] = await timed(() => upsertAppeals(db, changes));

    const recompute: number[] = [];
    const overdue: number[] = [];
    for (let run = 0; run < 3; run++) {
      recompute.push((await timed(() => loadOverview(db, params)))[1]);
      overdue.push((await timed(() => loadOverdueSummary(db, null, T0)))[1]);
    }
    const [, sectorOnly] = await timed(() => loadOverview(db, { ...params, sector: 'housing' }));
    // Where the recompute's time goes: the received-measure rows of the period, or the deadline walk.
    const [, receivedPart] = await timed(() => queryReceivedBy(db, PERIOD, {}, 'sector'));
    const [, detailedPart] = await timed(() => queryReceivedFrom(db, PERIOD, {}, 'sector', 'detailed'));
    const [, deadlinePart] = await timed(() => queryDeadlinesBy(db, {}, T0, 'sector'));
    const periodRows = await db.aggReceived.where(':id').between(PERIOD.from, `${PERIOD.to}\u0002`, true, false).count();
    const rollupRows = await db.aggReceivedRollup.where(':id').between(PERIOD.from, `${PERIOD.to}\u0002`, true, false).count();
    db.close();
    return [
      { name: `overview first read (${ctx.scale} appeals)`, value: cold, unit: 'ms', target: 100 },
      { name: 'sync write of 10k changed appeals (with aggregates)', value: write, unit: 'ms', target: null },
      { name: 'overview recompute after 10k changes (median of 3)', value: median(recompute), unit: 'ms', target: 100 },
      { name: 'overview recompute, one sector', value: sectorOnly, unit: 'ms', target: 100 },
      { name: 'overdue summary recompute (median of 3)', value: median(overdue), unit: 'ms', target: 100 },
      { name: 'overview part: received aggregates of a 30-day period by sector', value: receivedPart, unit: 'ms', target: null },
      { name: 'overview part: same, from the detailed table (no rollup)', value: detailedPart, unit: 'ms', target: null },
      { name: 'overview part: received aggregate rows in a 30-day period', value: periodRows, unit: 'rows', target: null },
      { name: 'overview part: received rollup rows (day x sector x source) in a 30-day period', value: rollupRows, unit: 'rows', target: null },
      { name: 'overview part: deadline aggregates by sector', value: deadlinePart, unit: 'ms', target: null },
    ];
  },
};

export default bench;
