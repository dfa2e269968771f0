/**
 * Shaping for the overdue control view: offenders ranked worst first, ageing buckets, executors
 * grouped from a bounded list of open appeals, and the information-request countdown. Pure.
 */
import { lastCompletedQuarter, type Quarter } from '../../../shared/domain/request-terms';
import type { RegistryFilter } from '../../app/registry-filter';

export const AGEING_BUCKETS = ['1-3', '4-7', '8-30', '30+'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];
export type Ageing = Record<AgeingBucket, number>;

const DAY_MS = 86_400_000;

import type { DeadlineCounts } from '../../../shared/domain/deadline-counts';
export type { DeadlineCounts };

export interface OffenderRow {
  /** Organisation or executor name; null = not stated in the source data. */
  key: string | null;
  overdue: number;
  atRisk24h: number;
  atRisk3wd: number;
  open: number;
  /** Share of open appeals that are overdue. */
  overdueShare: number | null;
}

/** Keys the store uses for «not stated» (it cannot index nulls). */
export function isUnknownKey(key: string | null | undefined): boolean {
  return key === null || key === undefined || key === '' || key === '-';
}

/** Worst first: most overdue, then most at risk within 24 h, then 3 working days, then by name. */
export function rankOffenders(map: Map<string, DeadlineCounts>, limit = Infinity): OffenderRow[] {
  const rows: OffenderRow[] = [];
  for (const [key, counts] of map) {
    if (counts.overdue === 0 && counts.atRisk24h === 0 && counts.atRisk3wd === 0) continue;
    rows.push({
      key: isUnknownKey(key) ? null : key,
      overdue: counts.overdue,
      atRisk24h: counts.atRisk24h,
      atRisk3wd: counts.atRisk3wd,
      open: counts.open,
      overdueShare: counts.open > 0 ? counts.overdue / counts.open : null,
    });
  }
  rows.sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.atRisk24h - a.atRisk24h ||
      b.atRisk3wd - a.atRisk3wd ||
      (a.key ?? '\uffff').localeCompare(b.key ?? '\uffff', 'ru'),
  );
  return rows.slice(0, limit);
}

/** Whole days overdue, counting a started day: 1 ms late is day 1. */
export function daysOverdue(dueAt: number, now: number): number {
  return now > dueAt ? Math.ceil((now - dueAt) / DAY_MS) : 0;
}

export function ageingBucketOf(days: number): AgeingBucket | null {
  if (days <= 0) return null;
  if (days <= 3) return '1-3';
  if (days <= 7) return '4-7';
  if (days <= 30) return '8-30';
  return '30+';
}

export interface AgeingRow {
  bucket: AgeingBucket;
  count: number;
  share: number | null;
}

export function ageingRows(ageing: Ageing): AgeingRow[] {
  const total = AGEING_BUCKETS.reduce((sum, b) => sum + ageing[b], 0);
  return AGEING_BUCKETS.map((bucket) => ({ bucket, count: ageing[bucket], share: total > 0 ? ageing[bucket] / total : null }));
}

/** An open appeal as the overdue lists read it (a slice of the stored record). */
export interface OpenAppealLike {
  id: string;
  executor: string | null;
  orgCurrent: string | null;
  openDueAt?: number;
  deadline: { dueAt: number; hourBased: boolean } | null;
}

export interface ExecutorRow {
  executor: string | null;
  overdue: number;
  atRisk: number;
  /** Oldest deadline among the executor's overdue appeals (the worst case). */
  worstDueAt: number | null;
  organisations: string[];
}

/**
 * Groups open appeals by responsible executor. The store keeps no per-executor aggregate, so the
 * view reads the overdue and at-risk ranges of the `openDueAt` index (bounded) and groups here.
 */
export function groupByExecutor(appeals: readonly OpenAppealLike[], now: number): ExecutorRow[] {
  const groups = new Map<string, ExecutorRow>();
  for (const appeal of appeals) {
    const dueAt = appeal.openDueAt ?? appeal.deadline?.dueAt;
    if (dueAt === undefined) continue;
    const key = isUnknownKey(appeal.executor) ? '' : appeal.executor!;
    let row = groups.get(key);
    if (!row) {
      row = { executor: key || null, overdue: 0, atRisk: 0, worstDueAt: null, organisations: [] };
      groups.set(key, row);
    }
    if (dueAt < now) {
      row.overdue += 1;
      row.worstDueAt = row.worstDueAt === null ? dueAt : Math.min(row.worstDueAt, dueAt);
    } else {
      row.atRisk += 1;
    }
    if (appeal.orgCurrent && !row.organisations.includes(appeal.orgCurrent)) row.organisations.push(appeal.orgCurrent);
  }
  return [...groups.values()].sort(
    (a, b) =>
      b.overdue - a.overdue ||
      (a.worstDueAt ?? Infinity) - (b.worstDueAt ?? Infinity) ||
      b.atRisk - a.atRisk ||
      (a.executor ?? '\uffff').localeCompare(b.executor ?? '\uffff', 'ru'),
  );
}

/** «2:59:59», «−0:12:03» for a countdown in milliseconds. */
export function formatCountdown(ms: number): string {
  const sign = ms < 0 ? '\u2212' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${sign}${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export type OverdueListKind = 'overdue' | 'at-risk-24h' | 'at-risk-3wd';

/** The registry filter behind an offender's number. */
export function offenderFilter(
  dimension: 'organisation',
  key: string | null,
  state: OverdueListKind,
  sector: string | null,
): RegistryFilter | null {
  // The registry cannot select «organisation not stated»; such rows show the number without a link.
  if (key === null) return null;
  const filter: RegistryFilter = { [dimension]: key, deadline: state, sort: 'due-asc' };
  if (sector) filter.sector = sector;
  return filter;
}

/** The instants that bound the deadline bands (the store's `deadlineBands`). */
export interface BandEdges {
  now: number;
  hourRiskEnd: number;
  dayRiskEnd: number;
  workRiskEnd: number;
}

export interface ListRange {
  /** Inclusive lower bound on `openDueAt`. */
  lower: number;
  /** Exclusive upper bound on `openDueAt`. */
  upper: number;
  /** Whether an appeal due at `dueAt` belongs to the list (hour-based rules have a 3-hour band). */
  accepts(dueAt: number, hourBased: boolean): boolean;
}

/**
 * The `openDueAt` key range a list reads and the per-row test, counted exactly as the store's
 * deadline aggregates count (so a list's length equals the number that linked to it).
 */
export function listRange(kind: OverdueListKind, b: BandEdges): ListRange {
  switch (kind) {
    case 'overdue':
      return { lower: -Infinity, upper: b.now, accepts: (dueAt) => dueAt < b.now };
    case 'at-risk-24h':
      return {
        lower: b.now,
        upper: Math.max(b.dayRiskEnd, b.hourRiskEnd),
        accepts: (dueAt, hourBased) => dueAt >= b.now && dueAt < (hourBased ? b.hourRiskEnd : b.dayRiskEnd),
      };
    case 'at-risk-3wd':
      return {
        lower: b.now,
        upper: Math.max(b.workRiskEnd, b.hourRiskEnd),
        accepts: (dueAt, hourBased) => dueAt >= b.now && dueAt < (hourBased ? b.hourRiskEnd : b.workRiskEnd),
      };
  }
}

/** Position after the last row of a page: the next page starts strictly after (dueAt, id). */
export interface PageCursor {
  dueAt: number;
  id: string;
}

export function isAfterCursor(dueAt: number, id: string, cursor: PageCursor | null): boolean {
  if (!cursor) return true;
  return dueAt > cursor.dueAt || (dueAt === cursor.dueAt && id > cursor.id);
}

/**
 * Edges of the ageing buckets: the starts of the region-local days 3 / 7 / 30 days before today,
 * as the store's `deadlineBands` computes them (`age3`, `age7`, `age30`).
 */
export interface AgeingEdges {
  now: number;
  age3: number;
  age7: number;
  age30: number;
}

/** The deadline range of an ageing bucket, exactly as the store's ageing counts it. */
export function bucketRange(bucket: AgeingBucket, e: AgeingEdges): { lower: number; upper: number } {
  switch (bucket) {
    case '1-3':
      return { lower: e.age3, upper: e.now };
    case '4-7':
      return { lower: e.age7, upper: e.age3 };
    case '8-30':
      return { lower: e.age30, upper: e.age7 };
    case '30+':
      return { lower: -Infinity, upper: e.age30 };
  }
}

/** Narrows a list's range to one ageing bucket (only meaningful for the overdue list). */
export function narrowToBucket(range: ListRange, bucket: AgeingBucket | null, edges: AgeingEdges): ListRange {
  if (!bucket) return range;
  const b = bucketRange(bucket, edges);
  return {
    lower: Math.max(range.lower, b.lower),
    upper: Math.min(range.upper, b.upper),
    accepts: (dueAt, hourBased) => dueAt >= b.lower && dueAt < b.upper && range.accepts(dueAt, hourBased),
  };
}

/** Quarters a statistics request can ask for: the last completed one (the default) first, then the current one and two earlier. */
export function quarterChoices(today: string): Array<{ quarter: Quarter; number: number; year: number }> {
  const parse = (q: Quarter) => ({ quarter: q, year: Number(q.slice(0, 4)), number: Number(q.slice(6)) });
  const previous = (q: Quarter): Quarter => {
    const { year, number } = parse(q);
    return (number === 1 ? `${year - 1}-Q4` : `${year}-Q${number - 1}`) as Quarter;
  };
  const last = lastCompletedQuarter(today);
  const current = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}` as Quarter;
  return [last, current, previous(last), previous(previous(last))].map(parse);
}
