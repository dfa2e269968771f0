/**
 * The overview's reads: only the incremental aggregates (never the appeals table), wrapped in
 * `useLiveQuery` so every number follows syncs, imports and edits in any window.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useAppNow } from '../../app/use-app-now';
import type { CurDatabase } from '../../db/schema';
import { getDb } from '../../db/db';
import {
  queryDeadlinesBy,
  queryReceivedBy,
  type AggregateFilter,
  type Counters,
} from '../../db/aggregate-queries';
import { addCounters, emptyCounters } from '../../db/aggregate-model';
import { regionDay } from '../../../shared/domain/time';
import { sumDeadlineCounts } from '../../../shared/domain/deadline-counts';
import { overviewPeriods, type DayPeriod } from './periods';
import { shapeOverview, type CounterSet, type OverviewModel } from './shape';

export interface OverviewParams {
  period: DayPeriod;
  sector: string | null;
  sectorOrder: readonly string[];
  /** The global municipality scope's ids; null or absent for the whole region. */
  municipalities?: readonly string[] | null;
  /** The app clock at the time of the read (deadline states depend on it). */
  now: number;
}

function sumCounters(map: Map<string, Counters>): Counters {
  const total = emptyCounters();
  for (const c of map.values()) addCounters(total, c);
  return total;
}


/** Counters by sector and their sum: one read of the period's aggregate rows instead of two. */
async function counterSet(db: CurDatabase, period: DayPeriod, filter: AggregateFilter): Promise<CounterSet> {
  const bySector = await queryReceivedBy(db, period, filter, 'sector');
  return { total: sumCounters(bySector), bySector };
}

/**
 * Reads everything the overview shows and shapes it, in four aggregate reads: the period and the
 * previous one by sector, the eight days up to today by day (today, yesterday, the 7-day sum) and
 * the open appeals by deadline per sector. Totals are sums of the parts, so they always agree.
 */
export async function loadOverview(db: CurDatabase, params: OverviewParams): Promise<OverviewModel> {
  const filter: AggregateFilter = { ...(params.sector ? { sector: params.sector } : {}), ...(params.municipalities ? { municipalities: params.municipalities } : {}) };
  const periods = overviewPeriods(params.period, regionDay(params.now, db.timeZone));
  const [period, previous, days, deadlinesBySector] = await Promise.all([
    counterSet(db, periods.period, filter),
    counterSet(db, periods.previous, filter),
    queryReceivedBy(db, { from: periods.week.from, to: periods.today.to }, filter, 'day'),
    queryDeadlinesBy(db, filter, params.now, 'sector'),
  ]);
  const week = emptyCounters();
  for (const [day, c] of days) if (day >= periods.week.from && day <= periods.week.to) addCounters(week, c);
  return shapeOverview({
    periods,
    sector: params.sector,
    sectorOrder: params.sectorOrder,
    period,
    previous,
    today: days.get(periods.today.from) ?? emptyCounters(),
    yesterday: days.get(periods.yesterday.from) ?? emptyCounters(),
    week,
    deadlines: { total: sumDeadlineCounts(deadlinesBySector.values()), bySector: deadlinesBySector },
  });
}


/** The overview model, live; undefined while the first read runs. */
export function useOverview(
  period: DayPeriod,
  sector: string | null,
  sectorOrder: readonly string[],
  municipalities: readonly string[] | null = null,
): OverviewModel | undefined {
  const at = useAppNow();
  const orderKey = sectorOrder.join('|');
  return useLiveQuery(
    () => loadOverview(getDb(), { period, sector, sectorOrder, municipalities, now: at }),
    [period.from, period.to, sector, orderKey, at, municipalities?.join(',') ?? '*'],
  );
}
