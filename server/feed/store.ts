/**
 * The feed stream in PostgreSQL: one row per record (appeal, tombstone or reference item) with its
 * newest version. Writes stamp a batch with one new `updatedAt`; a page is a range read of the
 * (updated_at, key) index after the cursor's position.
 */
import type { AccessScope } from '../../shared/access/scope';
import type { Appeal } from '../../shared/domain/appeal';
import { itemKey, type FeedItem, type FeedPosition, type FeedReferenceKind } from '../../shared/feed/protocol';
import type { Database, Queryable } from '../db/database';
import { feedScope } from '../accounts/scope-sql';
import { takeStamp } from './clock';

/** Rows per multi-row INSERT (arrays bound as parameters, unnested by the server). */
export const WRITE_BATCH = 2_000;

export interface StoredItem {
  key: string;
  updatedAt: number;
  /** The protocol item as JSON text. */
  json: string;
}

export type ItemDraft =
  | { type: 'appeal'; appeal: Appeal }
  | { type: 'tombstone'; id: string; deletedAt: number | null }
  | { type: 'reference'; kind: FeedReferenceKind; id: string; value: Record<string, unknown> };

function draftKey(draft: ItemDraft): string {
  return draft.type === 'appeal' ? draft.appeal.id : itemKey(draft);
}

/** The protocol item for a draft stamped `updatedAt` (an appeal's own `updatedAt` must equal the item's). */
export function stampItem(draft: ItemDraft, updatedAt: number): FeedItem {
  switch (draft.type) {
    case 'appeal':
      return { type: 'appeal', id: draft.appeal.id, updatedAt, appeal: { ...draft.appeal, updatedAt, import: null } };
    case 'tombstone':
      return { type: 'tombstone', id: draft.id, updatedAt, deletedAt: draft.deletedAt ?? updatedAt };
    case 'reference':
      return { type: 'reference', kind: draft.kind, id: draft.id, updatedAt, value: draft.value };
  }
}

/** Writes rows with the given stamp, replacing the records' previous versions (multi-row inserts). */
export async function writeStamped(tx: Queryable, drafts: readonly ItemDraft[], stamp: number, origin: string): Promise<void> {
  for (let start = 0; start < drafts.length; start += WRITE_BATCH) {
    const batch = drafts.slice(start, start + WRITE_BATCH);
    const keys: string[] = [];
    const types: string[] = [];
    const items: string[] = [];
    for (const draft of batch) {
      keys.push(draftKey(draft));
      types.push(draft.type);
      items.push(JSON.stringify(stampItem(draft, stamp)));
    }
    // The items travel as one JSON array text (parsed once by the server), paired with keys and
    // types by position: cheaper than an array of json values on both engines.
    await tx.query(
      `INSERT INTO feed_items (key, item_type, updated_at, item, origin)
       SELECT k.key, k.type, $3::bigint, i.item, $5
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(key, type, n)
       JOIN json_array_elements($4::json) WITH ORDINALITY AS i(item, n) ON i.n = k.n
       ON CONFLICT (key) DO UPDATE SET item_type = EXCLUDED.item_type, updated_at = EXCLUDED.updated_at, item = EXCLUDED.item, origin = EXCLUDED.origin`,
      [keys, types, stamp, `[${items.join(',')}]`, origin],
    );
  }
}

/** One transaction: takes a stamp and writes the drafts with it. Returns the stamp (or null when there was nothing to write). */
export async function publish(db: Database, drafts: readonly ItemDraft[], origin: string, now: number = Date.now(), options: { analyze?: boolean } = {}): Promise<number | null> {
  if (drafts.length === 0) return null;
  const keys = new Set<string>();
  for (const draft of drafts) {
    const key = draftKey(draft);
    if (keys.has(key)) throw new Error(`the same record twice in one batch: ${key}`);
    keys.add(key);
  }
  const stamp = await db.transaction(async (tx) => {
    const stamp = await takeStamp(tx, 'feed', now);
    await writeStamped(tx, drafts, stamp, origin);
    return stamp;
  });
  // A large intake changes the table's size a lot: fresh statistics for the planner and the span estimate.
  if (options.analyze !== false && drafts.length >= ANALYZE_AFTER) await db.query('ANALYZE feed_items');
  return stamp;
}

const ANALYZE_AFTER = 10_000;

/** Current items by key (for diffing an intake against what is served). */
export async function loadItems(db: Queryable, keys: readonly string[]): Promise<Map<string, FeedItem>> {
  const out = new Map<string, FeedItem>();
  for (let start = 0; start < keys.length; start += WRITE_BATCH) {
    const { rows } = await db.query<{ key: string; item: string }>('SELECT key, item::text AS item FROM feed_items WHERE key = ANY($1::text[])', [keys.slice(start, start + WRITE_BATCH)]);
    for (const row of rows) out.set(row.key, JSON.parse(row.item) as FeedItem);
  }
  return out;
}

/** Keys of live appeals delivered by one origin (for "deleted upstream" passes). */
export async function appealKeysOf(db: Queryable, origin: string): Promise<string[]> {
  const { rows } = await db.query<{ key: string }>("SELECT key FROM feed_items WHERE origin = $1 AND item_type = 'appeal'", [origin]);
  return rows.map((r) => r.key);
}

export interface PageRows {
  items: StoredItem[];
  hasMore: boolean;
}

/** Up to `limit` items strictly after `position`, in stream order: one index range read. */
export async function readPage(db: Queryable, position: FeedPosition | null, limit: number): Promise<PageRows> {
  const [u, k] = position ?? [-1, ''];
  const { rows } = await db.query<{ key: string; updated_at: number; item: string }>(
    `SELECT key, updated_at, item::text AS item FROM feed_items
     WHERE (updated_at, key) > ($1::bigint, $2::text COLLATE "C")
     ORDER BY updated_at, key LIMIT $3`,
    [u, k, limit + 1],
  );
  const hasMore = rows.length > limit;
  const items = rows.slice(0, limit).map((r) => ({ key: r.key, updatedAt: r.updated_at, json: r.item }));
  return { items, hasMore };
}

export interface JoinedPage {
  /** The page's items as JSON texts joined by commas (ready for `"items":[…]`). */
  itemsJson: string;
  count: number;
  /** Position of the page's last item (null for an empty page). */
  last: FeedPosition | null;
  hasMore: boolean;
}

/**
 * The same page as readPage, assembled by the database into one row: the item texts joined in
 * stream order, the last position and whether more follow. One row instead of a thousand costs
 * the driver (PGlite's above all) far less to decode; the range read itself is the same.
 */
export async function readPageJoined(db: Queryable, position: FeedPosition | null, limit: number, scope: AccessScope | null = null): Promise<JoinedPage> {
  const [u, k] = position ?? [-1, ''];
  // A signed-in user's scope (server/accounts/): their appeals only; '' for everyone else.
  const scoped = feedScope(scope, 5);
  const { rows } = await db.query<{ total: number; items: string | null; last_u: number | null; last_k: string | null }>(
    `WITH page AS (
       SELECT key, updated_at, item, row_number() OVER (ORDER BY updated_at, key) AS n
       FROM (SELECT key, updated_at, item FROM feed_items
             WHERE (updated_at, key) > ($1::bigint, $2::text COLLATE "C")${scoped.sql}
             ORDER BY updated_at, key LIMIT $3) AS s)
     SELECT count(*)::int AS total,
            string_agg(item::text, ',' ORDER BY n) FILTER (WHERE n <= $4) AS items,
            (array_agg(updated_at ORDER BY n DESC) FILTER (WHERE n <= $4))[1] AS last_u,
            (array_agg(key ORDER BY n DESC) FILTER (WHERE n <= $4))[1] AS last_k
     FROM page`,
    [u, k, limit + 1, limit, ...scoped.params],
  );
  const row = rows[0]!;
  const count = Math.min(row.total, limit);
  return {
    itemsJson: row.items ?? '',
    count,
    last: row.last_u !== null && row.last_k !== null ? [Number(row.last_u), row.last_k] : null,
    hasMore: row.total > limit,
  };
}

/** Exact count of items after a position, up to `cap` (counting more would cost a scan). */
export async function countAfter(db: Queryable, position: FeedPosition | null, cap: number, scope: AccessScope | null = null): Promise<number> {
  const [u, k] = position ?? [-1, ''];
  const scoped = feedScope(scope, 4);
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::bigint AS n FROM (SELECT 1 FROM feed_items WHERE (updated_at, key) > ($1::bigint, $2::text COLLATE "C")${scoped.sql} ORDER BY updated_at, key LIMIT $3) AS s`,
    [u, k, cap, ...scoped.params],
  );
  return rows[0]?.n ?? 0;
}

/**
 * The stream's size and time span without a scan: the planner's row estimate (refreshed by
 * ANALYZE after large intakes; a count when there is none yet), the first stamp by the index,
 * the last from the clock. Only for the `remaining` estimate of long pulls.
 */
export async function streamSpan(db: Queryable): Promise<{ items: number; first: number | null; last: number | null }> {
  const { rows } = await db.query<{ estimate: number | null; first: number | null; last: number | null }>(
    `SELECT (SELECT reltuples::bigint FROM pg_class WHERE oid = 'feed_items'::regclass) AS estimate,
            (SELECT updated_at FROM feed_items ORDER BY updated_at, key LIMIT 1) AS first,
            (SELECT last_stamp FROM stream_clock WHERE stream = 'feed') AS last`,
  );
  const row = rows[0]!;
  let items = row.estimate !== null ? Number(row.estimate) : -1;
  if (items < 0) items = (await db.query<{ n: number }>('SELECT count(*)::bigint AS n FROM feed_items')).rows[0]?.n ?? 0;
  return { items, first: row.first, last: row.last };
}

export interface StreamStats {
  items: number;
  appeals: number;
  tombstones: number;
  references: number;
  firstStamp: number | null;
  lastStamp: number | null;
}

export async function streamStats(db: Queryable): Promise<StreamStats> {
  const { rows } = await db.query<{ item_type: string; n: number; lo: number | null; hi: number | null }>(
    'SELECT item_type, count(*)::bigint AS n, min(updated_at) AS lo, max(updated_at) AS hi FROM feed_items GROUP BY item_type',
  );
  const stats: StreamStats = { items: 0, appeals: 0, tombstones: 0, references: 0, firstStamp: null, lastStamp: null };
  for (const row of rows) {
    stats.items += row.n;
    if (row.item_type === 'appeal') stats.appeals = row.n;
    else if (row.item_type === 'tombstone') stats.tombstones = row.n;
    else stats.references = row.n;
    if (row.lo !== null) stats.firstStamp = stats.firstStamp === null ? row.lo : Math.min(stats.firstStamp, row.lo);
    if (row.hi !== null) stats.lastStamp = stats.lastStamp === null ? row.hi : Math.max(stats.lastStamp, row.hi);
  }
  return stats;
}

/** Live appeals as served (tests and the canonical comparison). */
export async function allAppeals(db: Queryable): Promise<Appeal[]> {
  const { rows } = await db.query<{ item: string }>("SELECT item::text AS item FROM feed_items WHERE item_type = 'appeal'");
  return rows.map((r) => (JSON.parse(r.item) as { appeal: Appeal }).appeal);
}

export async function tombstoneIds(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ key: string }>("SELECT key FROM feed_items WHERE item_type = 'tombstone'");
  return rows.map((r) => r.key);
}
