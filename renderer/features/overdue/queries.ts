/**
 * Reads of the overdue control view. Counts come from the deadline aggregates; lists of actual
 * appeals walk the `openDueAt` index (open appeals only, ordered by deadline) one key range at a
 * time, never by offset and never over the whole table.
 */
import { scopePredicate } from '../../../shared/access/scope';
import { effectiveScope } from '../../runtime/access';
import { useLiveQuery } from 'dexie-react-hooks';
import type { CurDatabase, StoredAppeal } from '../../db/schema';
import { getDb } from '../../db/db';
import { queryDeadlines, queryDeadlinesBy, queryOverdueAgeing, type AggFilter } from '../../db/aggregate-queries';
import { deadlineBands } from '../../db/deadline-bands';
import {
  listCurRecordsForAppeals,
  listEscalations,
  listInfoRequests,
  type CurRecordFilter,
  type Escalation,
  type EscalationStatus,
  type InfoRequest,
  type InfoRequestStatus,
} from '../../db/cur-records-repo';
import { workCalendar } from '../../../shared/domain/calendar';
import {
  groupByExecutor,
  isAfterCursor,
  listRange,
  narrowToBucket,
  rankOffenders,
  type AgeingBucket,
  type Ageing,
  type DeadlineCounts,
  type ExecutorRow,
  type OffenderRow,
  type OverdueListKind,
  type PageCursor,
} from './shape';

export const PAGE_SIZE = 50;
/** Executors have no aggregate: their grouping reads at most this many open appeals at risk or overdue. */
export const EXECUTOR_READ_CAP = 20_000;


export interface OverdueSummary {
  counts: DeadlineCounts;
  ageing: Ageing;
  organisations: OffenderRow[];
}

export async function loadOverdueSummary(db: CurDatabase, sector: string | null, now: number, municipalities: readonly string[] | null = null): Promise<OverdueSummary> {
  const filter: AggFilter = { ...(sector ? { sector } : {}), ...(municipalities ? { municipalities } : {}) };
  const [counts, ageing, byOrg] = await Promise.all([
    queryDeadlines(db, filter, now),
    queryOverdueAgeing(db, filter, now),
    queryDeadlinesBy(db, filter, now, 'organisation'),
  ]);
  return { counts, ageing, organisations: rankOffenders(byOrg) };
}

export function useOverdueSummary(sector: string | null, now: number, municipalities: readonly string[] | null = null): OverdueSummary | undefined {
  return useLiveQuery(() => loadOverdueSummary(getDb(), sector, now, municipalities), [sector, now, municipalities]);
}

export interface OverduePageQuery {
  kind: OverdueListKind;
  /** Overdue list only: one ageing bucket. */
  bucket?: AgeingBucket | null;
  sector: string | null;
  /** The global municipality scope's ids; null or absent for the whole region. */
  municipalities?: readonly string[] | null;
  now: number;
  /** Start strictly after this row; null = first page. */
  after: PageCursor | null;
  pageSize?: number;
}

export interface OverduePage {
  rows: StoredAppeal[];
  /** Cursor of the next page, or null at the end. */
  next: PageCursor | null;
}

/** Whether an appeal is within the global municipality scope (null: the whole region). */
function inScope(a: StoredAppeal, municipalities: readonly string[] | null | undefined): boolean {
  return !municipalities || municipalities.includes(a.muniKey);
}

function bandsAt(db: CurDatabase, now: number) {
  return deadlineBands(now, db.timeZone, workCalendar);
}

/**
 * Open appeals with a deadline in [lower, upper), in deadline order: within one sector through the
 * sparse `[sector+openDueAt]` index, so a sector's list never walks the other sectors' deadlines.
 */
function openByDeadline(db: CurDatabase, sector: string | null | undefined, lower: number, upper: number) {
  const range = sector
    ? db.appeals.where('[sector+openDueAt]').between([sector, lower], [sector, upper], true, false)
    : db.appeals.where('openDueAt').between(lower, upper, true, false);
  // Every overdue list and grouping reads through here: only appeals of the viewer's scope.
  const inScope = scopePredicate(effectiveScope());
  return range.and((a) => inScope(a.sector, a.muniKey));
}

/** One page of open appeals of a list, in deadline order (oldest deadline = worst first). */
export async function readOverduePage(db: CurDatabase, query: OverduePageQuery): Promise<OverduePage> {
  const size = query.pageSize ?? PAGE_SIZE;
  const bands = bandsAt(db, query.now);
  const range = narrowToBucket(listRange(query.kind, bands), query.kind === 'overdue' ? (query.bucket ?? null) : null, bands);
  const after = query.after;
  // Resume at the cursor's key (ties on the same deadline are ordered by id inside the index).
  const lower = after ? Math.max(range.lower, after.dueAt) : range.lower;
  if (lower >= range.upper) return { rows: [], next: null };
  const rows = await openByDeadline(db, query.sector, lower, range.upper)
    .filter(
      (a) =>
        a.openDueAt !== undefined &&
        isAfterCursor(a.openDueAt, a.id, after) &&
        (!query.sector || a.sector === query.sector) &&
        inScope(a, query.municipalities) &&
        range.accepts(a.openDueAt, a.deadline?.hourBased ?? false),
    )
    .limit(size + 1)
    .toArray();
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > size && last ? { dueAt: last.openDueAt!, id: last.id } : null };
}

export interface OverduePageView extends OverduePage {
  records: Map<string, { escalations: Escalation[]; infoRequests: InfoRequest[] }>;
}

export function useOverduePage(query: OverduePageQuery): OverduePageView | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const page = await readOverduePage(db, query);
    const records = await listCurRecordsForAppeals(
      db,
      page.rows.map((r) => r.id),
    );
    return { ...page, records };
  }, [query.kind, query.bucket, query.sector, query.municipalities, query.now, query.after?.dueAt, query.after?.id, query.pageSize]);
}

export interface ExecutorGroups {
  rows: ExecutorRow[];
  /** True when the cap was reached: the grouping covers the worst EXECUTOR_READ_CAP appeals only. */
  truncated: boolean;
  read: number;
}

/** Overdue and at-risk (3 working days) appeals grouped by executor, from one bounded index range. */
export async function loadExecutorGroups(db: CurDatabase, sector: string | null, now: number, municipalities: readonly string[] | null = null): Promise<ExecutorGroups> {
  const bands = bandsAt(db, now);
  const overdue = listRange('overdue', bands);
  const risk = listRange('at-risk-3wd', bands);
  const rows = await openByDeadline(db, sector, -Infinity, risk.upper)
    .filter(
      (a) =>
        a.openDueAt !== undefined &&
        (!sector || a.sector === sector) &&
        inScope(a, municipalities) &&
        (overdue.accepts(a.openDueAt, false) || risk.accepts(a.openDueAt, a.deadline?.hourBased ?? false)),
    )
    .limit(EXECUTOR_READ_CAP + 1)
    .toArray();
  const truncated = rows.length > EXECUTOR_READ_CAP;
  const used = truncated ? rows.slice(0, EXECUTOR_READ_CAP) : rows;
  return { rows: groupByExecutor(used, now), truncated, read: used.length };
}

export function useExecutorGroups(sector: string | null, now: number, municipalities: readonly string[] | null = null): ExecutorGroups | undefined {
  return useLiveQuery(() => loadExecutorGroups(getDb(), sector, now, municipalities), [sector, now, municipalities]);
}

export function useEscalations(filter: CurRecordFilter<EscalationStatus>): Escalation[] | undefined {
  return useLiveQuery(() => listEscalations(getDb(), filter), [filter.status, filter.sector, filter.since]);
}

export function useInfoRequests(filter: CurRecordFilter<InfoRequestStatus>): InfoRequest[] | undefined {
  return useLiveQuery(() => listInfoRequests(getDb(), filter), [filter.status, filter.sector, filter.since]);
}
