/**
 * Start-up options read once from the URL query (`?demoScale=10000&demoSeed=7&demoNow=2025-11-18T09:00:00%2B03:00&dbName=e2e-1`).
 * Tests and benchmarks use them to get a known dataset, a frozen clock and an isolated database;
 * a normal start has none of them.
 */
export interface BootOptions {
  /** Appeals per simulated year in the demo region. */
  demoScale: number;
  demoSeed: number;
  /** When set, the app's clock is frozen at this instant (epoch ms). */
  demoNow: number | null;
  /** IndexedDB database name. */
  dbName: string;
  /** Whether to run the demo source at all (tests of imports or feeds turn it off). */
  demo: boolean;
  /** Demo records per page (null: the source's default); small pages let a test watch a first load. */
  demoPageSize: number | null;
  /**
   * Viewer mode: the id of an installed snapshot bundle (renderer/runtime/snapshots.ts). The window
   * then works read-only on that snapshot's own database, without sources or any network.
   */
  snapshot: string | null;
}

export const DEFAULT_DEMO_SCALE = 20_000;
const MAX_DEMO_SCALE = 2_000_000;

export function parseBootOptions(search: string): BootOptions {
  const params = new URLSearchParams(search);
  const scale = Number(params.get('demoScale'));
  const seed = Number(params.get('demoSeed'));
  const nowText = params.get('demoNow');
  const nowMs = nowText ? Date.parse(nowText) : NaN;
  const dbName = params.get('dbName');
  const pageSize = Number(params.get('demoPageSize'));
  const snapshot = params.get('snapshot');
  const viewer = snapshot !== null && /^[\w-]{1,64}$/.test(snapshot);
  return {
    demoScale: Number.isInteger(scale) && scale > 0 ? Math.min(scale, MAX_DEMO_SCALE) : DEFAULT_DEMO_SCALE,
    demoSeed: Number.isInteger(seed) ? seed : 1,
    demoNow: Number.isFinite(nowMs) ? nowMs : null,
    dbName: dbName && /^[\w.-]{1,64}$/.test(dbName) ? dbName : 'cur',
    // A snapshot carries its own data: the demo region never runs beside it.
    demo: params.get('demo') !== 'off' && !viewer,
    demoPageSize: Number.isInteger(pageSize) && pageSize >= 50 && pageSize <= 10_000 ? pageSize : null,
    snapshot: viewer ? snapshot : null,
  };
}

let cached: BootOptions | null = null;

export function getBootOptions(): BootOptions {
  if (!cached) cached = parseBootOptions(typeof location === 'undefined' ? '' : location.search);
  return cached;
}
