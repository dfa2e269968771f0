/**
 * Every read the wall makes. Numbers come only from the store's incremental aggregates
 * (renderer/db/aggregate-queries.ts); the two bounded index reads below (latest categories of a
 * sector, latest coordinates) are capped by `limit` and project each row to the one or two
 * fields they need at once, so no text, address or personal field is kept or reaches a view.
 */
import { scopePredicate } from '../../../shared/access/scope';
import { effectiveScope } from '../../runtime/access';
import type { CurDatabase } from '../../db/schema';
import {
  queryDeadlines,
  queryDeadlinesBy,
  queryOverdueAgeing,
  queryReceivedBy,
} from '../../db/aggregate-queries';
import type { Counters } from '../../db/aggregate-model';
import { queryRating, type RatedUnit } from '../../db/rating-queries';
import { loadWeights } from '../../db/rating-weights';
import { queryCategoriesBy } from '../../db/category-queries';
import type { RegionPack } from '../../../shared/domain/region-pack';
import { regionDayEnd, regionDayStart } from '../../../shared/domain/time';
import type { DayRange } from '../../../shared/wall';

export type { Counters, RatedUnit };

export interface WallFilter {
  sector?: string;
  municipality?: string;
  /** Any of these municipalities (the presenter's area or focus); [] matches nothing. */
  municipalities?: readonly string[];
  source?: string;
}

export interface DeadlineCounts {
  open: number;
  overdue: number;
  atRisk24h: number;
  atRisk3wd: number;
}

export type Ageing = Awaited<ReturnType<typeof queryOverdueAgeing>>;

export interface HeatmapData {
  current: Map<string, Counters>;
  previous: Map<string, Counters>;
  deadlines: Map<string, DeadlineCounts>;
}

export async function loadHeatmap(db: CurDatabase, range: DayRange, previous: DayRange, filter: WallFilter, now: number): Promise<HeatmapData> {
  const [current, before, deadlines] = await Promise.all([
    queryReceivedBy(db, range, filter, 'municipality'),
    queryReceivedBy(db, previous, filter, 'municipality'),
    queryDeadlinesBy(db, filter, now, 'municipality'),
  ]);
  return { current, previous: before, deadlines };
}

export interface OverdueData {
  total: DeadlineCounts;
  bySector: Map<string, DeadlineCounts>;
  byOrganisation: Map<string, DeadlineCounts>;
  ageing: Ageing;
}

export async function loadOverdue(db: CurDatabase, filter: WallFilter, now: number): Promise<OverdueData> {
  const [total, bySector, byOrganisation, ageing] = await Promise.all([
    queryDeadlines(db, filter, now),
    queryDeadlinesBy(db, filter, now, 'sector'),
    queryDeadlinesBy(db, filter, now, 'organisation'),
    queryOverdueAgeing(db, filter, now),
  ]);
  return { total, bySector, byOrganisation, ageing };
}

export interface SectorsData {
  received: Map<string, Counters>;
  deadlines: Map<string, DeadlineCounts>;
  /** Per sector, received per day over the range (oldest first, zero-filled). */
  daily: Map<string, number[]>;
}

export async function loadSectors(
  db: CurDatabase,
  range: DayRange,
  days: readonly string[],
  sectorIds: readonly string[],
  filter: WallFilter,
  now: number,
): Promise<SectorsData> {
  const base = { ...filter, sector: undefined };
  const [received, deadlines, perSector] = await Promise.all([
    queryReceivedBy(db, range, base, 'sector'),
    queryDeadlinesBy(db, base, now, 'sector'),
    Promise.all(sectorIds.map((sector) => queryReceivedBy(db, range, { ...base, sector }, 'day'))),
  ]);
  const daily = new Map<string, number[]>();
  sectorIds.forEach((sector, i) => daily.set(sector, seriesOf(perSector[i] ?? new Map(), days)));
  return { received, deadlines, daily };
}

export interface DynamicsData {
  bySource: Map<string, number[]>;
  bySector: Map<string, number[]>;
}

export async function loadDynamics(
  db: CurDatabase,
  range: DayRange,
  days: readonly string[],
  sources: readonly string[],
  sectorIds: readonly string[],
  filter: WallFilter,
): Promise<DynamicsData> {
  const [perSource, perSector] = await Promise.all([
    Promise.all(sources.map((source) => queryReceivedBy(db, range, { ...filter, source }, 'day'))),
    Promise.all(sectorIds.map((sector) => queryReceivedBy(db, range, { ...filter, sector }, 'day'))),
  ]);
  const bySource = new Map<string, number[]>();
  sources.forEach((s, i) => bySource.set(s, seriesOf(perSource[i] ?? new Map(), days)));
  const bySector = new Map<string, number[]>();
  sectorIds.forEach((s, i) => bySector.set(s, seriesOf(perSector[i] ?? new Map(), days)));
  return { bySource, bySector };
}

/** The municipality rating, the same rows as the operator's rating screen (store's queryRating). */
export async function loadRating(
  db: CurDatabase,
  pack: RegionPack,
  range: DayRange,
  previous: DayRange,
  filter: WallFilter,
  now: number,
): Promise<RatedUnit[]> {
  const weights = await loadWeights(db);
  // Pass the unit filter (wall scope's unitFilter): a municipality focus highlights its row instead,
  // while an area's municipalities limit the rows ranked.
  const base = { ...filter, municipality: undefined };
  return queryRating(db, { dimension: 'municipality', period: range, previous, filter: base, weights, now, pack });
}

function seriesOf(byDay: Map<string, Counters>, days: readonly string[]): number[] {
  return days.map((day) => byDay.get(day)?.received ?? 0);
}

/**
 * The most frequent category of each sector in the range. Without a municipality selection (focus
 * or area) this is exact, from the category aggregate; with one (the aggregate has no municipality)
 * it is the most frequent among the sector's latest appeals there.
 */
export async function topCategoryBySector(
  db: CurDatabase,
  sectorIds: readonly string[],
  range: DayRange,
  timeZone: string,
  municipalities: readonly string[] | undefined,
  sample: number,
): Promise<(string | null)[]> {
  if (municipalities === undefined) {
    const bySector = await queryCategoriesBy(db, range, null);
    return sectorIds.map((id) => mostFrequent(bySector.get(id) ?? new Map()));
  }
  const members = new Set(municipalities);
  return Promise.all(sectorIds.map((id) => latestTopCategory(db, id, range, timeZone, members, sample)));
}

/** The key with the highest count; ties go to the alphabetically first, so the wall does not flicker. */
function mostFrequent(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [category, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && category < best)) {
      best = category;
      bestCount = n;
    }
  }
  return best;
}

/**
 * The most frequent categories among the latest `limit` appeals of a sector in the range
 * (a bounded read of the [sector+receivedAt] index, newest first).
 */
async function latestTopCategory(
  db: CurDatabase,
  sector: string,
  range: DayRange,
  timeZone: string,
  municipalities: ReadonlySet<string>,
  limit: number,
): Promise<string | null> {
  const from = regionDayStart(range.from, timeZone);
  const to = regionDayEnd(range.to, timeZone);
  const counts = new Map<string, number>();
  const inScope = scopePredicate(effectiveScope());
  await db.appeals
    .where('[sector+receivedAt]')
    .between([sector, from], [sector, to], true, true)
    .reverse()
    .limit(limit)
    .each((row) => {
      // Project at once: only the category (and municipality for the selection) are looked at.
      if (row.municipality === null || !municipalities.has(row.municipality)) return;
      if (!inScope(row.sector, row.muniKey)) return;
      if (row.category) counts.set(row.category, (counts.get(row.category) ?? 0) + 1);
    });
  return mostFrequent(counts);
}

export interface GeoPoint {
  lon: number;
  lat: number;
}

/** Coordinates of the latest `limit` geolocated appeals in the range (bounded index read). */
export async function latestPoints(db: CurDatabase, range: DayRange, timeZone: string, filter: WallFilter, limit: number): Promise<GeoPoint[]> {
  const from = regionDayStart(range.from, timeZone);
  const to = regionDayEnd(range.to, timeZone);
  const points: GeoPoint[] = [];
  // The presenter's scope (runtime/access.ts): points of other sectors or municipalities stay off the wall.
  const inScope = scopePredicate(effectiveScope());
  await db.appeals
    .where('receivedAt')
    .between(from, to, true, true)
    .reverse()
    .limit(limit)
    .each((row) => {
      if (row.lat === null || row.lon === null) return;
      if (!inScope(row.sector, row.muniKey)) return;
      if (filter.sector && row.sector !== filter.sector) return;
      if (filter.municipality && row.municipality !== filter.municipality) return;
      if (filter.municipalities && (row.municipality === null || !filter.municipalities.includes(row.municipality))) return;
      points.push({ lon: row.lon, lat: row.lat });
    });
  return points;
}
