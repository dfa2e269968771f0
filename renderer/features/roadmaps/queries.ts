/** What «Дорожные карты» reads: roadmaps and measures (live), topic choices, and the effect over the analytic index. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { addCalendarDays, isoToDayNumber, regionDay } from '../../../shared/domain/time';
import type { Roadmap, RoadmapMeasure } from '../../../shared/roadmap/model';
import type { EffectComparison } from '../../../shared/roadmap/effect';
import { sliceEffect, type AppealSlice, type SliceEffect } from '../../../shared/roadmap/slice';
import { getAnalyticsEngine } from '../../analytics-engine/engine';
import { queryCategoriesBy } from '../../db/category-queries';
import { getDb } from '../../db/db';
import { listMeasures, listRoadmaps } from '../../db/roadmaps-repo';
import { now } from '../../runtime/clock';

export interface RoadmapsData {
  roadmaps: Roadmap[];
  measures: RoadmapMeasure[];
}

export function useRoadmapsData(): RoadmapsData | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const [roadmaps, measures] = await Promise.all([listRoadmaps(db), listMeasures(db)]);
    return { roadmaps, measures };
  }, []);
}

/** The region-local day of the app clock. */
export function todayOf(at: number = now()): string {
  return regionDay(at, getDb().timeZone);
}

/** The block's categories received over the last year, most frequent first. */
export function useTopicOptions(sector: string): string[] | undefined {
  return useLiveQuery(async () => {
    if (!sector) return [];
    const today = todayOf();
    const bySector = await queryCategoriesBy(getDb(), { from: addCalendarDays(today, -365), to: today }, sector);
    const counts = bySector.get(sector) ?? new Map<string, number>();
    return [...counts.entries()].filter(([c]) => c !== '').sort((a, b) => b[1] - a[1]).map(([c]) => c);
  }, [sector]);
}

export type EffectState = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; effect: SliceEffect };

/** The effect of work completed on `completedDay` on the slice, computed over the analytic index. */
export function useSliceEffect(slice: AppealSlice | null, completedDay: string | null, comparison: EffectComparison, today: string): EffectState | null {
  const [state, setState] = useState<EffectState>({ status: 'loading' });
  // The change log's last entry: the effect is recomputed after a sync or an import.
  const logSeq = useLiveQuery(async () => (await getDb().analyticsLog.orderBy('seq').last())?.seq ?? 0, []);
  const key = slice ? `${slice.topics.join('|')}#${slice.municipalities.join('|')}` : '';
  useEffect(() => {
    if (!slice || !completedDay || logSeq === undefined) return;
    let alive = true;
    getAnalyticsEngine(getDb())
      .store()
      .then(
        (store) => alive && setState({ status: 'ready', effect: sliceEffect(store, slice, isoToDayNumber(completedDay), isoToDayNumber(today), comparison) }),
        () => alive && setState({ status: 'failed' }),
      );
    return () => {
      alive = false;
    };
    // `key` stands for the slice's contents.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, completedDay, comparison, today, logSeq]);
  if (!slice || !completedDay) return null;
  return state;
}
