/**
 * The registry's reads: one page of matching appeals at a time (by index key range, or through the
 * search index's ranked ids for a text query), every page of a filter for exports, and the count.
 */
import type { CurDatabase, StoredAppeal } from '../../db/schema';
import { NONE_VALUE, UNKNOWN_MUNICIPALITY, type RegistryFilter, type RegistrySort } from '../../app/registry-filter';
import { queryDeadlines, queryReceived, type AggFilter, type Period } from '../../db/aggregate-queries';
import { scanPage, type PageCursor } from '../../search/key-range-paging';
import type { SearchIndexBuilder } from '../../search/search-builder';
import type { AnalyticsEngine } from '../../analytics-engine/engine';
import { compileRegistryFilter, countMatches, pageOfMatches, type EngineCursor } from '../../analytics-engine/registry-match';
import { effectiveSort, matchesFilter, planScan, resolveBounds, type RegistryBounds } from './query-plan';

export interface RegistryQueryContext {
  db: CurDatabase;
  now: number;
  timeZone: string;
  search: SearchIndexBuilder;
  /** The columnar index: when given, filters page and count from it instead of scanning an index range. */
  engine?: AnalyticsEngine;
}

/** Where the next page starts: an index position, or an offset into the ranked search hits. */
export type RegistryCursor = { kind: 'index'; pos: PageCursor } | { kind: 'hits'; offset: number } | { kind: 'engine'; pos: EngineCursor };

export interface RegistryPage {
  rows: StoredAppeal[];
  next: RegistryCursor | null;
  sort: RegistrySort;
  /** Rows looked at to fill the page (for benchmarks and the "still searching" hint). */
  scanned: number;
}

export const PAGE_SIZE = 200;
/** Most rows one interactive page request reads before returning a short page. */
export const PAGE_SCAN_BUDGET = 5_000;

let hitsCache: { builder: SearchIndexBuilder; q: string; version: number; ids: string[] } | null = null;

async function searchHits(search: SearchIndexBuilder, q: string): Promise<string[]> {
  await search.catchUp();
  const version = search.version;
  if (hitsCache && hitsCache.builder === search && hitsCache.q === q && hitsCache.version === version) return hitsCache.ids;
  const ids = await search.search(q);
  hitsCache = { builder: search, q, version: search.version, ids };
  return ids;
}

async function hitsPage(
  ctx: RegistryQueryContext,
  filter: RegistryFilter,
  bounds: RegistryBounds,
  offset: number,
  pageSize: number,
  scanBudget: number,
): Promise<RegistryPage> {
  const ids = await searchHits(ctx.search, filter.q!);
  const rows: StoredAppeal[] = [];
  let at = offset;
  let scanned = 0;
  while (at < ids.length && rows.length < pageSize && scanned < scanBudget) {
    const chunk = ids.slice(at, at + Math.min(pageSize, scanBudget - scanned));
    const records = await ctx.db.appeals.bulkGet(chunk);
    for (let i = 0; i < records.length; i++) {
      const row = records[i];
      at++;
      scanned++;
      if (row && matchesFilter(row, filter, bounds)) {
        rows.push(row);
        if (rows.length >= pageSize) break;
      }
    }
  }
  return { rows, next: at < ids.length ? { kind: 'hits', offset: at } : null, sort: 'relevance', scanned };
}

/**
 * A page from the columnar index: candidates in order from typed arrays, then just those rows read
 * by primary key. The row predicate runs again on what was read, so a row changed since the index
 * caught up is never shown under a filter it no longer matches.
 */
async function enginePage(
  ctx: RegistryQueryContext,
  engine: AnalyticsEngine,
  filter: RegistryFilter,
  bounds: RegistryBounds,
  after: EngineCursor | null,
  pageSize: number,
): Promise<RegistryPage> {
  const store = await engine.store();
  const sort = effectiveSort(filter) as Exclude<RegistrySort, 'relevance'>;
  const match = compileRegistryFilter(store, filter, ctx.now, ctx.timeZone);
  const page = pageOfMatches(store, match, sort, after, pageSize);
  const records = await ctx.db.appeals.bulkGet(page.rows.map((row) => store.ids[row]!));
  const rows = records.filter((r): r is StoredAppeal => r !== undefined && matchesFilter(r, filter, bounds));
  return { rows, next: page.next ? { kind: 'engine', pos: page.next } : null, sort, scanned: store.length };
}

/** One page of the filter's appeals after `after` (null = the first page). */
export async function fetchRegistryPage(
  ctx: RegistryQueryContext,
  filter: RegistryFilter,
  after: RegistryCursor | null,
  pageSize = PAGE_SIZE,
  scanBudget = PAGE_SCAN_BUDGET,
): Promise<RegistryPage> {
  const bounds = resolveBounds(filter, ctx.now, ctx.timeZone);
  if (filter.q) return hitsPage(ctx, filter, bounds, after?.kind === 'hits' ? after.offset : 0, pageSize, scanBudget);
  if (ctx.engine) return enginePage(ctx, ctx.engine, filter, bounds, after?.kind === 'engine' ? after.pos : null, pageSize);
  const plan = planScan(filter, bounds);
  const result = await scanPage(ctx.db, plan, after?.kind === 'index' ? after.pos : null, {
    pageSize,
    scanBudget,
    accept: (row) => matchesFilter(row, filter, bounds),
  });
  return {
    rows: result.rows,
    next: result.next ? { kind: 'index', pos: result.next } : null,
    sort: effectiveSort(filter),
    scanned: result.scanned,
  };
}

/** Every matching appeal, page by page (exports): memory holds one page at a time. */
export async function* iterateRegistry(ctx: RegistryQueryContext, filter: RegistryFilter, pageSize = 1_000): AsyncGenerator<StoredAppeal[]> {
  let after: RegistryCursor | null = null;
  do {
    const page: RegistryPage = await fetchRegistryPage(ctx, filter, after, pageSize, pageSize * 50);
    if (page.rows.length > 0) yield page.rows;
    after = page.next;
  } while (after);
}

export interface BoundedCount {
  count: number;
  /** False when counting stopped at the cap: the true count is at least `count`. */
  exact: boolean;
}

/** Counts matching rows by reading them, up to `cap` matches or `maxScanned` rows read. */
export async function countBounded(
  ctx: RegistryQueryContext,
  filter: RegistryFilter,
  cap = 10_000,
  maxScanned = 50_000,
): Promise<BoundedCount> {
  let after: RegistryCursor | null = null;
  let count = 0;
  let scanned = 0;
  do {
    const page: RegistryPage = await fetchRegistryPage(ctx, filter, after, Math.min(5_000, cap + 1 - count), 20_000);
    count += page.rows.length;
    scanned += page.scanned;
    after = page.next;
    if (count > cap) return { count: cap, exact: false };
    if (scanned >= maxScanned && after) return { count, exact: false };
  } while (after);
  return { count, exact: true };
}

export interface RegistryCount extends BoundedCount {
  /** How the number was obtained: from the write-time aggregates, the columnar index, or by reading rows. */
  via: 'aggregates' | 'index' | 'rows';
}

const ALL_TIME: Period = { from: '0000-01-01', to: '9999-12-31' };

type CounterKey =
  | 'received'
  | 'repeat'
  | 'open'
  | 'answered'
  | 'postponed'
  | 'answerHoursCount'
  | 'answeredOnTime'
  | 'answeredLate'
  | 'noDeadline'
  | 'rated'
  | 'satisfied';

/**
 * Which aggregate counter answers the filter, if any: the aggregates are keyed by received day ×
 * sector × municipality × source × organisation, so those dimensions plus one counter qualify.
 */
export function aggregateCounterFor(filter: RegistryFilter): { kind: 'received'; counter: CounterKey } | { kind: 'deadline'; counter: 'overdue' | 'atRisk24h' | 'atRisk3wd' | 'open' } | null {
  if (filter.q || filter.channel !== undefined || filter.category !== undefined || filter.status !== undefined) return null;
  if (filter.among || filter.except) return null;
  const beyondAggregates = [filter.outcome, filter.reaction, filter.importance, filter.executor, filter.fastTrack, filter.rating];
  if (beyondAggregates.some((v) => v !== undefined)) return null;
  const extra = [filter.deadline, filter.repeat, filter.answered, filter.postponed, filter.answerTime, filter.satisfaction].filter((v) => v !== undefined).length;
  if (extra > 1) return null;
  if (filter.repeat === false || filter.postponed === false || filter.answerTime === false) return null;
  if (filter.repeat === true) return { kind: 'received', counter: 'repeat' };
  if (filter.answered !== undefined) return { kind: 'received', counter: filter.answered ? 'answered' : 'open' };
  if (filter.postponed === true) return { kind: 'received', counter: 'postponed' };
  if (filter.answerTime === true) return { kind: 'received', counter: 'answerHoursCount' };
  if (filter.satisfaction === 'rated') return { kind: 'received', counter: 'rated' };
  if (filter.satisfaction === 'satisfied') return { kind: 'received', counter: 'satisfied' };
  if (filter.satisfaction !== undefined) return null;
  const hasPeriod = filter.from !== undefined || filter.to !== undefined;
  switch (filter.deadline) {
    case undefined:
      return { kind: 'received', counter: 'received' };
    case 'open':
      return { kind: 'received', counter: 'open' };
    case 'answered-on-time':
      return { kind: 'received', counter: 'answeredOnTime' };
    case 'answered-late':
      return { kind: 'received', counter: 'answeredLate' };
    case 'no-deadline':
      return { kind: 'received', counter: 'noDeadline' };
    case 'overdue':
      return hasPeriod ? null : { kind: 'deadline', counter: 'overdue' };
    case 'at-risk-24h':
      return hasPeriod ? null : { kind: 'deadline', counter: 'atRisk24h' };
    case 'at-risk-3wd':
      return hasPeriod ? null : { kind: 'deadline', counter: 'atRisk3wd' };
    case 'in-time':
      return null;
  }
}

/** «Найдено N»: exact from the aggregates when the filter allows, otherwise a bounded row count. */
export async function countRegistry(ctx: RegistryQueryContext, filter: RegistryFilter): Promise<RegistryCount> {
  // The columnar index counts any filter exactly, from the same arrays the pages come from.
  if (ctx.engine && !filter.q) {
    const store = await ctx.engine.store();
    return { count: countMatches(store, compileRegistryFilter(store, filter, ctx.now, ctx.timeZone)), exact: true, via: 'index' };
  }
  const agg = aggregateCounterFor(filter);
  if (agg) {
    const aggFilter: AggFilter = {
      sector: filter.sector ?? null,
      municipality: filter.municipality === undefined ? null : filter.municipality === UNKNOWN_MUNICIPALITY ? '' : filter.municipality,
      source: filter.source ?? null,
      organisation: filter.organisation === undefined ? null : filter.organisation === NONE_VALUE ? '' : filter.organisation,
    };
    if (agg.kind === 'deadline') {
      const counts = await queryDeadlines(ctx.db, aggFilter, ctx.now);
      return { count: counts[agg.counter], exact: true, via: 'aggregates' };
    }
    const period: Period = { from: filter.from ?? ALL_TIME.from, to: filter.to ?? ALL_TIME.to };
    const counters = await queryReceived(ctx.db, period, aggFilter);
    return { count: counters[agg.counter], exact: true, via: 'aggregates' };
  }
  return { ...(await countBounded(ctx, filter)), via: 'rows' };
}
