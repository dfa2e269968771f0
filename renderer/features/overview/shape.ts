/**
 * Shapes the aggregate counters into the overview's numbers: per sector and in total, for the
 * period (with deltas against the previous equal period), for today (against yesterday and the
 * 7-day average) and «now» (open, overdue, at risk). Every number carries the registry filter of
 * exactly the appeals behind it. Pure, so it is tested without a database or React.
 */
import type { RegistryFilter } from '../../app/registry-filter';
import type { DayPeriod, OverviewPeriods } from './periods';

/** The part of the store's `Counters` the overview reads. */
export interface OverviewCounters {
  received: number;
  open: number;
  answered: number;
  answeredOnTime: number;
  answeredLate: number;
  repeat: number;
  postponed: number;
  rated: number;
  satisfied: number;
  answerHoursSum: number;
  /** Appeals with an answer time (the average's denominator, as the domain's reference measures). */
  answerHoursCount: number;
}

import type { DeadlineCounts } from '../../../shared/domain/deadline-counts';
export type { DeadlineCounts };

export const EMPTY_COUNTERS: OverviewCounters = {
  received: 0,
  open: 0,
  answered: 0,
  answeredOnTime: 0,
  answeredLate: 0,
  repeat: 0,
  postponed: 0,
  rated: 0,
  satisfied: 0,
  answerHoursSum: 0,
  answerHoursCount: 0,
};

export const EMPTY_DEADLINES: DeadlineCounts = { open: 0, overdue: 0, atRisk24h: 0, atRisk3wd: 0 };

export const PERIOD_METRICS = [
  'received',
  'open',
  'repeat',
  'postponed',
  'answered',
  'onTimeShare',
  'avgAnswerHours',
  'satisfaction',
] as const;
export type PeriodMetricKey = (typeof PERIOD_METRICS)[number];

export const NOW_METRICS = ['inWork', 'overdue', 'atRisk24h', 'atRisk3wd'] as const;
export type NowMetricKey = (typeof NOW_METRICS)[number];

export const TODAY_METRICS = ['received', 'repeat', 'postponed', 'answered'] as const;
export type TodayMetricKey = (typeof TODAY_METRICS)[number];

export type MetricFormat = 'count' | 'share' | 'decimal';

export interface Metric {
  value: number | null;
  format: MetricFormat;
  /** Against the previous equal period (today: against yesterday). Shares in percentage points. */
  delta: number | null;
  /** Today only: against the average day of the previous seven. */
  deltaWeek?: number | null;
  /** Registry filter of exactly the appeals behind the number. */
  filter: RegistryFilter;
}

export interface SectorRow {
  /** null = all sectors together. */
  sector: string | null;
  period: Record<PeriodMetricKey, Metric>;
  now: Record<NowMetricKey, Metric>;
}

export interface OverviewModel {
  periods: OverviewPeriods;
  total: SectorRow;
  /** One row per sector, in the pack's order; sectors without appeals show zeros. */
  sectors: SectorRow[];
  today: Record<TodayMetricKey, Metric>;
  /** Nothing received in the period and nothing open: the view shows its empty state. */
  isEmpty: boolean;
}

export interface CounterSet {
  total: OverviewCounters;
  bySector: Map<string, OverviewCounters>;
}

export interface OverviewInput {
  periods: OverviewPeriods;
  /** The global sector filter, or null for all sectors. */
  sector: string | null;
  /** Sector ids in display order (the region pack's). */
  sectorOrder: readonly string[];
  period: CounterSet;
  previous: CounterSet;
  today: OverviewCounters;
  yesterday: OverviewCounters;
  /** Sum over the seven days before today. */
  week: OverviewCounters;
  deadlines: { total: DeadlineCounts; bySector: Map<string, DeadlineCounts> };
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Value of a period metric from counters; null when it has no denominator (e.g. nothing rated). */
export function periodValue(key: PeriodMetricKey, c: OverviewCounters): number | null {
  switch (key) {
    case 'onTimeShare':
      return ratio(c.answeredOnTime, c.answeredOnTime + c.answeredLate);
    case 'avgAnswerHours':
      return ratio(c.answerHoursSum, c.answerHoursCount);
    case 'satisfaction':
      return ratio(c.satisfied, c.rated);
    default:
      return c[key];
  }
}

export function metricFormat(key: PeriodMetricKey | NowMetricKey | TodayMetricKey): MetricFormat {
  if (key === 'onTimeShare' || key === 'satisfaction') return 'share';
  if (key === 'avgAnswerHours') return 'decimal';
  return 'count';
}

/** Difference of two values; shares as percentage points so «+2,1» reads as points. */
export function metricDelta(current: number | null, previous: number | null, format: MetricFormat): number | null {
  if (current === null || previous === null) return null;
  const delta = current - previous;
  return format === 'share' ? delta * 100 : delta;
}

function base(period: DayPeriod | null, sector: string | null): RegistryFilter {
  const filter: RegistryFilter = {};
  if (period) {
    filter.from = period.from;
    filter.to = period.to;
  }
  if (sector) filter.sector = sector;
  return filter;
}

/**
 * The registry filter behind a period number: the appeals received in the period that it counts,
 * by the same shared predicates (shared/domain/outcome) the store's counters use. For a share it
 * is the numerator's appeals; for the average answer time, the appeals averaged over.
 */
export function periodFilter(key: PeriodMetricKey | TodayMetricKey, period: DayPeriod, sector: string | null): RegistryFilter {
  const filter = base(period, sector);
  switch (key) {
    case 'received':
      return filter;
    case 'open':
      return { ...filter, answered: false };
    case 'repeat':
      return { ...filter, repeat: true };
    case 'postponed':
      return { ...filter, postponed: true };
    case 'answered':
      return { ...filter, answered: true };
    case 'avgAnswerHours':
      return { ...filter, answerTime: true };
    case 'onTimeShare':
      return { ...filter, deadline: 'answered-on-time' };
    case 'satisfaction':
      return { ...filter, satisfaction: 'satisfied' };
  }
}

/**
 * The registry filter behind a «now» number: open appeals by deadline state, worst first. «In work»
 * keeps the default order: sorting by deadline reads the deadline index, which holds only open
 * appeals that have a deadline, and the number counts those without one too.
 */
export function nowFilter(key: NowMetricKey, sector: string | null): RegistryFilter {
  const filter = base(null, sector);
  switch (key) {
    case 'inWork':
      return { ...filter, answered: false };
    case 'overdue':
      return { ...filter, deadline: 'overdue', sort: 'due-asc' };
    case 'atRisk24h':
      return { ...filter, deadline: 'at-risk-24h', sort: 'due-asc' };
    case 'atRisk3wd':
      return { ...filter, deadline: 'at-risk-3wd', sort: 'due-asc' };
  }
}

function nowValue(key: NowMetricKey, d: DeadlineCounts): number {
  switch (key) {
    case 'inWork':
      return d.open;
    case 'overdue':
      return d.overdue;
    case 'atRisk24h':
      return d.atRisk24h;
    case 'atRisk3wd':
      return d.atRisk3wd;
  }
}

function sectorRow(
  sector: string | null,
  periods: OverviewPeriods,
  current: OverviewCounters,
  previous: OverviewCounters,
  deadlines: DeadlineCounts,
): SectorRow {
  const period = {} as Record<PeriodMetricKey, Metric>;
  for (const key of PERIOD_METRICS) {
    const format = metricFormat(key);
    const value = periodValue(key, current);
    period[key] = {
      value,
      format,
      delta: metricDelta(value, periodValue(key, previous), format),
      filter: periodFilter(key, periods.period, sector),
    };
  }
  const now = {} as Record<NowMetricKey, Metric>;
  for (const key of NOW_METRICS) {
    // The store keeps no history of deadline states, so «now» numbers have no honest delta.
    now[key] = { value: nowValue(key, deadlines), format: 'count', delta: null, filter: nowFilter(key, sector) };
  }
  return { sector, period, now };
}

/** Sector ids to show: the pack's order, then any other sector found in the data (e.g. a removed one). */
export function sectorIds(order: readonly string[], ...maps: Map<string, unknown>[]): string[] {
  const ids = [...order];
  const seen = new Set(ids);
  for (const map of maps) {
    for (const key of map.keys()) {
      if (!seen.has(key)) {
        seen.add(key);
        ids.push(key);
      }
    }
  }
  return ids;
}

export function shapeOverview(input: OverviewInput): OverviewModel {
  const { periods, sector } = input;
  const total = sectorRow(sector, periods, input.period.total, input.previous.total, input.deadlines.total);
  const ids = sector
    ? [sector]
    : sectorIds(input.sectorOrder, input.period.bySector, input.previous.bySector, input.deadlines.bySector);
  const sectors = ids.map((id) =>
    sectorRow(
      id,
      periods,
      input.period.bySector.get(id) ?? EMPTY_COUNTERS,
      input.previous.bySector.get(id) ?? EMPTY_COUNTERS,
      input.deadlines.bySector.get(id) ?? EMPTY_DEADLINES,
    ),
  );
  const today = {} as Record<TodayMetricKey, Metric>;
  for (const key of TODAY_METRICS) {
    const value = input.today[key];
    today[key] = {
      value,
      format: 'count',
      delta: value - input.yesterday[key],
      deltaWeek: value - input.week[key] / 7,
      filter: periodFilter(key, periods.today, sector),
    };
  }
  const isEmpty = input.period.total.received === 0 && input.deadlines.total.open === 0 && input.today.received === 0;
  return { periods, total, sectors, today, isEmpty };
}
