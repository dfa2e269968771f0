/**
 * The sector screen's reads, all from the incremental aggregates (received counters, deadline
 * buckets, category counts), live: a sync or an import anywhere updates the panels.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { eachDay } from '../../../shared/domain/time';
import { previousPeriod } from '../../../shared/domain/periods';
import { useAppNow } from '../../app/use-app-now';
import { getDb } from '../../db/db';
import { emptyCounters } from '../../db/aggregate-model';
import { queryDeadlinesBy, queryReceivedBy, type Period } from '../../db/aggregate-queries';
import { queryCategoriesBy } from '../../db/category-queries';
import { categoriesByScope } from '../../analytics-engine/engine';
import { emptyDeadlineCounts } from '../../db/deadline-bands';
import { shapeSectorPanel, worstUnits, type SectorPanel, type WorstRow } from './shape';

const MAX_TREND_DAYS = 92;

export interface SectorsView {
  panels: SectorPanel[];
  previous: Period;
}

/** Categories by sector: the aggregate for the whole region, the engine within a municipality scope. */
function categoriesOf(period: Period, municipalities: readonly string[] | null) {
  return municipalities ? categoriesByScope(getDb(), period, municipalities) : queryCategoriesBy(getDb(), period, null);
}

export function useSectorPanels(period: Period, sectorIds: readonly string[], municipalities: readonly string[] | null = null): SectorsView | undefined {
  const at = useAppNow();
  return useLiveQuery(async () => {
    const db = getDb();
    const scope = municipalities ? { municipalities } : {};
    const previous = previousPeriod(period.from, period.to);
    const trendDays = eachDay(period.from, period.to).slice(-MAX_TREND_DAYS);
    const trendPeriod = { from: trendDays[0] ?? period.from, to: period.to };
    const [current, before, deadlines, categories, previousCategories, trends] = await Promise.all([
      queryReceivedBy(db, period, scope, 'sector'),
      queryReceivedBy(db, previous, scope, 'sector'),
      queryDeadlinesBy(db, scope, at, 'sector'),
      categoriesOf(period, municipalities),
      categoriesOf(previous, municipalities),
      Promise.all(sectorIds.map((sector) => queryReceivedBy(db, trendPeriod, { ...scope, sector }, 'day'))),
    ]);
    const panels = sectorIds.map((sector, i) =>
      shapeSectorPanel({
        sector,
        current: current.get(sector) ?? emptyCounters(),
        previous: before.get(sector) ?? emptyCounters(),
        deadlines: deadlines.get(sector) ?? emptyDeadlineCounts(),
        trend: trendDays.map((day) => trends[i]!.get(day)?.received ?? 0),
        categories: categories.get(sector) ?? new Map(),
        previousCategories: previousCategories.get(sector) ?? new Map(),
      }),
    );
    return { panels, previous };
  }, [period.from, period.to, sectorIds.join(','), at, municipalities]);
}

export interface SectorDetail {
  municipalities: WorstRow[];
  organisations: WorstRow[];
}

async function worstBy(period: Period, sector: string, dimension: 'municipality' | 'organisation', at: number, municipalities: readonly string[] | null): Promise<WorstRow[]> {
  const db = getDb();
  const filter = municipalities ? { sector, municipalities } : { sector };
  const [received, deadlines] = await Promise.all([
    queryReceivedBy(db, period, filter, dimension),
    queryDeadlinesBy(db, filter, at, dimension),
  ]);
  const ids = new Set([...received.keys(), ...deadlines.keys()]);
  return worstUnits(
    [...ids].map((id) => {
      const c = received.get(id) ?? emptyCounters();
      const answered = c.answeredOnTime + c.answeredLate;
      return { id, received: c.received, overdue: deadlines.get(id)?.overdue ?? 0, onTimeShare: answered > 0 ? c.answeredOnTime / answered : null };
    }),
  );
}

export function useSectorDetail(period: Period, sector: string | null, scope: readonly string[] | null = null): SectorDetail | undefined {
  const at = useAppNow();
  return useLiveQuery(async () => {
    if (!sector) return undefined;
    const [municipalities, organisations] = await Promise.all([
      worstBy(period, sector, 'municipality', at, scope),
      worstBy(period, sector, 'organisation', at, scope),
    ]);
    return { municipalities, organisations };
  }, [period.from, period.to, sector, at, scope]);
}
