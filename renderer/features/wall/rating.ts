/**
 * Rating rows for the wall. The score and places come from the domain's rating methodology
 * (`computeRating`); the wall adds the figures it shows beside them.
 */
import { share } from '../../../shared/wall';
import type { RatingData } from './queries';
import type { WallRegion } from './region';

export interface RatedRow {
  id: string;
  name: string;
  /** 1-based place, or null when the unit could not be rated (no data). */
  place: number | null;
  previousPlace: number | null;
  score: number | null;
  onTimeShare: number | null;
  overdue: number;
  satisfaction: number | null;
}

export function rateUnits(region: WallRegion, data: RatingData): RatedRow[] {
  return region.units
    .map((unit) => {
      const c = data.current.get(unit.id);
      return {
        id: unit.id,
        name: unit.name,
        place: null,
        previousPlace: null,
        score: null,
        onTimeShare: c ? share(c.answeredOnTime, c.answeredOnTime + c.answeredLate) : null,
        overdue: data.deadlines.get(unit.id)?.overdue ?? 0,
        satisfaction: c ? share(c.satisfied, c.rated) : null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}
