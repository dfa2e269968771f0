/**
 * Identical page requests share one read only while nothing new was stamped: a change committed in
 * between is in the next answer at once, and pages joined by the database equal the stream.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DemoModel } from '../../shared/demo/model';
import { initialWindow, readAll } from '../../shared/demo/stream';
import { KIROV_PACK } from '../../shared/domain/packs';
import type { Database } from '../db/database';
import { FeedService } from '../feed/service';
import { applyIncoming } from '../intake/apply';
import { ENGINES, NOW, startTestServer, type TestServer } from './support';

let current: TestServer | null = null;
afterEach(async () => {
  await current?.dispose();
  current = null;
});

for (const engine of ENGINES) {
  describe(`feed pages on ${engine.name}`, { timeout: 240_000 }, () => {
    it('a repeated request is answered alike until a new stamp; pages cover the stream exactly once', async () => {
      current = await startTestServer(engine);
      const { ctx } = current.server;
      const model = new DemoModel({ seed: 9, scale: 300, pack: KIROV_PACK });
      const appeals = readAll(model, initialWindow(model, NOW)).changes;
      await applyIncoming(ctx.db, { appeals }, 'demo', NOW);

      const seen: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await ctx.feed.page(cursor, 70);
        if (!page.ok) throw new Error(page.message);
        const parsed = JSON.parse(page.json) as { items: { id: string }[]; nextCursor: string; hasMore: boolean };
        expect(parsed.items).toHaveLength(page.items);
        seen.push(...parsed.items.map((i) => i.id));
        cursor = parsed.nextCursor;
        if (!parsed.hasMore) break;
      }
      const ids = new Set(seen);
      expect(ids.size).toBe(seen.length);
      for (const a of appeals) expect(ids.has(a.id)).toBe(true);

      // At the end: the same request twice is the same answer …
      const first = await ctx.feed.page(cursor, 70);
      const again = await ctx.feed.page(cursor, 70);
      expect(again).toEqual(first);
      expect(first.ok && first.items).toBe(0);
      // … until a change is stamped: then it is there at once.
      const changed = { ...appeals[0]!, status: appeals[0]!.status === 'closed' ? ('assigned' as const) : ('closed' as const) };
      await applyIncoming(ctx.db, { appeals: [changed] }, 'demo', NOW + 60_000);
      const after = await ctx.feed.page(cursor, 70);
      expect(after.ok && after.items).toBe(1);
      expect(after.ok && JSON.parse(after.json).items[0].id).toBe(changed.id);

      // Fifty workstations asking for one page at the same moment: one read of the stamp, one of the page.
      const statements: string[] = [];
      const counting: Database = { ...ctx.db, query: (sql, params) => (statements.push(sql), ctx.db.query(sql, params)) };
      const feed = new FeedService(counting, ctx.feed.datasetId, null, 5_000);
      const answers = await Promise.all(Array.from({ length: 50 }, () => feed.page(cursor, 70)));
      expect(new Set(answers.map((a) => a.ok && a.json)).size).toBe(1);
      expect(answers[0]!.ok && answers[0]!.items).toBe(1);
      expect(statements.filter((sql) => sql.includes('stream_clock'))).toHaveLength(1);
      expect(statements.filter((sql) => sql.includes('string_agg'))).toHaveLength(1);

      // A shared stamp read that began before the stamp this client just got was committed is not
      // taken for "your cursor is from the future": the database is asked again first.
      const end = JSON.parse((answers[0] as { json: string }).json).nextCursor as string;
      let stale = true;
      const lagging: Database = {
        ...ctx.db,
        query: async <Row,>(sql: string, params?: readonly unknown[]) => {
          const result = await ctx.db.query<Row>(sql, params);
          if (stale && sql.includes('stream_clock')) {
            stale = false;
            return { ...result, rows: [{ last_stamp: 0 } as Row] };
          }
          return result;
        },
      };
      const next = await new FeedService(lagging, ctx.feed.datasetId, null, 5_000).page(end, 70);
      expect(stale).toBe(false);
      expect(next).toMatchObject({ ok: true, items: 0 });
    });
  });
}
