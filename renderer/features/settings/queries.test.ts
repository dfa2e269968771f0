import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { AuditRow, CurDatabase } from '../../db/schema';
import { AUDIT_PAGE, auditPages, readAuditPage, readAuditPages, type AuditQuery } from './queries';
import { freshDb } from '../../../tests/support/fresh-db';

const ALL: AuditQuery = { actions: null, from: null, to: null };
const T0 = Date.UTC(2026, 10, 23, 9, 0);

/** Rows in insertion order; many share an instant so pages must split ties correctly. */
async function seed(db: CurDatabase, count: number): Promise<AuditRow[]> {
  const rows: AuditRow[] = [];
  for (let i = 0; i < count; i++) {
    rows.push({
      // Instants go up in bursts of 7 equal values, and are not in id order within a burst's neighbours.
      at: T0 + Math.floor(i / 7) * 1000,
      action: i % 3 === 0 ? 'registry.export' : i % 3 === 1 ? 'escalation.create' : 'import.complete',
      user: 'operator',
      details: { n: i },
    });
  }
  await db.audit.bulkAdd(rows);
  return db.audit.toArray();
}

/** The reference order: newest first, equal instants newest id first. */
const newestFirst = (rows: AuditRow[]) => [...rows].sort((a, b) => b.at - a.at || (b.id ?? 0) - (a.id ?? 0));
const ids = (rows: AuditRow[]) => rows.map((r) => r.id);

async function readAll(db: CurDatabase, query: AuditQuery, limit: number): Promise<AuditRow[][]> {
  const pages: AuditRow[][] = [];
  let page = await readAuditPage(db, query, null, limit);
  pages.push(page.rows);
  while (page.next) {
    page = await readAuditPage(db, query, page.next, limit);
    pages.push(page.rows);
  }
  return pages;
}

describe('audit paging by key range', () => {
  it('returns every entry exactly once, newest first, whatever the page size meets at a tie', async () => {
    const db = freshDb();
    const rows = await seed(db, 250);
    for (const limit of [1, 3, 7, 10, 100]) {
      const pages = await readAll(db, ALL, limit);
      expect(ids(pages.flat())).toEqual(ids(newestFirst(rows)));
      expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
      expect(pages[pages.length - 1]?.length).toBeGreaterThan(0);
    }
  });

  it('pages a filtered action and period exactly once, in order', async () => {
    const db = freshDb();
    const rows = await seed(db, 300);
    const query: AuditQuery = { actions: ['escalation.create', 'import.complete'], from: T0 + 5_000, to: T0 + 30_000 };
    const expected = newestFirst(rows).filter((r) => query.actions!.includes(r.action) && r.at >= query.from! && r.at < query.to!);
    expect(expected.length).toBeGreaterThan(50);
    expect(ids((await readAll(db, query, 9)).flat())).toEqual(ids(expected));
    const streamed: AuditRow[] = [];
    for await (const page of auditPages(db, query)) streamed.push(...page);
    expect(ids(streamed)).toEqual(ids(expected));
  });

  it('shows pages of a hundred with more to come, and keeps later pages stable when entries are added at the top', async () => {
    const db = freshDb();
    const rows = await seed(db, 2 * AUDIT_PAGE + 5);
    const first = await readAuditPages(db, ALL, 1);
    expect(first.rows).toHaveLength(AUDIT_PAGE);
    expect(first.hasMore).toBe(true);
    const firstPage = await readAuditPage(db, ALL, null);
    await db.audit.add({ at: T0 + 10_000_000, action: 'import.complete', user: 'operator', details: {} });
    const second = await readAuditPage(db, ALL, firstPage.next);
    expect(ids(second.rows)).toEqual(ids(newestFirst(rows).slice(AUDIT_PAGE, 2 * AUDIT_PAGE)));
    const all = await readAuditPages(db, ALL, 3);
    expect(all.rows).toHaveLength(rows.length + 1);
    expect(all.hasMore).toBe(false);
    expect(all.rows[0]?.at).toBe(T0 + 10_000_000);
  });

  it('reads an empty log and an empty range as no rows', async () => {
    const db = freshDb();
    expect(await readAuditPages(db, ALL, 1)).toEqual({ rows: [], hasMore: false });
    await seed(db, 10);
    expect(await readAuditPages(db, { actions: null, from: T0 + 99_000, to: T0 + 100_000 }, 1)).toEqual({ rows: [], hasMore: false });
  });
});
