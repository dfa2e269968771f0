/**
 * Rating rows as the wall shows them: place and movement from the domain methodology (via the
 * store's rating query), with the figures a meeting asks about beside the score.
 */
import type { RatedUnit } from './queries';

export interface RatedRow {
  id: string;
  name: string;
  /** 1-based place, or null when the unit could not be rated (no appeals in the period). */
  place: number | null;
  previousPlace: number | null;
  /** 0–100 points. */
  score: number | null;
  onTimeShare: number | null;
  overdue: number;
  satisfaction: number | null;
}

export function ratedRows(units: readonly RatedUnit[], names: ReadonlyMap<string, string>): RatedRow[] {
  return units.map((u) => ({
    id: u.id,
    name: names.get(u.id) ?? u.name,
    place: u.rank,
    previousPlace: u.previousRank,
    score: u.score === null ? null : u.score * 100,
    onTimeShare: u.components.speed.value,
    overdue: u.overdue,
    satisfaction: u.components.quality.value,
  }));
}
