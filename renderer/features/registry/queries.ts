/**
 * The registry's reads: one page of matching appeals at a time (by index key range, or through the
 * search index's ranked ids for a text query), every page of a filter for exports, and the count.
 */
import type { CurDatabase, StoredAppeal } from '../../db/schema';
import type { RegistryFilter, RegistrySort } from '../../app/registry-filter';
import { scanPage, type PageCursor } from '../../search/key-range-paging';
import type { SearchIndexBuilder } from '../../search/search-builder';
import { effectiveSort, matchesFilter, planScan, resolveBounds, type RegistryBounds } from './query-plan';

export interface RegistryQueryContext {
  db: CurDatabase;
  now: number;
  timeZone: string;
  search: SearchIndexBuilder;
}

/** Where the next page starts: an index position, or an offset into the ranked search hits. */
export type RegistryCursor = { kind: 'index'; pos: PageCursor } | { kind: 'hits'; offset: number };

export interface RegistryPage {
  rows: StoredAppeal[];
  next: RegistryCursor | null;
  sort: RegistrySort;
  /** Rows looked at to fill the page (for benchmarks and the "still searching" hint). */
  scanned: number;
}

export const PAGE_SIZE = 200;
/** Most rows one interactive page request reads before returning a short page. */
export const PAGE_SCAN_BUDGET = 20_000;

let hitsCache: { builder: SearchIndexBuilder; q: string; size: number; ids: string[] } | null = null;

async function searchHits(search: SearchIndexBuilder, q: string): Promise<string[]> {
  await search.catchUp();
  const size = search.index.size;
  if (hitsCache && hitsCache.builder === search && hitsCache.q === q && hitsCache.size === size) return hitsCache.ids;
  const ids = search.index.search(q);
  hitsCache = { builder: search, q, size, ids };
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
  maxScanned = 200_000,
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
