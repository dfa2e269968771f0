/** What «Показатели» reads: computed indicators over the analytic index, targets and manual entries (live). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { isoToDayNumber } from '../../../shared/domain/time';
import { computeIndicatorCounts, totalCounts, type IndicatorCounts } from '../../../shared/indicators/compute';
import { coverageFromRoadmaps } from '../../../shared/indicators/coverage';
import { quarterDays } from '../../../shared/indicators/quarters';
import type { IndicatorEntry, IndicatorTarget } from '../../../shared/indicators/records';
import { getAnalyticsEngine } from '../../analytics-engine/engine';
import { getDb } from '../../db/db';
import { listIndicatorEntries, listIndicatorTargets, listMeasures, listRoadmaps } from '../../db/roadmaps-repo';

export interface IndicatorRecords {
  targets: IndicatorTarget[];
  entries: IndicatorEntry[];
}

export function useIndicatorRecords(): IndicatorRecords | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const [targets, entries] = await Promise.all([listIndicatorTargets(db), listIndicatorEntries(db)]);
    return { targets, entries };
  }, []);
}

export interface ComputedView {
  /** Totals per quarter, in the order asked. */
  byQuarter: IndicatorCounts[];
  /** The chosen quarter grouped by block or municipality. */
  breakdown: Map<string, IndicatorCounts> | null;
}

export type ComputedState = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; view: ComputedView };

/**
 * Computed indicators for quarters (the last is the chosen one), narrowed to a block and/or
 * municipality, and the chosen quarter's breakdown. Re-runs when roadmaps change (coverage) or
 * the analytic index moves (a sync or an import).
 */
export function useComputedIndicators(quarters: readonly string[], sector: string | null, municipality: string | null, groupBy: 'sector' | 'municipality' | null): ComputedState {
  const [state, setState] = useState<ComputedState>({ status: 'loading' });
  const roadmaps = useLiveQuery(async () => {
    const db = getDb();
    const [r, m] = await Promise.all([listRoadmaps(db), listMeasures(db)]);
    return coverageFromRoadmaps(r, m);
  }, []);
  const logSeq = useLiveQuery(async () => (await getDb().analyticsLog.orderBy('seq').last())?.seq ?? 0, []);
  const key = quarters.join(',');
  useEffect(() => {
    if (roadmaps === undefined || logSeq === undefined) return;
    let alive = true;
    getAnalyticsEngine(getDb())
      .store()
      .then(
        (store) => {
          if (!alive) return;
          const periods = quarters.map((q) => {
            const d = quarterDays(q);
            return { from: isoToDayNumber(d.from), to: isoToDayNumber(d.to) };
          });
          const counts = computeIndicatorCounts(store, { periods, groupBy: 'none', sector, municipality, coverage: roadmaps });
          const last = periods[periods.length - 1];
          const breakdown =
            groupBy && last ? (computeIndicatorCounts(store, { periods: [last], groupBy, sector, municipality, coverage: roadmaps })[0] ?? null) : null;
          setState({ status: 'ready', view: { byQuarter: counts.map(totalCounts), breakdown } });
        },
        () => alive && setState({ status: 'failed' }),
      );
    return () => {
      alive = false;
    };
    // `key` stands for the quarters' contents.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, sector, municipality, groupBy, roadmaps, logSeq]);
  return state;
}
