/**
 * The ЦУР data feed protocol, version 1 ("cur-feed/1"): the one definition shared by the client
 * (renderer/sync/sources/http-feed-source.ts), the local test server (scripts/feed-server/) and
 * any regional data service. Documented for implementers in docs/feed-protocol.md.
 *
 * One stream of items (appeals, tombstones, reference data) in a stable total order by
 * (updatedAt, key); a client pulls pages after an opaque cursor until `hasMore` is false.
 */
import { z } from 'zod';
import { appealSchema } from '../domain/validation';

export const FEED_PROTOCOL = 'cur-feed';
export const FEED_VERSION = 1;
/** Request header naming the protocol version the client speaks. */
export const FEED_VERSION_HEADER = 'X-Cur-Feed-Version';
export const FEED_PATHS = { info: '/v1/info', changes: '/v1/changes' } as const;
/** Page size limits every server must accept: a client may ask for 1…MAX_PAGE_SIZE items. */
export const MIN_PAGE_SIZE = 1;
export const MAX_PAGE_SIZE = 10_000;
export const DEFAULT_PAGE_SIZE = 1_000;

/**
 * Optional capabilities a server lists in `/v1/info` (clients ignore names they do not know).
 * `newest-first`: `/v1/changes?order=desc` without a cursor starts a first pass newest first
 * (docs/feed-protocol.md §4a), so a new workstation is right about «now» within its first pages.
 */
export const FEED_CAPABILITIES = { newestFirst: 'newest-first', openFirst: 'open-first' } as const;
/**
 * Order of a page: absent or `asc` is the normal stream; `desc` is a newest-first first pass;
 * `open` is the open-appeal part that starts such a pass when the client asked `open=first`
 * (capability `open-first`, docs/feed-protocol.md §4b).
 */
export const FEED_ORDERS = ['asc', 'desc', 'open'] as const;
/** What a first request may ask for: a newest-first pass, optionally starting with the open appeals. */
export const FEED_FIRST_ORDERS = ['desc', 'open-desc'] as const;
export type FeedFirstOrder = (typeof FEED_FIRST_ORDERS)[number];
export type FeedOrder = (typeof FEED_ORDERS)[number];

export const REFERENCE_KINDS = ['sector', 'category', 'municipality', 'organisation'] as const;
export type FeedReferenceKind = (typeof REFERENCE_KINDS)[number];

const instant = z.number({ message: 'ожидалось время в миллисекундах (число)' }).int({ message: 'ожидалось целое число миллисекунд' }).nonnegative({ message: 'время не может быть отрицательным' });
const itemId = z.string({ message: 'ожидался идентификатор (строка)' }).min(1, { message: 'пустой идентификатор' }).max(200, { message: 'идентификатор длиннее 200 символов' });

export const feedAppealItemSchema = z.object({
  type: z.literal('appeal'),
  id: itemId,
  updatedAt: instant,
  appeal: appealSchema,
});

export const feedTombstoneItemSchema = z.object({
  type: z.literal('tombstone'),
  id: itemId,
  updatedAt: instant,
  /** When the record was deleted at the source. */
  deletedAt: instant,
});

export const feedReferenceItemSchema = z.object({
  type: z.literal('reference'),
  kind: z.enum(REFERENCE_KINDS, { message: `вид справочника: ${REFERENCE_KINDS.join(', ')}` }),
  id: itemId,
  updatedAt: instant,
  /** Sector: { name, shortName, colour?, icon? }; municipality: { name, … }; organisation: { name, municipality, sector }; category: { source, name, subcategories }. */
  value: z.record(z.string(), z.unknown(), { message: 'ожидался объект значений справочника' }),
});

export const feedItemSchema = z.discriminatedUnion('type', [feedAppealItemSchema, feedTombstoneItemSchema, feedReferenceItemSchema], {
  message: 'неизвестный тип элемента (ожидался appeal, tombstone или reference)',
});
export type FeedItem = z.infer<typeof feedItemSchema>;
export type FeedAppealItem = z.infer<typeof feedAppealItemSchema>;
export type FeedTombstoneItem = z.infer<typeof feedTombstoneItemSchema>;
export type FeedReferenceItem = z.infer<typeof feedReferenceItemSchema>;

export const feedChangesPageSchema = z.object({
  protocol: z.literal(FEED_PROTOCOL, { message: `ожидался протокол «${FEED_PROTOCOL}»` }),
  version: z.literal(FEED_VERSION, { message: `поддерживается только версия ${FEED_VERSION}` }),
  /** Identity of the server's dataset; it changes when the data is replaced (restore, rebuild). */
  datasetId: z.string().min(1, { message: 'пустой datasetId' }),
  /** Page size the server applied: min(requested limit, server maximum). */
  pageSize: z.number().int().min(MIN_PAGE_SIZE).max(MAX_PAGE_SIZE),
  items: z.array(feedItemSchema),
  /** Opaque cursor to send next; after the last page it marks the end for the next delta pull. */
  nextCursor: z.string().min(1, { message: 'пустой nextCursor' }),
  hasMore: z.boolean(),
  /** Server's estimate of items after this page, or null. */
  remaining: z.number().int().nonnegative().nullable(),
  /** Server clock when the page was produced: the data's age once hasMore is false. */
  serverTime: instant,
  /**
   * `desc`: a page of a newest-first first pass (items strictly descending). `open`: a page of the
   * open appeals that start such a pass (strictly descending among themselves). Absent: `asc`.
   */
  order: z.enum(FEED_ORDERS).optional(),
});
export type FeedChangesPage = z.infer<typeof feedChangesPageSchema>;

export const feedInfoSchema = z.object({
  protocol: z.literal(FEED_PROTOCOL),
  versions: z.array(z.number().int().positive()).min(1),
  datasetId: z.string().min(1),
  maxPageSize: z.number().int().min(MIN_PAGE_SIZE).max(MAX_PAGE_SIZE),
  defaultPageSize: z.number().int().min(MIN_PAGE_SIZE).max(MAX_PAGE_SIZE),
  serverTime: instant,
  /** Region served, e.g. «Кировская область». */
  region: z.string().nullable(),
  /** Optional capabilities (FEED_CAPABILITIES); absent on servers that offer none. */
  capabilities: z.array(z.string().max(64)).max(32).optional(),
});
export type FeedInfo = z.infer<typeof feedInfoSchema>;

export const FEED_ERROR_CODES = ['bad-request', 'unauthorized', 'forbidden', 'cursor-expired', 'rate-limited', 'unavailable', 'internal'] as const;
export const feedErrorSchema = z.object({
  error: z.object({ code: z.enum(FEED_ERROR_CODES).or(z.string()), message: z.string() }),
});
export type FeedErrorBody = z.infer<typeof feedErrorSchema>;

/** Ordering key of an item inside one `updatedAt`: appeals and tombstones by id, reference data after them by kind and id. */
export function itemKey(item: { type: string; id: string; kind?: string }): string {
  return item.type === 'reference' ? `~ref:${item.kind}:${item.id}` : item.id;
}

/** A point in the stream. */
export type FeedPosition = readonly [updatedAt: number, key: string];

export function positionOf(item: FeedItem): FeedPosition {
  return [item.updatedAt, itemKey(item)];
}

/** Total order of the stream: by updatedAt, then key by UTF-16 code units (JavaScript `<`). */
export function comparePositions(a: FeedPosition, b: FeedPosition): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/** Human-readable list of a zod error's problems with their paths, for the sync state. */
export function describeIssues(error: z.ZodError, limit = 3): string {
  const parts = error.issues.slice(0, limit).map((issue) => `${issue.path.length ? issue.path.join('.') : '(страница)'}: ${issue.message}`);
  const more = error.issues.length > limit ? ` и ещё ${error.issues.length - limit}` : '';
  return `${parts.join('; ')}${more}`;
}
