/**
 * The contract between `npm run bench` and bench modules (`tests/bench/*.bench.ts`). A module
 * default-exports a BenchModule; the harness runs it in Chromium (real IndexedDB) and collects
 * its results into bench-results.json.
 */

export interface BenchResult {
  /** Stable, descriptive name, e.g. `store: ingest through sync vs raw put (ratio)`. */
  name: string;
  value: number;
  /** `ms`, `ratio`, `MB`, `records/s` … */
  unit: string;
  /**
   * The goal in the same unit (an upper bound for times and sizes, a lower bound for ratios and
   * rates, as the name says), a short text such as '>= 0.7', or null when informational.
   */
  target: number | string | null;
}

export interface BenchContext {
  /** Appeals to work with (BENCH_SCALE, default 1,000,000). */
  scale: number;
  /** Progress line, printed by `npm run bench` as it runs. */
  log(msg: string): void;
}

export interface BenchModule {
  title: string;
  run(ctx: BenchContext): Promise<BenchResult[]>;
}
