/**
 * How a registry filter becomes an IndexedDB read: which index, which key range, which direction,
 * and the predicate every row must still pass. The index only narrows and orders; `matchesFilter`
 * is the full truth, so a plan can never return a wrong row, only scan more or fewer of them.
 */
import type { StoredAppeal } from '../../db/schema';
import { scopePredicate } from '../../../shared/access/scope';
import { effectiveScope } from '../../runtime/access';
import type { IndexRange } from '../../search/key-range-paging';
import type { ListConditions, ListKey, RegistryFilter, RegistrySort } from '../../app/registry-filter';
import { LIST_KEYS, NONE_VALUE, UNKNOWN_MUNICIPALITY } from '../../app/registry-filter';
import { answerTimelinessOf, hasAnswerTime, isFinished, isPostponed, isRated, isSatisfied } from '../../../shared/domain/outcome';
import { regionDayEnd, regionDayStart } from '../../../shared/domain/time';
import { workCalendar } from '../../../shared/domain/calendar';
import { deadlineBands, type DeadlineBands } from '../../db/deadline-bands';

/** The instants a filter needs, resolved once per query in the region's time zone. */
export interface RegistryBounds {
  now: number;
  /** Inclusive lower bound of receivedAt, or null. */
  receivedFrom: number | null;
  /** Exclusive upper bound of receivedAt, or null. */
  receivedUntil: number | null;
  /** The same deadline bands the deadline aggregates count with, so links and numbers agree. */
  bands: DeadlineBands;
  /** The viewer's scope (runtime/access.ts), compiled once per query: rows outside it never match. */
  inScope: (sector: string, muniKey: string) => boolean;
}

export function resolveBounds(filter: RegistryFilter, now: number, timeZone: string): RegistryBounds {
  return {
    now,
    receivedFrom: filter.from ? regionDayStart(filter.from, timeZone) : null,
    receivedUntil: filter.to ? regionDayEnd(filter.to, timeZone) + 1 : null,
    bands: deadlineBands(now, timeZone, workCalendar),
    inScope: scopePredicate(effectiveScope()),
  };
}

/** The index read for a filter. */
export interface ScanPlan extends IndexRange {
  /** The order the rows come out in (may differ from the requested sort, see planScan). */
  sort: Exclude<RegistrySort, 'relevance'>;
}

/** The sort actually used for a filter: text queries rank by relevance. */
export function effectiveSort(filter: RegistryFilter): RegistrySort {
  if (filter.q) return 'relevance';
  return filter.sort && filter.sort !== 'relevance' ? filter.sort : 'received-desc';
}

/** The leading key of a compound index: the municipality (narrower) or else the sector, if filtered. */
function prefixOf(filter: RegistryFilter): { field: 'muniKey' | 'sector'; key: string } | null {
  if (filter.municipality !== undefined) return { field: 'muniKey', key: muniKeyOf(filter.municipality) };
  if (filter.sector !== undefined) return { field: 'sector', key: filter.sector };
  return null;
}

/**
 * Chooses the index for a (non-text) filter:
 * - sort by deadline → the open-deadline index, `[muniKey+openDueAt]` with a municipality, else
 *   `[sector+openDueAt]` with a sector, else `openDueAt`; the range is cut to the deadline band
 *   (overdue = below now). These indexes hold open appeals only, so they stay small;
 * - sort by receipt → the narrowest receivedAt-ordered index: `[muniKey+receivedAt]` with a
 *   municipality, else `[sector+receivedAt]` with a sector, else `receivedAt`; the period becomes
 *   the key range in all three.
 * Everything else is checked per row by `matchesFilter`, bounded by the page scan budget.
 */
export function planScan(filter: RegistryFilter, bounds: RegistryBounds): ScanPlan {
  const sort = effectiveSort(filter);
  const prefix = prefixOf(filter);
  if (sort === 'due-asc' || sort === 'due-desc') {
    let from: number | undefined;
    let until: number | undefined;
    if (filter.deadline === 'overdue') until = bounds.now;
    else if (filter.deadline === 'at-risk-24h') [from, until] = [bounds.now, riskEnd(bounds.bands, 'day')];
    else if (filter.deadline === 'at-risk-3wd') [from, until] = [bounds.now, riskEnd(bounds.bands, 'work')];
    const plan: ScanPlan = {
      index: prefix ? `[${prefix.field}+openDueAt]` : 'openDueAt',
      lowerOpen: false,
      upperOpen: true,
      direction: sort === 'due-asc' ? 'next' : 'prev',
      sort,
    };
    if (prefix) {
      plan.lower = [prefix.key, from ?? -Infinity];
      plan.upper = [prefix.key, until ?? Infinity];
    } else {
      if (from !== undefined) plan.lower = from;
      if (until !== undefined) plan.upper = until;
    }
    return plan;
  }
  const direction = sort === 'received-asc' ? 'next' : 'prev';
  const from = bounds.receivedFrom ?? -Infinity;
  const until = bounds.receivedUntil ?? Infinity;
  const orderSort = sort === 'received-asc' ? 'received-asc' : 'received-desc';
  if (prefix) {
    return {
      index: `[${prefix.field}+receivedAt]`,
      lower: [prefix.key, from],
      upper: [prefix.key, until],
      lowerOpen: false,
      upperOpen: true,
      direction,
      sort: orderSort,
    };
  }
  const plan: ScanPlan = { index: 'receivedAt', lowerOpen: false, upperOpen: true, direction, sort: orderSort };
  if (bounds.receivedFrom !== null) plan.lower = bounds.receivedFrom;
  if (bounds.receivedUntil !== null) plan.upper = bounds.receivedUntil;
  return plan;
}

/** End of a risk band over both day-based and hour-based deadlines (the index cannot tell them apart). */
function riskEnd(bands: DeadlineBands, band: 'day' | 'work'): number {
  return Math.max(bands.hourRiskEnd, band === 'day' ? bands.dayRiskEnd : bands.workRiskEnd);
}

function muniKeyOf(municipality: string): string {
  return municipality === UNKNOWN_MUNICIPALITY ? '' : municipality;
}

/** The full filter, row by row (except the text query, which the search index answers). */
export function matchesFilter(row: StoredAppeal, filter: RegistryFilter, bounds: RegistryBounds): boolean {
  if (!bounds.inScope(row.sector, row.muniKey)) return false;
  if (bounds.receivedFrom !== null && row.receivedAt < bounds.receivedFrom) return false;
  if (bounds.receivedUntil !== null && row.receivedAt >= bounds.receivedUntil) return false;
  if (filter.source !== undefined && row.source !== filter.source) return false;
  if (filter.channel !== undefined && (row.channel || NONE_VALUE) !== filter.channel) return false;
  if (filter.sector !== undefined && row.sector !== filter.sector) return false;
  if (filter.category !== undefined && (row.category || NONE_VALUE) !== filter.category) return false;
  if (filter.municipality !== undefined && row.muniKey !== muniKeyOf(filter.municipality)) return false;
  if (filter.organisation !== undefined && (row.orgCurrent || NONE_VALUE) !== filter.organisation) return false;
  if (filter.among && !matchesLists(row, filter.among, true)) return false;
  if (filter.except && !matchesLists(row, filter.except, false)) return false;
  if (filter.status !== undefined && !filter.status.includes(row.status)) return false;
  if (filter.repeat !== undefined && row.isRepeat !== filter.repeat) return false;
  if (filter.answered !== undefined && isFinished(row) !== filter.answered) return false;
  if (filter.postponed !== undefined && isPostponed(row) !== filter.postponed) return false;
  if (filter.answerTime !== undefined && hasAnswerTime(row) !== filter.answerTime) return false;
  if (filter.satisfaction !== undefined && !matchesSatisfaction(row, filter.satisfaction)) return false;
  if (filter.deadline !== undefined && !matchesDeadline(row, filter.deadline, bounds)) return false;
  if (filter.outcome !== undefined && (row.outcome ?? NONE_VALUE) !== filter.outcome) return false;
  if (filter.reaction !== undefined && (row.reaction ?? NONE_VALUE) !== filter.reaction) return false;
  if (filter.importance !== undefined && (row.importance ?? NONE_VALUE) !== filter.importance) return false;
  if (filter.executor !== undefined && (row.executor ?? NONE_VALUE) !== filter.executor) return false;
  if (filter.fastTrack !== undefined && row.fastTrack !== filter.fastTrack) return false;
  if (filter.rating !== undefined && (isRated(row.rating) ? Math.round(row.rating) : 0) !== filter.rating) return false;
  return true;
}

/** A row's value of a list key as filters spell it (`-` for none). */
export function listValueOf(row: StoredAppeal, key: ListKey): string {
  switch (key) {
    case 'sector':
      return row.sector || NONE_VALUE;
    case 'category':
      return row.category || NONE_VALUE;
    case 'municipality':
      return row.muniKey === '' ? UNKNOWN_MUNICIPALITY : row.muniKey;
    case 'organisation':
      return row.orgCurrent || NONE_VALUE;
    case 'channel':
      return row.channel || NONE_VALUE;
    case 'outcome':
      return row.outcome ?? NONE_VALUE;
    case 'reaction':
      return row.reaction ?? NONE_VALUE;
    case 'importance':
      return row.importance ?? NONE_VALUE;
    case 'executor':
      return row.executor || NONE_VALUE;
  }
}

/** Every listed key's value is (`inside`) or is not (`!inside`) among its list. */
function matchesLists(row: StoredAppeal, lists: ListConditions, inside: boolean): boolean {
  for (const key of LIST_KEYS) {
    const values = lists[key];
    if (values && values.includes(listValueOf(row, key)) !== inside) return false;
  }
  return true;
}

/** Rated and satisfied exactly as the aggregates count them (shared/domain/outcome). */
function matchesSatisfaction(row: StoredAppeal, satisfaction: NonNullable<RegistryFilter['satisfaction']>): boolean {
  switch (satisfaction) {
    case 'rated':
      return isRated(row.rating);
    case 'unrated':
      return !isRated(row.rating);
    case 'satisfied':
      return isSatisfied(row.rating);
    case 'unsatisfied':
      return isRated(row.rating) && !isSatisfied(row.rating);
  }
}

/** Deadline bands exactly as the deadline aggregates count them (renderer/db/deadline-bands.ts):
 *  open appeals by their current deadline; hour-based deadlines (ИМ) are at risk within 3 hours.
 *  Open and answered on time / late by the shared predicates the received aggregates use. */
function matchesDeadline(row: StoredAppeal, state: NonNullable<RegistryFilter['deadline']>, bounds: RegistryBounds): boolean {
  const due = row.openDueAt;
  const b = bounds.bands;
  const hourBased = row.deadline?.hourBased === true;
  switch (state) {
    case 'overdue':
      return due !== undefined && due < b.now;
    case 'at-risk-24h':
      return due !== undefined && due >= b.now && due < (hourBased ? b.hourRiskEnd : b.dayRiskEnd);
    case 'at-risk-3wd':
      return due !== undefined && due >= b.now && due < (hourBased ? b.hourRiskEnd : b.workRiskEnd);
    case 'in-time':
      return due !== undefined && due >= (hourBased ? b.hourRiskEnd : b.dayRiskEnd);
    case 'open':
      return !isFinished(row);
    case 'answered-on-time':
      return answerTimelinessOf(row) === 'on-time';
    case 'answered-late':
      return answerTimelinessOf(row) === 'late';
    case 'no-deadline':
      return row.deadline === null;
  }
}
