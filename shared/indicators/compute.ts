/**
 * Computed indicators over the columnar analytic index: one pass over typed arrays counts every
 * numerator and denominator for several periods at once (a trend by quarter), for the whole scope
 * or grouped by block or municipality. A million rows take tens of milliseconds, where the store
 * would need seconds per count (../shared/docs/performance-limits.md).
 */
import type { ColumnStore } from '../analytics/columns';
import { FLAG } from '../analytics/facts';
import { AUTO_ROUTED_SOURCES, INFO_SYSTEM_SOURCES, type ComputedIndicatorId } from './definitions';

/** Counters behind every computed indicator. */
export interface IndicatorCounts {
  received: number;
  pos: number;
  posFastTrack: number;
  autoDelivered: number;
  covered: number;
  infoSystem: number;
  onTime: number;
  late: number;
  rated: number;
  satisfied: number;
  repeat: number;
}

export function emptyIndicatorCounts(): IndicatorCounts {
  return { received: 0, pos: 0, posFastTrack: 0, autoDelivered: 0, covered: 0, infoSystem: 0, onTime: 0, late: 0, rated: 0, satisfied: 0, repeat: 0 };
}

export interface IndicatorValue {
  numerator: number;
  denominator: number;
  /** numerator / denominator; null when the denominator is zero (no data, never 0 %). */
  value: number | null;
}

const PARTS: Record<ComputedIndicatorId, (c: IndicatorCounts) => [number, number]> = {
  'fast-track': (c) => [c.posFastTrack, c.pos],
  'auto-delivery': (c) => [c.autoDelivered, c.received],
  'roadmap-coverage': (c) => [c.covered, c.received],
  'info-systems': (c) => [c.infoSystem, c.received],
  'on-time': (c) => [c.onTime, c.onTime + c.late],
  satisfaction: (c) => [c.satisfied, c.rated],
  repeat: (c) => [c.repeat, c.received],
};

export function indicatorValue(id: ComputedIndicatorId, c: IndicatorCounts): IndicatorValue {
  const [numerator, denominator] = PARTS[id](c);
  return { numerator, denominator, value: denominator > 0 ? numerator / denominator : null };
}

/** A completed roadmap measure as coverage: its topics on its roadmap's territory from a day on. */
export interface CoverageSlice {
  topics: readonly string[];
  /** Empty = every municipality. */
  municipalities: readonly string[];
  /** Day number of completion: it covers periods ending on or after it. */
  completedDay: number;
}

export interface IndicatorQuery {
  /** Periods as inclusive day-number ranges (e.g. quarters). */
  periods: readonly { from: number; to: number }[];
  /** Group rows by block or municipality, or not at all (key ''). */
  groupBy: 'none' | 'sector' | 'municipality';
  /** Restrict to one block and/or municipality. */
  sector?: string | null;
  municipality?: string | null;
  /** Restrict to one organisation (the current one, as the analytic index keeps it). */
  organisation?: string | null;
  coverage: readonly CoverageSlice[];
}

/** Counts per period, per group key. */
export function computeIndicatorCounts(store: ColumnStore, q: IndicatorQuery): Map<string, IndicatorCounts>[] {
  const out = q.periods.map(() => new Map<string, IndicatorCounts>());
  if (q.periods.length === 0) return out;
  const { dicts } = store;
  const codesOf = (dim: 'source', values: readonly string[]) => {
    const set = new Uint8Array(dicts[dim].size);
    for (const v of values) {
      const code = dicts[dim].find(v);
      if (code >= 0) set[code] = 1;
    }
    return set;
  };
  const posCode = dicts.source.find('pos');
  const autoSources = codesOf('source', AUTO_ROUTED_SOURCES);
  const infoSources = codesOf('source', INFO_SYSTEM_SOURCES);
  const noExecutor = dicts.executor.find('');
  const sectorOnly = q.sector != null ? dicts.sector.find(q.sector) : -2;
  const muniOnly = q.municipality != null ? dicts.municipality.find(q.municipality) : -2;
  const orgOnly = q.organisation != null ? dicts.organisation.find(q.organisation) : -2;
  if (sectorOnly === -1 || muniOnly === -1 || orgOnly === -1) return out;

  // Coverage per period: category × municipality cells (municipality −1 column = whole region).
  const nCat = dicts.category.size;
  const nMuni = dicts.municipality.size;
  const covered = q.periods.map((p) => {
    const anyMuni = new Uint8Array(nCat);
    const cells = new Uint8Array(nCat * nMuni);
    for (const s of q.coverage) {
      if (s.completedDay > p.to) continue;
      for (const topic of s.topics) {
        const c = dicts.category.find(topic);
        if (c < 0) continue;
        if (s.municipalities.length === 0) anyMuni[c] = 1;
        for (const m of s.municipalities) {
          const mc = dicts.municipality.find(m);
          if (mc >= 0) cells[c * nMuni + mc] = 1;
        }
      }
    }
    return { anyMuni, cells };
  });

  const groupDim = q.groupBy === 'none' ? null : q.groupBy;
  const groupValues = groupDim ? dicts[groupDim].values : null;
  const min = Math.min(...q.periods.map((p) => p.from));
  const max = Math.max(...q.periods.map((p) => p.to));
  const { day, flags, rating, dims } = store.cols;
  for (let row = 0; row < store.length; row++) {
    const d = day[row]!;
    if (d < min || d > max) continue;
    const f = flags[row]!;
    if (f & FLAG.deleted) continue;
    if (sectorOnly >= 0 && dims.sector[row] !== sectorOnly) continue;
    if (muniOnly >= 0 && dims.municipality[row] !== muniOnly) continue;
    if (orgOnly >= 0 && dims.organisation[row] !== orgOnly) continue;
    const key = groupDim ? groupValues![dims[groupDim][row]!]! : '';
    const source = dims.source[row]!;
    const cat = dims.category[row]!;
    const muni = dims.municipality[row]!;
    for (let p = 0; p < q.periods.length; p++) {
      const period = q.periods[p]!;
      if (d < period.from || d > period.to) continue;
      let c = out[p]!.get(key);
      if (!c) {
        c = emptyIndicatorCounts();
        out[p]!.set(key, c);
      }
      c.received++;
      if (source === posCode) {
        c.pos++;
        if (f & FLAG.fastTrack) c.posFastTrack++;
      }
      if (autoSources[source] === 1 && dims.executor[row] !== noExecutor) c.autoDelivered++;
      if (infoSources[source] === 1) c.infoSystem++;
      const cov = covered[p]!;
      if (cov.anyMuni[cat] === 1 || cov.cells[cat * nMuni + muni] === 1) c.covered++;
      if (f & FLAG.onTime) c.onTime++;
      if (f & FLAG.late) c.late++;
      const r = rating[row]!;
      if (r > 0) {
        c.rated++;
        if (r >= 4) c.satisfied++;
      }
      if (f & FLAG.repeat) c.repeat++;
    }
  }
  return out;
}

/** Sums the groups of one period. */
export function totalCounts(groups: Map<string, IndicatorCounts>): IndicatorCounts {
  const total = emptyIndicatorCounts();
  for (const c of groups.values()) for (const k of Object.keys(total) as (keyof IndicatorCounts)[]) total[k] += c[k];
  return total;
}
