/**
 * Turns aggregate counters into the heat map's per-municipality measures and the wall's
 * rankings. Inputs are structural subsets of the store's aggregate results, so this module
 * stays pure and testable without the database.
 */

export const HEAT_MEASURES = ['per10k', 'overdue', 'overdueShare', 'growth', 'satisfaction'] as const;
export type HeatMeasure = (typeof HEAT_MEASURES)[number];

/** The part of the store's `Counters` the wall uses. */
export interface ReceivedCounts {
  received: number;
  answered: number;
  answeredOnTime: number;
  rated: number;
  satisfied: number;
}

import type { DeadlineCounts } from '../domain/deadline-counts';
export type { DeadlineCounts };

export interface UnitInput {
  id: string;
  name: string;
  /** Residents, or null when the region pack does not know it. */
  population: number | null;
}

export interface UnitMeasures {
  id: string;
  name: string;
  received: number;
  /** Appeals per 10,000 residents; null when the population is unknown (shown «—», never guessed). */
  per10k: number | null;
  overdue: number;
  /** Overdue among open appeals (0..1); null without open appeals. */
  overdueShare: number | null;
  /** Change of received vs the previous period (0.12 = +12 %); null when the previous period had none. */
  growth: number | null;
  /** Share of ratings 4–5 (0..1); null without ratings. */
  satisfaction: number | null;
}

const EMPTY_RECEIVED: ReceivedCounts = { received: 0, answered: 0, answeredOnTime: 0, rated: 0, satisfied: 0 };
const EMPTY_DEADLINES: DeadlineCounts = { open: 0, overdue: 0, atRisk24h: 0, atRisk3wd: 0 };

export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function unitMeasures(
  units: readonly UnitInput[],
  current: ReadonlyMap<string, ReceivedCounts>,
  previous: ReadonlyMap<string, ReceivedCounts>,
  deadlines: ReadonlyMap<string, DeadlineCounts>,
): UnitMeasures[] {
  return units.map((unit) => {
    const now = current.get(unit.id) ?? EMPTY_RECEIVED;
    const before = previous.get(unit.id) ?? EMPTY_RECEIVED;
    const due = deadlines.get(unit.id) ?? EMPTY_DEADLINES;
    const population = unit.population !== null && unit.population > 0 ? unit.population : null;
    return {
      id: unit.id,
      name: unit.name,
      received: now.received,
      per10k: population === null ? null : (now.received / population) * 10_000,
      overdue: due.overdue,
      overdueShare: share(due.overdue, due.open),
      growth: before.received > 0 ? (now.received - before.received) / before.received : null,
      satisfaction: share(now.satisfied, now.rated),
    };
  });
}

/** Why a unit has no value for a measure, so a legend can say it instead of a silent grey. */
export type MissingReason = 'noPopulation' | 'noOpen' | 'noPrevious' | 'noRatings';

const MISSING_REASON: Record<HeatMeasure, MissingReason | null> = {
  per10k: 'noPopulation',
  overdue: null,
  overdueShare: 'noOpen',
  growth: 'noPrevious',
  satisfaction: 'noRatings',
};

/** How many units have no value for the measure, with the one reason that measure can lack it. */
export function missingValues(units: readonly UnitMeasures[], measure: HeatMeasure): { reason: MissingReason; count: number } | null {
  const reason = MISSING_REASON[measure];
  if (reason === null) return null;
  const count = units.filter((u) => measureValue(u, measure) === null).length;
  return count > 0 ? { reason, count } : null;
}

export function measureValue(unit: UnitMeasures, measure: HeatMeasure): number | null {
  return unit[measure];
}

/**
 * The top `n` units by a measure (highest first; for satisfaction, lowest first, because the
 * room wants to see where people are least satisfied). Units without a value are left out.
 */
export function topUnits(units: readonly UnitMeasures[], measure: HeatMeasure, n = 5): UnitMeasures[] {
  const direction = measure === 'satisfaction' ? 1 : -1;
  return units
    .filter((u) => measureValue(u, measure) !== null)
    .sort((a, b) => direction * ((measureValue(a, measure) as number) - (measureValue(b, measure) as number)) || a.name.localeCompare(b.name, 'ru'))
    .slice(0, n);
}

/** Entries of a keyed count map sorted by a value, highest first, ties by key. */
export function rankBy<T>(entries: Iterable<[string, T]>, value: (t: T) => number, n: number): Array<[string, T]> {
  return [...entries]
    .filter(([, t]) => value(t) > 0)
    .sort((a, b) => value(b[1]) - value(a[1]) || a[0].localeCompare(b[0], 'ru'))
    .slice(0, n);
}
