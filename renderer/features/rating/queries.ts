/** The rating screen's reads: the shared rating query over the aggregates and the weights setting, live. */
import { useLiveQuery } from 'dexie-react-hooks';
import { previousPeriod } from '../../../shared/domain/periods';
import type { RatingWeights } from '../../../shared/domain/rating';
import type { RegionPack } from '../../../shared/domain/region-pack';
import { useAppNow } from '../../app/use-app-now';
import { getDb } from '../../db/db';
import { queryRating, type RatedUnit, type RatingDimension } from '../../db/rating-queries';
import { loadWeights } from '../../db/rating-weights';

export interface RatingView {
  rows: RatedUnit[];
  weights: RatingWeights;
  previous: { from: string; to: string };
}

export function useRating(
  dimension: RatingDimension,
  period: { from: string; to: string },
  sector: string | null,
  pack: RegionPack,
  municipalities: readonly string[] | null = null,
): RatingView | undefined {
  const at = useAppNow();
  return useLiveQuery(async () => {
    const db = getDb();
    const weights = await loadWeights(db);
    const previous = previousPeriod(period.from, period.to);
    const rows = await queryRating(db, {
      dimension,
      period,
      previous,
      filter: { ...(sector ? { sector } : {}), ...(municipalities ? { municipalities } : {}) },
      weights,
      now: at,
      pack,
    });
    return { rows, weights, previous };
  }, [dimension, period.from, period.to, sector, pack, at, municipalities]);
}

export function useWeights(): RatingWeights | undefined {
  return useLiveQuery(() => loadWeights(getDb()), []);
}
