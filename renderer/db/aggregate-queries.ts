/**
 * Read side of the incremental aggregates: every overview, sector, rating and wall number comes
 * from here, never from a scan of the appeals table.
 *
 * - `queryReceived*` sum received-day rows over a period (a primary-key range: keys start with
 *   the day), from the day × sector × source rollup whenever the filter and dimension need neither
 *   municipality nor organisation (a few rows per day instead of thousands);
 * - `queryDeadlines*` / `queryOverdueAgeing` sum open appeals by deadline hour; an hour that a
 *   band boundary (now, now + 24 h, …) cuts is resolved exactly from the `openDueAt` index.
 */
import type { Table } from 'dexie';
import { scopePredicate } from '../../shared/access/scope';
import { effectiveScope } from '../runtime/access';
import { workCalendar } from '../../shared/domain/calendar';
import type { WorkCalendar } from '../../shared/domain/calendar';
import { regionDay } from '../../shared/domain/time';
import {
  addPacked,
  contributionOf,
  emptyCounters,
  emptyPacked,
  HOUR_MS,
  unpackCounters,
  type PackedCounters,
  type AggDims,
  type Counters,
  type DeadlineRow,
  type RollupRow,
} from './aggregate-model';
import {
  bandBoundaries,
  classifyInto,
  deadlineBands,
  emptyAgeing,
  emptyDeadlineCounts,
  type DeadlineBands,
  type DeadlineCounts,
  type OverdueAgeing,
} from './deadline-bands';
import { deadlineRows, warmDeadlineCache } from './deadline-cache';
import type { CurDatabase, StoredAppeal } from './schema';

export type { Counters, DeadlineCounts, OverdueAgeing };

export interface AggFilter {
  sector?: string | null;
  /** Municipality id; '' selects appeals with an unknown municipality. */
  municipality?: string | null;
  /** Any of these municipality ids (the global municipality scope); null or absent for all. */
  municipalities?: readonly string[] | null;
  source?: string | null;
  organisation?: string | null;
}

/** Region-local days, inclusive. */
export interface Period {
  from: string;
  to: string;
}

/** The name other areas use for the same filter. */
export type AggregateFilter = AggFilter;

export type AggDimension = 'sector' | 'municipality' | 'source' | 'day' | 'organisation';

type InScope = (sector: string, muniKey: string) => boolean;

function matches(d: AggDims, f: AggFilter, inScope: InScope): boolean {
  return (
    inScope(d.sector, d.muni) &&
    (f.sector == null || d.sector === f.sector) &&
    (f.municipality == null || d.muni === f.municipality) &&
    (f.municipalities == null || f.municipalities.includes(d.muni)) &&
    (f.source == null || d.source === f.source) &&
    (f.organisation == null || d.org === f.organisation)
  );
}

function dimValue(d: AggDims, dimension: Exclude<AggDimension, 'day'>): string {
  switch (dimension) {
    case 'sector':
      return d.sector;
    case 'municipality':
      return d.muni;
    case 'source':
      return d.source;
    case 'organisation':
      return d.org;
  }
}

/** Keys are `${day}\u0001…`, so one day range is one key range. */
function periodRows<T>(table: Table<T, string>, period: Period): Promise<T[]> {
  return table.where(':id').between(period.from, `${period.to}\u0002`, true, false).toArray();
}

/** Whether the rollup (day × sector × source) can answer: no municipality or organisation involved. */
export function rollupAnswers(filter: AggFilter, dimension: AggDimension | null = null): boolean {
  return (
    effectiveScope().municipalities === null &&
    filter.municipality == null &&
    filter.municipalities == null &&
    filter.organisation == null &&
    (dimension === null || dimension === 'sector' || dimension === 'source' || dimension === 'day')
  );
}

function rollupMatches(r: RollupRow, f: AggFilter, inScope: InScope): boolean {
  // Only used when the scope has no municipalities (rollupAnswers), so '' is never judged by them.
  return inScope(r.sector, '') && (f.sector == null || r.sector === f.sector) && (f.source == null || r.source === f.source);
}

export type ReceivedTable = 'rollup' | 'detailed';

/** Period rows that match the filter, each with its value of `dimension` ('' when none). */
async function matchingRows(
  db: CurDatabase,
  period: Period,
  filter: AggFilter,
  dimension: AggDimension | null,
  table: ReceivedTable,
): Promise<{ key: string; c: PackedCounters }[]> {
  const inScope = scopePredicate(effectiveScope());
  if (table === 'rollup') {
    if (!rollupAnswers(filter, dimension)) throw new Error('The received rollup has no municipality or organisation');
    const rows = (await periodRows(db.aggReceivedRollup, period)).filter((r) => rollupMatches(r, filter, inScope));
    return rows.map((r) => ({ key: dimension === null ? '' : dimension === 'day' ? r.day : dimension === 'source' ? r.source : r.sector, c: r.c }));
  }
  const rows = (await periodRows(db.aggReceived, period)).filter((r) => matches(r, filter, inScope));
  return rows.map((r) => ({ key: dimension === null ? '' : dimension === 'day' ? r.day : dimValue(r, dimension), c: r.c }));
}

/**
 * Received counters over a period grouped by `dimension` (null: one total under ''), read from the
 * given table. Both tables give the same answer where the rollup can answer (tested); callers use
 * `queryReceived` / `queryReceivedBy`, which pick the cheaper one.
 */
export async function queryReceivedFrom(
  db: CurDatabase,
  period: Period,
  filter: AggFilter,
  dimension: AggDimension | null,
  table: ReceivedTable,
): Promise<Map<string, Counters>> {
  const sums = new Map<string, PackedCounters>();
  for (const row of await matchingRows(db, period, filter, dimension, table)) {
    let c = sums.get(row.key);
    if (!c) {
      c = emptyPacked();
      sums.set(row.key, c);
    }
    addPacked(c, row.c);
  }
  return new Map([...sums].map(([k, c]) => [k, unpackCounters(c)]));
}

export async function queryReceived(db: CurDatabase, period: Period, filter: AggFilter = {}): Promise<Counters> {
  const table: ReceivedTable = rollupAnswers(filter) ? 'rollup' : 'detailed';
  return (await queryReceivedFrom(db, period, filter, null, table)).get('') ?? emptyCounters();
}

export function queryReceivedBy(
  db: CurDatabase,
  period: Period,
  filter: AggFilter,
  dimension: AggDimension,
): Promise<Map<string, Counters>> {
  return queryReceivedFrom(db, period, filter, dimension, rollupAnswers(filter, dimension) ? 'rollup' : 'detailed');
}

/** All-time totals per source (data quality view, records per source). */
export async function querySourceTotals(db: CurDatabase): Promise<Map<string, Counters>> {
  const rows = await db.aggTotals.toArray();
  return new Map(rows.map((r) => [r.source, unpackCounters(r.c)]));
}

interface DeadlineAcc {
  counts: DeadlineCounts;
  ageing: OverdueAgeing;
}

/**
 * Walks the deadline aggregate once, calling `acc(key)` for the bucket each appeal falls in.
 * Hours cut by a boundary are split: appeals due before the last boundary inside the hour are read
 * exactly from the openDueAt index; the rest of the hour is the row's count minus those.
 */
async function walkDeadlines(
  db: CurDatabase,
  filter: AggFilter,
  now: number,
  calendar: WorkCalendar,
  keyOf: (dims: AggDims, dueAt: number | null) => string,
): Promise<Map<string, DeadlineAcc>> {
  const bands: DeadlineBands = deadlineBands(now, db.timeZone, calendar);
  const inScope = scopePredicate(effectiveScope());
  const boundaries = bandBoundaries(bands);
  const out = new Map<string, DeadlineAcc>();
  const accOf = (key: string) => {
    let a = out.get(key);
    if (!a) {
      a = { counts: emptyDeadlineCounts(), ageing: emptyAgeing() };
      out.set(key, a);
    }
    return a;
  };
  const add = (dims: AggDims, dueAt: number | null, hb: boolean, n: number) => {
    if (n === 0) return;
    const a = accOf(keyOf(dims, dueAt));
    classifyInto(a.counts, a.ageing, bands, dueAt, hb, n);
  };

  await warmDeadlineCache(db);
  await db.transaction('r', [db.aggDeadline, db.aggMeta, db.aggDeadlineSnapshot, db.appeals], async () => {
    const split = new Map<number, { lastBoundary: number; rows: DeadlineRow[] }>();
    for (const row of await deadlineRows(db)) {
      if (row.n === 0 || !matches(row, filter, inScope)) continue;
      if (row.hour === null) {
        add(row, null, false, row.n);
        continue;
      }
      const start = row.hour * HOUR_MS;
      const end = start + HOUR_MS;
      let last: number | null = null;
      for (const b of boundaries) if (b > start && b < end) last = b;
      if (last === null) {
        add(row, start, row.hb === 1, row.n);
        continue;
      }
      let s = split.get(row.hour);
      if (!s) {
        s = { lastBoundary: last, rows: [] };
        split.set(row.hour, s);
      }
      // A copy: the cache hands rows of its persisted columns through one reused object.
      s.rows.push({ ...row });
    }
    for (const [hour, s] of split) {
      const exact: StoredAppeal[] = await db.appeals
        .where('openDueAt')
        .between(hour * HOUR_MS, s.lastBoundary, true, false)
        .toArray();
      const consumed = new Map<string, number>();
      for (const appeal of exact) {
        const c = contributionOf(appeal, db.timeZone).deadline;
        if (!c || !matches(c.dims, filter, inScope)) continue;
        consumed.set(c.key, (consumed.get(c.key) ?? 0) + 1);
        add(c.dims, appeal.openDueAt!, c.hb === 1, 1);
      }
      for (const row of s.rows) add(row, s.lastBoundary, row.hb === 1, row.n - (consumed.get(row.key) ?? 0));
    }
  });
  return out;
}

export async function queryDeadlines(
  db: CurDatabase,
  filter: AggFilter,
  now: number,
  calendar: WorkCalendar = workCalendar,
): Promise<DeadlineCounts> {
  const all = await walkDeadlines(db, filter, now, calendar, () => '');
  return all.get('')?.counts ?? emptyDeadlineCounts();
}

/** `day` groups by the region-local day of the deadline ('' for open appeals without one). */
export async function queryDeadlinesBy(
  db: CurDatabase,
  filter: AggFilter,
  now: number,
  dimension: AggDimension,
  calendar: WorkCalendar = workCalendar,
): Promise<Map<string, DeadlineCounts>> {
  const tz = db.timeZone;
  const all = await walkDeadlines(db, filter, now, calendar, (dims, dueAt) =>
    dimension === 'day' ? (dueAt === null ? '' : regionDay(dueAt, tz)) : dimValue(dims, dimension),
  );
  return new Map([...all].map(([k, v]) => [k, v.counts]));
}

export async function queryOverdueAgeing(
  db: CurDatabase,
  filter: AggFilter,
  now: number,
  calendar: WorkCalendar = workCalendar,
): Promise<OverdueAgeing> {
  const all = await walkDeadlines(db, filter, now, calendar, () => '');
  return all.get('')?.ageing ?? emptyAgeing();
}
