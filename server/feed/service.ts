/**
 * Serving the cur-feed stream (docs/feed-protocol.md): info and pages after a cursor, with the
 * page built from the stored item texts (no parse and re-serialise of a thousand appeals).
 */
import { DEFAULT_PAGE_SIZE, FEED_PROTOCOL, FEED_VERSION, MAX_PAGE_SIZE, type FeedInfo } from '../../shared/feed/protocol';
import type { AccessScope } from '../../shared/access/scope';
import { scopeKey } from '../accounts/scope-sql';
import type { Database } from '../db/database';
import { lastStamp } from './clock';
import { decodeCursor, encodeCursor } from './cursor';
import { countAfter, readPageJoined, streamSpan } from './store';

/** Items counted exactly for `remaining`; beyond that the figure is an estimate. */
const EXACT_REMAINING = 5_000;
const STATS_TTL_MS = 30_000;
/**
 * Identical page requests (workstations catching up from the same cursor after an intake batch)
 * share one read for this long, as long as no new stamp was given: a cached answer is one a
 * request a moment earlier would have had, so nothing is skipped, only seen up to this much later.
 */
const PAGE_CACHE_MS = 1_000;
const PAGE_CACHE_ENTRIES = 64;

export type PageOutcome =
  | { ok: true; json: string; items: number; hasMore: boolean }
  | { ok: false; status: 400 | 410; code: string; message: string };

export class FeedService {
  private stats: { at: number; items: number; first: number; last: number } | null = null;
  private readonly recent = new Map<string, { at: number; last: number; outcome: PageOutcome & { ok: true } }>();
  /**
   * Reads under way by request and stamp: fifty workstations asking for the same page at the same
   * moment (after one intake batch) wait for one read instead of queueing fifty on the database.
   */
  private readonly reading = new Map<string, Promise<PageOutcome & { ok: true }>>();
  private stampRead: Promise<number> | null = null;

  constructor(
    private readonly db: Database,
    readonly datasetId: string,
    readonly regionId: string | null,
    readonly maxPageSize: number = 5_000,
    private readonly clock: () => number = Date.now,
  ) {}

  get defaultPageSize(): number {
    return Math.min(DEFAULT_PAGE_SIZE, this.maxPageSize);
  }

  async info(): Promise<FeedInfo> {
    return {
      protocol: FEED_PROTOCOL,
      versions: [FEED_VERSION],
      datasetId: this.datasetId,
      maxPageSize: Math.min(this.maxPageSize, MAX_PAGE_SIZE),
      defaultPageSize: this.defaultPageSize,
      serverTime: await this.serverTime(),
      region: this.regionId,
    };
  }

  /** The server's clock, never behind a stamp already served. */
  private async serverTime(): Promise<number> {
    return Math.max(this.clock(), await lastStamp(this.db, 'feed'));
  }

  /** `scope`: the signed-in user's (server/accounts/); null for a workstation or administrator token. */
  async page(cursorText: string | undefined, requested: number | undefined, scope: AccessScope | null = null): Promise<PageOutcome> {
    const pageSize = Math.min(requested ?? this.defaultPageSize, this.maxPageSize, MAX_PAGE_SIZE);
    let position: [number, string] | null = null;
    let last = await this.lastStamp();
    if (cursorText !== undefined && cursorText !== '') {
      const cursor = decodeCursor(cursorText);
      if (!cursor) return { ok: false, status: 400, code: 'bad-request', message: 'Курсор не распознан: передайте nextCursor предыдущей страницы без изменений' };
      if (cursor.datasetId !== this.datasetId) {
        return { ok: false, status: 410, code: 'cursor-expired', message: 'Курсор относится к другому набору данных: нужна полная повторная загрузка' };
      }
      if (cursor.position) {
        // A position after every stamp this server ever gave: the client saw a stream this
        // database does not have (restored from an older backup). Start over, never skip.
        // The shared read may have started before the stamp this client just got was committed:
        // ask the database itself before calling the cursor one from the future.
        if (cursor.position[0] > last) last = await lastStamp(this.db, 'feed');
        if (cursor.position[0] > last) {
          return { ok: false, status: 410, code: 'cursor-expired', message: 'Курсор указывает на данные, которых на сервере нет (сервер восстановлен из копии): нужна полная повторная загрузка' };
        }
        position = [cursor.position[0], cursor.position[1]];
      }
    }
    const cacheKey = `${pageSize}|${cursorText ?? ''}|${scopeKey(scope)}`;
    const now = this.clock();
    const cached = this.recent.get(cacheKey);
    if (cached && cached.last === last && now - cached.at < PAGE_CACHE_MS) return cached.outcome;
    const readKey = `${last}|${cacheKey}`;
    let read = this.reading.get(readKey);
    if (!read) {
      read = this.readPage(position, pageSize, last, cacheKey, scope).finally(() => this.reading.delete(readKey));
      this.reading.set(readKey, read);
    }
    return read;
  }

  /**
   * The newest stamp given. Requests arriving while a read of it is under way share that read: the
   * answer is what a request a moment earlier would have had, so a client's cursor never passes a
   * change; it sees a change committed in that moment at its next pull.
   */
  private lastStamp(): Promise<number> {
    this.stampRead ??= lastStamp(this.db, 'feed').finally(() => (this.stampRead = null));
    return this.stampRead;
  }

  private async readPage(position: [number, string] | null, pageSize: number, last: number, cacheKey: string, scope: AccessScope | null): Promise<PageOutcome & { ok: true }> {
    const now = this.clock();
    const page = await readPageJoined(this.db, position, pageSize, scope);
    // Never behind a stamp served (a batch may have committed between the two reads).
    const serverTime = Math.max(now, last, page.last?.[0] ?? 0);
    const next = page.last ?? position;
    const remaining = page.hasMore ? await this.remainingAfter(next, scope) : 0;
    const json =
      `{"protocol":"${FEED_PROTOCOL}","version":${FEED_VERSION},"datasetId":${JSON.stringify(this.datasetId)},"pageSize":${pageSize},` +
      `"items":[${page.itemsJson}],"nextCursor":${JSON.stringify(encodeCursor(this.datasetId, next))},` +
      `"hasMore":${page.hasMore},"remaining":${remaining === null ? 'null' : remaining},"serverTime":${serverTime}}`;
    const outcome = { ok: true as const, json, items: page.count, hasMore: page.hasMore };
    if (this.recent.size >= PAGE_CACHE_ENTRIES) this.recent.clear();
    this.recent.set(cacheKey, { at: now, last, outcome });
    return outcome;
  }

  /** Exact below a few thousand; above, an estimate from the share of the stream's time span left. */
  private async remainingAfter(position: readonly [number, string] | null, scope: AccessScope | null): Promise<number | null> {
    const exact = await countAfter(this.db, position ? [position[0], position[1]] : null, EXACT_REMAINING + 1, scope);
    if (exact <= EXACT_REMAINING) return exact;
    // The span estimate counts every block's items: a scoped user is told only that more follow.
    if (scopeKey(scope) !== '') return null;
    const now = this.clock();
    if (!this.stats || now - this.stats.at > STATS_TTL_MS) {
      const s = await streamSpan(this.db);
      this.stats = { at: now, items: s.items, first: s.first ?? 0, last: s.last ?? 0 };
    }
    const { items, first, last } = this.stats;
    if (!position || last <= first) return Math.max(exact, items);
    const share = Math.min(1, Math.max(0, (last - position[0]) / (last - first)));
    return Math.max(exact, Math.round(items * share));
  }
}
