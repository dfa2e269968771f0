/**
 * Reading the audit log newest first, a page at a time, by the `at` index. Each page continues
 * from the last row of the previous one with a key range (at ≤ last.at, ties below last.id), never
 * an offset: a page costs the same wherever it is, and rows written meanwhile at the top do not
 * shift what the next page returns.
 */
import type { AuditRow, CurDatabase } from '../../db/schema';

export const AUDIT_PAGE = 100;

export interface AuditQuery {
  /** Only these actions; null: every action (unknown ones too). */
  actions: readonly string[] | null;
  /** Instants (epoch ms), from inclusive, to exclusive; null: open-ended. */
  from: number | null;
  to: number | null;
}

/** Where the previous page ended. */
export interface AuditCursor {
  at: number;
  id: number;
}

export interface AuditPage {
  rows: AuditRow[];
  /** The cursor of the next page; null when this page reached the end. */
  next: AuditCursor | null;
}

export async function readAuditPage(db: CurDatabase, query: AuditQuery, after: AuditCursor | null, limit = AUDIT_PAGE): Promise<AuditPage> {
  const lower = query.from ?? -Infinity;
  // `to` is exclusive; with a cursor the range ends at its instant, ties resolved by id below.
  const upper = after ? Math.min(after.at, query.to ?? Infinity) : (query.to ?? Infinity);
  const upperOpen = !after && query.to !== null;
  if (lower > upper) return { rows: [], next: null };
  const actions = query.actions ? new Set(query.actions) : null;
  // A reverse cursor over `at` visits equal instants in descending primary key order.
  const rows = await db.auditHome.audit
    .where('at')
    .between(lower, upper, true, !upperOpen)
    .reverse()
    .filter((r) => (!after || r.at < after.at || (r.id ?? 0) < after.id) && (!actions || actions.has(r.action)))
    .limit(limit + 1)
    .toArray();
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { rows: page, next: more && last ? { at: last.at, id: last.id ?? 0 } : null };
}

/**
 * The first `pages` pages, each from the previous one's cursor: what the section shows. Run inside
 * a live query, so a new entry re-reads the pages shown (a few hundred rows by the index) and the
 * list stays exactly the newest `pages × 100` entries of the filter.
 */
export async function readAuditPages(db: CurDatabase, query: AuditQuery, pages: number): Promise<{ rows: AuditRow[]; hasMore: boolean }> {
  const rows: AuditRow[] = [];
  let cursor: AuditCursor | null = null;
  for (let i = 0; i < pages; i++) {
    const page: AuditPage = await readAuditPage(db, query, cursor);
    rows.push(...page.rows);
    cursor = page.next;
    if (!cursor) break;
  }
  return { rows, hasMore: cursor !== null };
}

/** Every matching row, page by page (the CSV export of the filter). */
export async function* auditPages(db: CurDatabase, query: AuditQuery): AsyncGenerator<AuditRow[]> {
  let cursor: AuditCursor | null = null;
  do {
    const page: AuditPage = await readAuditPage(db, query, cursor);
    if (page.rows.length > 0) yield page.rows;
    cursor = page.next;
  } while (cursor);
}
