/**
 * The territory / body rating for a report, computed exactly as the app's «Рейтинг» reads it
 * (renderer/db/rating-queries.ts): the period's and the previous equal period's received counters
 * per unit, open appeals overdue now, and the domain's `computeRating`. The previous period is rated
 * without today's overdue backlog, which belongs to now.
 */
import { previousPeriod } from '../domain/periods';
import { computeRating, ratingUnitOf, type RatingRow } from '../domain/rating';
import { populationOf } from '../domain/region-pack';
import { emptyCounts, type DayRange, type ReportContext, type ReportCounts, type ReportScope } from './measures';

export type RatingDimension = 'municipality' | 'organisation';

export interface ReportRatingRow extends RatingRow {
  counts: ReportCounts;
  overdue: number;
}

interface UnitName {
  id: string;
  name: string;
  population: number | null;
}


/**
 * The rating over `period`; `filter` narrows to a block, and for municipalities to a group whose
 * members are rated among themselves (as «Рейтинг» does within the global group).
 */
export async function reportRating(ctx: ReportContext, dimension: RatingDimension, period: DayRange, filter: ReportScope): Promise<ReportRatingRow[]> {
  const previous = previousPeriod(period.from, period.to);
  const [current, before, deadlines] = await Promise.all([
    ctx.measures.receivedBy(period, filter, dimension),
    ctx.measures.receivedBy(previous, filter, dimension),
    ctx.measures.deadlinesBy(filter, dimension),
  ]);
  let units: UnitName[];
  if (dimension === 'municipality') {
    const members = filter.municipalities != null ? new Set(filter.municipalities) : null;
    units = ctx.pack.municipalities.filter((m) => members === null || members.has(m.id)).map((m) => ({ id: m.id, name: m.shortName ?? m.name, population: populationOf(m)?.value ?? null }));
  } else {
    const ids = new Set([...current.keys(), ...before.keys()]);
    ids.delete('');
    units = [...ids].map((id) => ({ id, name: ctx.organisationName?.(id) ?? id, population: null }));
  }
  const previousRows = computeRating(units.map((u) => ratingUnitOf(u, before.get(u.id), 0)), ctx.ratingWeights);
  const rows = computeRating(
    units.map((u) => ratingUnitOf(u, current.get(u.id), deadlines.get(u.id)?.overdue ?? 0)),
    ctx.ratingWeights,
    previousRows,
  );
  return rows.map((row) => ({ ...row, counts: current.get(row.id) ?? emptyCounts(), overdue: deadlines.get(row.id)?.overdue ?? 0 }));
}
