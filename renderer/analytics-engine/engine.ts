/**
 * The analytic engine of one window: the columnar index of every appeal, loaded from its persisted
 * chunks (built from the appeals only the first time), caught up from the change log before every
 * query, and folded back into a new snapshot when the log grows. Queries run over typed arrays.
 *
 * Writes from any context (the sync worker, an import, this window) append to the change log in
 * their own transaction (renderer/db/analytics-log.ts), so the index is never behind after a
 * `catchUp()`.
 */
import { effectiveScope } from '../runtime/access';
import { scopedView } from './scoped-view';
import type { AccessScope } from '../../shared/access/scope';
import type { ColumnStore } from '../../shared/analytics/columns';
import { runPivot, type PivotQuery, type PivotResult } from '../../shared/analytics/pivot';
import type { CurDatabase } from '../db/schema';
import { applyLogRow, buildFromAppeals, loadSnapshot, readMeta, saveSnapshot, type LoadedIndex } from './persist';
import { isoToDayNumber } from '../../shared/domain/time';

/** Log rows replayed past a snapshot before the engine writes a new one. */
export const SNAPSHOT_AFTER_ROWS = 50_000;

export interface EngineStatus {
  ready: boolean;
  rows: number;
  /** How the index came to this window the last time: loaded from chunks or built by a scan. */
  origin: 'loaded' | 'built' | null;
  loadMs: number;
}

export class AnalyticsEngine {
  private loaded: LoadedIndex | null = null;
  private running: Promise<void> | null = null;
  private saving: Promise<void> | null = null;
  private status: EngineStatus = { ready: false, rows: 0, origin: null, loadMs: 0 };

  constructor(
    readonly db: CurDatabase,
    private readonly clock: () => number = Date.now,
  ) {}

  getStatus(): EngineStatus {
    return this.status;
  }

  /**
   * The index after catching up, as the viewer's scope allows (scoped-view.ts); queries read it
   * synchronously afterwards.
   */
  store(): Promise<ColumnStore> {
    return this.storeFor(effectiveScope());
  }

  /** The index after catching up, as `scope` allows (the analytics worker gets the window's scope in each request). */
  async storeFor(scope: AccessScope): Promise<ColumnStore> {
    await this.catchUp();
    return scopedView(this.loaded!.store, scope);
  }

  /** Brings the index up to the store's last write; concurrent calls share one run. */
  catchUp(): Promise<void> {
    if (!this.running) {
      this.running = this.run().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async run(): Promise<void> {
    const meta = await readMeta(this.db);
    const current = this.loaded;
    const stale = !current || (meta?.epoch ?? null) !== current.epoch || (meta !== undefined && meta.seq > current.seq);
    if (stale) {
      const started = performance.now();
      const fromChunks = await loadSnapshot(this.db);
      this.loaded = fromChunks ?? (await buildFromAppeals(this.db));
      this.status = {
        ready: true,
        rows: this.loaded.store.live,
        origin: fromChunks ? 'loaded' : 'built',
        loadMs: performance.now() - started,
      };
      if (!fromChunks || this.loaded.replayed > SNAPSHOT_AFTER_ROWS) this.scheduleSnapshot();
      return;
    }
    const rows = await this.db.analyticsLog.where('seq').above(current.seq).toArray();
    for (const row of rows) {
      current.replayed += applyLogRow(current.store, row);
      current.seq = row.seq!;
    }
    this.status = { ...this.status, rows: current.store.live };
    if (current.replayed > SNAPSHOT_AFTER_ROWS) this.scheduleSnapshot();
  }

  /** Writes a snapshot in the background; a concurrent reset simply wins (the next catch-up reloads). */
  private scheduleSnapshot(): void {
    if (this.saving || !this.loaded) return;
    const loaded = this.loaded;
    this.saving = saveSnapshot(this.db, loaded, this.clock())
      .then((epoch) => {
        if (epoch && this.loaded === loaded) {
          loaded.epoch = epoch;
          loaded.replayed = 0;
        }
      })
      .catch(() => undefined)
      .finally(() => {
        this.saving = null;
      });
  }

  /** Waits for a snapshot write in progress (tests, benchmarks). */
  async flush(): Promise<void> {
    await this.saving;
  }

  async pivot(query: PivotQuery): Promise<PivotResult> {
    return runPivot(await this.store(), query);
  }
}

const engines = new WeakMap<CurDatabase, AnalyticsEngine>();

/** The engine of a database in this window (one per open database). */
export function getAnalyticsEngine(db: CurDatabase): AnalyticsEngine {
  let engine = engines.get(db);
  if (!engine) {
    engine = new AnalyticsEngine(db);
    engines.set(db, engine);
  }
  return engine;
}

/**
 * Received appeals per sector × category over region-local days [from, to] within a group of
 * municipalities: what the category aggregate (no municipality key) cannot answer for a scope.
 */
export async function categoriesByScope(db: CurDatabase, period: { from: string; to: string }, municipalities: readonly string[]): Promise<Map<string, Map<string, number>>> {
  const store = await getAnalyticsEngine(db).store();
  const result = runPivot(store, {
    rows: 'sector',
    cols: 'category',
    measure: 'received',
    among: { municipality: municipalities },
    period: { fromDay: isoToDayNumber(period.from), toDay: isoToDayNumber(period.to) },
    bands: { now: 0, hourRiskEnd: 0, dayRiskEnd: 0 },
    topRows: 10_000,
    topCols: 100_000,
  });
  const out = new Map<string, Map<string, number>>();
  const nCols = result.cols.keys.length;
  result.rows.keys.forEach((sector, r) => {
    const byCategory = new Map<string, number>();
    result.cols.keys.forEach((category, c) => {
      const n = result.counts[r * nCols + c]!;
      if (n > 0) byCategory.set(category, n);
    });
    out.set(sector, byCategory);
  });
  return out;
}
