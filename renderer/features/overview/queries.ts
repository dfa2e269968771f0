/**
 * The overview's reads: only the incremental aggregates (never the appeals table), wrapped in
 * `useLiveQuery` so every number follows syncs, imports and edits in any window.
 */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { CurDatabase } from '../../db/schema';
import { getDb } from '../../db/db';
import {
  queryDeadlines,
  queryDeadlinesBy,
  queryReceived,
  queryReceivedBy,
  type AggregateFilter,
} from '../../db/aggregate-queries';
import { now } from '../../app/clock';
import { regionDay } from '../../../shared/domain/time';
import { overviewPeriods, type DayPeriod } from './periods';
import { shapeOverview, type CounterSet, type OverviewModel } from './shape';

export interface OverviewParams {
  period: DayPeriod;
  sector: string | null;
  sectorOrder: readonly string[];
  /** The app clock at the time of the read (deadline states depend on it). */
  now: number;
}

async function counterSet(db: CurDatabase, period: DayPeriod, filter: AggregateFilter, sector: string | null): Promise<CounterSet> {
  if (sector) {
    const total = await queryReceived(db, period, filter);
    return { total, bySector: new Map([[sector, total]]) };
  }
  const [total, bySector] = await Promise.all([
    queryReceived(db, period, filter),
    queryReceivedBy(db, period, filter, 'sector'),
  ]);
  return { total, bySector };
}

/** Reads everything the overview shows and shapes it. */
export async function loadOverview(db: CurDatabase, params: OverviewParams): Promise<OverviewModel> {
  const filter: AggregateFilter = params.sector ? { sector: params.sector } : {};
  const periods = overviewPeriods(params.period, regionDay(params.now, db.timeZone));
  const [period, previous, today, yesterday, week, deadlinesTotal, deadlinesBySector] = await Promise.all([
    counterSet(db, periods.period, filter, params.sector),
    counterSet(db, periods.previous, filter, params.sector),
    queryReceived(db, periods.today, filter),
    queryReceived(db, periods.yesterday, filter),
    queryReceived(db, periods.week, filter),
    queryDeadlines(db, filter, params.now),
    params.sector ? Promise.resolve(null) : queryDeadlinesBy(db, filter, params.now, 'sector'),
  ]);
  return shapeOverview({
    periods,
    sector: params.sector,
    sectorOrder: params.sectorOrder,
    period,
    previous,
    today,
    yesterday,
    week,
    deadlines: {
      total: deadlinesTotal,
      bySector: deadlinesBySector ?? new Map([[params.sector!, deadlinesTotal]]),
    },
  });
}

/** The app clock, re-read every `intervalMs` so deadline states move on while a view stays open. */
export function useAppNow(intervalMs = 60_000): number {
  const [value, setValue] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setValue(now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return value;
}

/** The overview model, live; undefined while the first read runs. */
export function useOverview(period: DayPeriod, sector: string | null, sectorOrder: readonly string[]): OverviewModel | undefined {
  const at = useAppNow();
  const orderKey = sectorOrder.join('|');
  return useLiveQuery(
    () => loadOverview(getDb(), { period, sector, sectorOrder, now: at }),
    [period.from, period.to, sector, orderKey, at],
  );
}
