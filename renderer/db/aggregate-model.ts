/**
 * What one appeal contributes to the incremental aggregates. Pure: the write path subtracts the
 * old contribution and adds the new one in the same transaction as the record itself, and the
 * full recount (tests, migrations) sums the same contributions, so both always agree.
 *
 * Aggregate families:
 * - received: per received day × sector × municipality × source × organisation, carrying every
 *   measure sum (the status buckets are folded into the counters: open, answered, rejected …);
 * - received rollup: the same counters per received day × sector × source only, so a period read
 *   without a municipality or organisation filter touches a few rows per day instead of thousands;
 * - deadline: open appeals per deadline hour × sector × municipality × source × organisation ×
 *   hour-based flag (the hour of the deadline the appeal is held to: a postponed appeal's new date,
 *   none while a postponed appeal has no new date). "Overdue now" and "at risk" are sums over deadline hours plus an exact index
 *   read of the partial hour, so they stay right as the clock moves without rewriting records.
 */
import type { Appeal } from '../../shared/domain/appeal';
import { heldDueAt } from '../../shared/domain/postponement';
import { regionDay } from '../../shared/domain/time';
import { ANSWER_HOURS_EDGES, countersOf, emptyCounters, HOUR_MS, isOpenAppeal, SCALAR_COUNTER_KEYS as SCALAR_KEYS, type Counters } from '../../shared/domain/appeal-counters';

// What one appeal counts lives in the domain (reports count the same way in memory); this module
// adds how counters are keyed, packed and stored.
export {
  addCounters,
  answerHoursOf,
  ANSWER_HOURS_EDGES,
  countersOf,
  emptyCounters,
  HOUR_MS,
  isOpenAppeal,
  isZeroCounters,
  type Counters,
} from '../../shared/domain/appeal-counters';

/**
 * Stored form of counters: one Float64Array (scalars in SCALAR_KEYS order, then the histogram).
 * Structured clone of a typed array is a plain copy, several times cheaper to write and read than
 * an object with forty fields, and sums are simple loops.
 */
export type PackedCounters = Float64Array;
export const PACKED_LENGTH = SCALAR_KEYS.length + ANSWER_HOURS_EDGES.length + 1;

export function emptyPacked(): PackedCounters {
  return new Float64Array(PACKED_LENGTH);
}

export function packCounters(c: Counters): PackedCounters {
  const p = new Float64Array(PACKED_LENGTH);
  SCALAR_KEYS.forEach((k, i) => (p[i] = c[k]));
  for (let i = 0; i < c.answerHist.length; i++) p[SCALAR_KEYS.length + i] = c.answerHist[i]!;
  return p;
}

export function unpackCounters(p: PackedCounters): Counters {
  const c = emptyCounters();
  SCALAR_KEYS.forEach((k, i) => (c[k] = p[i] ?? 0));
  for (let i = 0; i < c.answerHist.length; i++) c.answerHist[i] = p[SCALAR_KEYS.length + i] ?? 0;
  return c;
}

/** target += sign × delta (in place); returns target. */
export function addPacked(target: PackedCounters, delta: PackedCounters, sign: 1 | -1 = 1): PackedCounters {
  for (let i = 0; i < PACKED_LENGTH; i++) target[i]! += sign * (delta[i] ?? 0);
  return target;
}

export function isZeroPacked(p: PackedCounters): boolean {
  for (let i = 0; i < PACKED_LENGTH; i++) if (Math.abs(p[i]!) > 1e-9) return false;
  return true;
}

/** Approximate quantile (0..1) of answer time in hours from the histogram, interpolated inside a bucket. */
export function approxAnswerHoursQuantile(c: Counters, q: number): number | null {
  const total = c.answerHist.reduce((s, n) => s + n, 0);
  if (total <= 0) return null;
  const target = q * total;
  let seen = 0;
  for (let i = 0; i < c.answerHist.length; i++) {
    const n = c.answerHist[i]!;
    if (n > 0 && seen + n >= target) {
      const lo = i === 0 ? 0 : ANSWER_HOURS_EDGES[i - 1]!;
      // The open-ended last bucket has no upper edge: report its lower edge.
      const hi = i < ANSWER_HOURS_EDGES.length ? ANSWER_HOURS_EDGES[i]! : lo;
      return lo + ((hi - lo) * (target - seen)) / n;
    }
    seen += n;
  }
  return ANSWER_HOURS_EDGES[ANSWER_HOURS_EDGES.length - 1]!;
}

export function approxMedianAnswerHours(c: Counters): number | null {
  return approxAnswerHoursQuantile(c, 0.5);
}


/** Dimensions shared by both aggregate families. '' stands for unknown (IndexedDB cannot key null). */
const QUARTER_HOUR_MS = 900_000;
const dayMemo = new Map<string, string>();

/**
 * regionDay through a memo per quarter hour: every zone offset is a multiple of 15 minutes, so
 * the day cannot change inside one, and Intl formatting is the write path's dearest step.
 */
export function regionDayFast(epochMs: number, timeZone: string): string {
  const slot = Math.floor(epochMs / QUARTER_HOUR_MS);
  const key = `${timeZone}|${slot}`;
  let day = dayMemo.get(key);
  if (day === undefined) {
    if (dayMemo.size > 200_000) dayMemo.clear();
    day = regionDay(slot * QUARTER_HOUR_MS, timeZone);
    dayMemo.set(key, day);
  }
  return day;
}

export interface AggDims {
  sector: string;
  muni: string;
  source: string;
  org: string;
}

export interface ReceivedRow extends AggDims {
  key: string;
  day: string;
  c: PackedCounters;
}

/** The received counters summed over municipality and organisation. */
export interface RollupRow {
  key: string;
  day: string;
  sector: string;
  source: string;
  c: PackedCounters;
}

export interface DeadlineRow extends AggDims {
  key: string;
  /** Deadline hour (floor(dueAt / 1 h)); null for open appeals without a deadline. */
  hour: number | null;
  /** 1 when the deadline counts hours (ИМ), which changes the at-risk band. */
  hb: 0 | 1;
  n: number;
  /** Aggregate version of the last change (readers refresh their cache by it). */
  v: number;
}

/** Received appeals per day × sector × category (top themes and their change). */
export interface CategoryRow {
  key: string;
  day: string;
  sector: string;
  category: string;
  n: number;
}

export interface SourceTotalsRow {
  source: string;
  c: PackedCounters;
}

const SEP = '\u0001';

export function receivedKey(day: string, d: AggDims): string {
  return [day, d.sector, d.muni, d.source, d.org].join(SEP);
}

export function rollupKey(day: string, sector: string, source: string): string {
  return [day, sector, source].join(SEP);
}

export function categoryKey(day: string, sector: string, category: string): string {
  return [day, sector, category].join(SEP);
}

export function deadlineKey(hour: number | null, hb: 0 | 1, d: AggDims): string {
  return [hour === null ? 'none' : String(hour), d.sector, d.muni, d.source, d.org, hb].join(SEP);
}

export function dimsOf(a: Appeal): AggDims {
  return { sector: a.sector, muni: a.municipality ?? '', source: a.source, org: a.orgCurrent ?? '' };
}

export interface Contribution {
  received: { key: string; day: string; dims: AggDims; c: PackedCounters };
  /** Absent when the appeal has no category. */
  category: { key: string; category: string } | null;
  /** Absent when the appeal is not open. */
  deadline: { key: string; hour: number | null; hb: 0 | 1; dims: AggDims } | null;
}

export function contributionOf(a: Appeal, timeZone: string): Contribution {
  const dims = dimsOf(a);
  const day = regionDayFast(a.receivedAt, timeZone);
  const received = { key: receivedKey(day, dims), day, dims, c: packCounters(countersOf(a)) };
  const category = a.category === null ? null : { key: categoryKey(day, a.sector, a.category), category: a.category };
  if (!isOpenAppeal(a)) return { received, category, deadline: null };
  // Postponed without a new date: no deadline to be overdue against (shared/domain/postponement).
  const dueAt = heldDueAt(a);
  const hour = dueAt === null ? null : Math.floor(dueAt / HOUR_MS);
  const hb: 0 | 1 = a.deadline?.hourBased ? 1 : 0;
  return { received, category, deadline: { key: deadlineKey(hour, hb, dims), hour, hb, dims } };
}

/**
 * The deadline an open appeal is held to (`heldDueAt`: a postponed one only to its new date): the
 * `openDueAt` index then holds exactly the deadline aggregate's appeals that have an hour.
 */
export function openDueAtOf(a: Appeal): number | undefined {
  return isOpenAppeal(a) ? (heldDueAt(a) ?? undefined) : undefined;
}

/** In-memory accumulation of deltas for one write, flushed once per transaction. */
export class AggDelta {
  readonly received = new Map<string, { day: string; dims: AggDims; c: PackedCounters }>();
  readonly rollup = new Map<string, { day: string; sector: string; source: string; c: PackedCounters }>();
  readonly deadline = new Map<string, { hour: number | null; hb: 0 | 1; dims: AggDims; n: number }>();
  readonly totals = new Map<string, PackedCounters>();
  readonly category = new Map<string, { day: string; sector: string; category: string; n: number }>();

  add(contribution: Contribution, sign: 1 | -1): void {
    const r = contribution.received;
    let rec = this.received.get(r.key);
    if (!rec) {
      rec = { day: r.day, dims: r.dims, c: emptyPacked() };
      this.received.set(r.key, rec);
    }
    addPacked(rec.c, r.c, sign);
    const rk = rollupKey(r.day, r.dims.sector, r.dims.source);
    let roll = this.rollup.get(rk);
    if (!roll) {
      roll = { day: r.day, sector: r.dims.sector, source: r.dims.source, c: emptyPacked() };
      this.rollup.set(rk, roll);
    }
    addPacked(roll.c, r.c, sign);
    let tot = this.totals.get(r.dims.source);
    if (!tot) {
      tot = emptyPacked();
      this.totals.set(r.dims.source, tot);
    }
    addPacked(tot, r.c, sign);
    const cat = contribution.category;
    if (cat) {
      let row = this.category.get(cat.key);
      if (!row) {
        row = { day: r.day, sector: r.dims.sector, category: cat.category, n: 0 };
        this.category.set(cat.key, row);
      }
      row.n += sign;
    }
    const d = contribution.deadline;
    if (d) {
      let dl = this.deadline.get(d.key);
      if (!dl) {
        dl = { hour: d.hour, hb: d.hb, dims: d.dims, n: 0 };
        this.deadline.set(d.key, dl);
      }
      dl.n += sign;
    }
  }
}
