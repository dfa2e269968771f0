/**
 * The rating of municipalities or organisations for a period, from the aggregates only: the
 * period's and the previous period's received counters per unit, open appeals overdue now, and the
 * domain's methodology (`computeRating`). The operator's «Рейтинг» screen and the wall's rating
 * scene read the same rows, so the two never disagree.
 */
import { computeRating, ratingUnitOf, type RatingRow, type RatingWeights } from '../../shared/domain/rating';
import { populationOf, type RegionPack } from '../../shared/domain/region-pack';
import { approxMedianAnswerHours, emptyCounters, type Counters } from './aggregate-model';
import { queryDeadlinesBy, queryReceivedBy, type AggFilter, type Period } from './aggregate-queries';
import { effectiveScope } from '../runtime/access';
import type { CurDatabase } from './schema';

export type RatingDimension = 'municipality' | 'organisation';

export interface RatingQuery {
  dimension: RatingDimension;
  period: Period;
  previous: Period;
  /** Narrows the rating to one sector (or source); the unit dimension itself is never filtered. */
  filter: AggFilter;
  weights: RatingWeights;
  now: number;
  pack: RegionPack;
}

export interface RatedUnit extends RatingRow {
  counters: Counters;
  overdue: number;
  population: number | null;
  medianAnswerHours: number | null;
  repeatShare: number | null;
}

interface UnitName {
  id: string;
  name: string;
  population: number | null;
}

/** Units to rate: every municipality of the pack (even without appeals), or every organisation seen. */
function unitsOf(query: RatingQuery, current: Map<string, Counters>, previous: Map<string, Counters>): UnitName[] {
  if (query.dimension === 'municipality') {
    // Only the municipalities of the viewer's scope (the others are not theirs to compare), and within
    // a municipality group the members are rated among themselves.
    const allowed = effectiveScope().municipalities;
    const members = query.filter.municipalities ? new Set(query.filter.municipalities) : null;
    return query.pack.municipalities
      .filter((m) => (allowed === null || allowed.includes(m.id)) && (members === null || members.has(m.id)))
      .map((m) => ({ id: m.id, name: m.shortName ?? m.name, population: populationOf(m)?.value ?? null }));
  }
  const ids = new Set([...current.keys(), ...previous.keys()]);
  // '' collects appeals without an organisation: a data-quality bucket, not a body to rate.
  ids.delete('');
  return [...ids].map((id) => ({ id, name: id, population: null }));
}


export async function queryRating(db: CurDatabase, query: RatingQuery): Promise<RatedUnit[]> {
  const [current, previous, deadlines] = await Promise.all([
    queryReceivedBy(db, query.period, query.filter, query.dimension),
    queryReceivedBy(db, query.previous, query.filter, query.dimension),
    queryDeadlinesBy(db, query.filter, query.now, query.dimension),
  ]);
  const units = unitsOf(query, current, previous);
  // The previous period is rated without today's overdue backlog, which belongs to now.
  const previousRows = computeRating(
    units.map((u) => ratingUnitOf(u, previous.get(u.id), 0)),
    query.weights,
  );
  const rows = computeRating(
    units.map((u) => ratingUnitOf(u, current.get(u.id), deadlines.get(u.id)?.overdue ?? 0)),
    query.weights,
    previousRows,
  );
  const byId = new Map(units.map((u) => [u.id, u]));
  return rows.map((row) => {
    const counters = current.get(row.id) ?? emptyCounters();
    return {
      ...row,
      counters,
      overdue: deadlines.get(row.id)?.overdue ?? 0,
      population: byId.get(row.id)?.population ?? null,
      medianAnswerHours: approxMedianAnswerHours(counters),
      repeatShare: counters.received > 0 ? counters.repeat / counters.received : null,
    };
  });
}
