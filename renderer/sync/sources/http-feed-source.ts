/**
 * Client of the ЦУР feed protocol (shared/feed/protocol.ts, docs/feed-protocol.md) as a sync
 * source. It asks the platform for pages by position; the feed's address and token stay with the
 * host, which builds the request (shared/net/fetch-feed-page.ts). Every way a feed can fail ends
 * as a SyncSourceError with a Russian message and a kind
 * the sync engine's retry policy understands; a page is accepted whole or not at all.
 */
import type { Appeal } from '../../../shared/domain/appeal';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  comparePositions,
  describeIssues,
  feedChangesPageSchema,
  positionOf,
  type FeedChangesPage,
  type FeedItem,
  type FeedPosition,
} from '../../../shared/feed/protocol';
import type { FeedRequest, FeedResponse } from '../../platform/platform';
import type { ReferenceRow } from '../../db/schema';
import { clip, syncError } from '../../../shared/messages/sync-error';
import { SyncSourceError, type SyncPage, type SyncSource } from '../source';

export interface HttpFeedConfig {
  /** Sync source id, e.g. `feed:kirov`. */
  id: string;
  /** Russian label for the sync state. */
  label: string;
  /** Items per page the client asks for (the server may give fewer). */
  pageSize?: number;
  timeoutMs?: number;
  /** Sector ids the app knows; items with others are kept and flagged `unknown-sector`. */
  knownSectors?: readonly string[];
  /** Municipality ids of the region pack; others are kept and flagged `unknown-municipality`. */
  knownMunicipalities?: readonly string[];
}

export type FetchFeed = (request: FeedRequest) => Promise<FeedResponse>;

interface FeedCheckpoint {
  v: 1;
  cursor: string | null;
  /** Last position applied: pages must move forward from it. */
  position: FeedPosition | null;
  datasetId: string | null;
  /** Sector and municipality ids the feed itself delivered as reference data (kept across restarts). */
  sectors?: string[];
  municipalities?: string[];
  /**
   * A newest-first first pass is running (the feed's `newest-first` capability): the newest and
   * the oldest position it delivered. The ascending stream after it starts above `passNewest`.
   */
  pass?: { newest: FeedPosition | null; oldest: FeedPosition | null };
  /**
   * The open part of an open-first pass is running (capability `open-first`): the oldest position
   * it delivered, so a page that goes back is caught as in the pass itself.
   */
  open?: FeedPosition;
}

function parseCheckpoint(text: string | null): FeedCheckpoint {
  const empty: FeedCheckpoint = { v: 1, cursor: null, position: null, datasetId: null };
  if (!text) return empty;
  try {
    const value = JSON.parse(text) as FeedCheckpoint;
    return value && value.v === 1 ? value : empty;
  } catch {
    return empty;
  }
}

/** Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (!value) return null;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

function header(response: FeedResponse, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(response.headers)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/** The server's own error text, if its body carries one (shown as text, shortened). */
function serverMessage(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } };
    const message = parsed?.error?.message;
    return typeof message === 'string' && message.length > 0 ? clip(message, 200) : null;
  } catch {
    return null;
  }
}

function errorForStatus(response: FeedResponse): SyncSourceError {
  const { status } = response;
  const server = serverMessage(response.body);
  const retryAfter = parseRetryAfter(header(response, 'retry-after'), Date.now());
  if (status === 401 || status === 403) {
    return new SyncSourceError('auth', syncError('feed-auth', { status, server }));
  }
  if (status === 429) {
    const retryAfterSec = retryAfter !== null ? Math.ceil(retryAfter / 1000) : null;
    return new SyncSourceError('rate-limit', syncError('feed-rate-limit', { retryAfterSec }), retryAfter);
  }
  if (status === 410) {
    return new SyncSourceError('cursor-regression', syncError('feed-cursor-gone', { server }));
  }
  if (status === 408 || status === 504) {
    return new SyncSourceError('timeout', syncError('feed-gateway-timeout', { status }));
  }
  if (status === 400 || status === 404 || status === 422) {
    return new SyncSourceError('invalid', syncError('feed-request-rejected', { status, server }));
  }
  return new SyncSourceError('server', syncError('feed-unavailable', { status, server }), retryAfter);
}

function errorForTransport(error: unknown, signal: AbortSignal, timeoutMs: number): SyncSourceError {
  if (error instanceof SyncSourceError) return error;
  if (signal.aborted) return new SyncSourceError('network', syncError('aborted'));
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  // The host refused the request (policy, missing settings, body over the cap): retrying will not help.
  if (name === 'FeedRequestRefused') return new SyncSourceError('invalid', syncError('feed-refused', { detail: clip(message) }));
  if (/слишком больш|too large/i.test(message)) {
    return new SyncSourceError('invalid', syncError('feed-page-too-large'));
  }
  if (name === 'TimeoutError' || name === 'AbortError' || /time ?out|timed out|тайм-?аут|истекло время/i.test(message)) {
    return new SyncSourceError('timeout', syncError('feed-timeout', { timeoutMs }));
  }
  return new SyncSourceError('network', syncError('feed-unreachable', { detail: clip(message) }));
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new SyncSourceError('network', syncError('aborted')));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new SyncSourceError('network', syncError('aborted')));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Parses and validates a page; throws `invalid` with the reason when any part is wrong. */
export function parseChangesPage(body: string): FeedChangesPage {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SyncSourceError('invalid', syncError('feed-not-json', { detail: clip(reason) }));
  }
  const result = feedChangesPageSchema.safeParse(json);
  if (!result.success) {
    throw new SyncSourceError('invalid', syncError('feed-page-invalid', { detail: clip(describeIssues(result.error), 400) }));
  }
  const page = result.data;
  if (page.items.length > page.pageSize) {
    throw new SyncSourceError('invalid', syncError('feed-page-overfull', { items: page.items.length, pageSize: page.pageSize }));
  }
  // A newest-first pass (and its open part) is strictly descending, the normal stream strictly ascending.
  const direction = page.order === 'desc' || page.order === 'open' ? -1 : 1;
  for (let i = 1; i < page.items.length; i++) {
    if (direction * comparePositions(positionOf(page.items[i - 1]!), positionOf(page.items[i]!)) >= 0) {
      throw new SyncSourceError('invalid', syncError('feed-page-order', { index: i, id: clip(page.items[i]!.id, 80) }));
    }
  }
  for (const [i, item] of page.items.entries()) {
    if (item.type === 'appeal' && (item.appeal.id !== item.id || item.appeal.updatedAt !== item.updatedAt)) {
      throw new SyncSourceError('invalid', syncError('feed-item-mismatch', { index: i }));
    }
  }
  return page;
}

/** A page that brings nothing new and does not move the cursor. */
function isStalePage(page: FeedChangesPage, checkpoint: FeedCheckpoint): boolean {
  if (!checkpoint.position || !page.hasMore || page.nextCursor !== checkpoint.cursor || page.items.length === 0) return false;
  return comparePositions(positionOf(page.items[page.items.length - 1]!), checkpoint.position) <= 0;
}

function flagUnknown(appeal: Appeal, sectors: ReadonlySet<string> | null, municipalities: ReadonlySet<string> | null): Appeal {
  const flags: string[] = [];
  if (sectors && !sectors.has(appeal.sector)) flags.push('unknown-sector');
  if (municipalities && appeal.municipality !== null && !municipalities.has(appeal.municipality)) flags.push('unknown-municipality');
  const missing = flags.filter((f) => !appeal.qualityFlags.includes(f));
  return missing.length === 0 ? appeal : { ...appeal, qualityFlags: [...appeal.qualityFlags, ...missing] };
}

export function createHttpFeedSource(config: HttpFeedConfig, fetchFeed: FetchFeed): SyncSource {
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(config.pageSize ?? DEFAULT_PAGE_SIZE)));
  const timeoutMs = config.timeoutMs ?? 30_000;

  async function fetchPage(checkpoint: FeedCheckpoint, signal: AbortSignal): Promise<FeedChangesPage> {
    // A workstation's very first request asks for the open appeals, then the newest first; a feed
    // without those capabilities ignores what it does not know.
    const first = checkpoint.cursor === null && checkpoint.position === null && checkpoint.datasetId === null;
    const request: FeedRequest = { feedId: config.id, cursor: checkpoint.cursor, limit: pageSize, timeoutMs, ...(first ? { order: 'open-desc' as const } : {}) };
    let response: FeedResponse;
    try {
      response = await abortable(fetchFeed(request), signal);
    } catch (error) {
      throw errorForTransport(error, signal, timeoutMs);
    }
    if (response.status !== 200) throw errorForStatus(response);
    return parseChangesPage(response.body);
  }

  return {
    id: config.id,
    label: config.label,
    isDemo: false,
    async pull(checkpointText: string | null, signal: AbortSignal): Promise<SyncPage> {
      const checkpoint = parseCheckpoint(checkpointText);
      // Reference data the feed delivered extends what the app knows; it lives in the checkpoint so
      // a restart flags exactly the same items.
      const fedSectors = new Set(checkpoint.sectors ?? []);
      const fedMunicipalities = new Set(checkpoint.municipalities ?? []);
      const sectors = config.knownSectors ? new Set([...config.knownSectors, ...fedSectors]) : null;
      const municipalities = config.knownMunicipalities ? new Set([...config.knownMunicipalities, ...fedMunicipalities]) : null;

      let page = await fetchPage(checkpoint, signal);
      if (page.order === 'open') return openPartPage(page, checkpoint, { fedSectors, fedMunicipalities, sectors, municipalities });
      if (page.order === 'desc') return newestFirstPage(page, checkpoint, { fedSectors, fedMunicipalities, sectors, municipalities });
      // The first ascending page after a newest-first pass continues above the pass's newest item.
      const passEnded = checkpoint.pass !== undefined;
      if (checkpoint.pass) checkpoint.position = checkpoint.pass.newest;
      // A repeated page (everything in it was applied already and the cursor did not move) is
      // harmless but useless: ask again, a bounded number of times.
      for (let attempt = 0; isStalePage(page, checkpoint); attempt++) {
        if (attempt >= 2) {
          throw new SyncSourceError('server', syncError('feed-stuck'));
        }
        page = await fetchPage(checkpoint, signal);
      }

      assertSameDataset(page, checkpoint);
      const last = page.items.length > 0 ? positionOf(page.items[page.items.length - 1]!) : null;
      if (checkpoint.position && last && comparePositions(last, checkpoint.position) < 0) {
        throw new SyncSourceError('cursor-regression', syncError('feed-went-back'));
      }

      // Items up to the saved position were applied already (a repeated page): skip them.
      const position0 = checkpoint.position;
      const fresh = position0 ? page.items.filter((item) => comparePositions(positionOf(item), position0) > 0) : page.items;
      const { changes: flagged, deletions, reference } = splitItems(fresh, { fedSectors, fedMunicipalities, sectors, municipalities });
      const position = last && (!checkpoint.position || comparePositions(last, checkpoint.position) > 0) ? last : checkpoint.position;
      const next = nextCheckpointOf(page, { fedSectors, fedMunicipalities }, { position });
      return {
        changes: flagged,
        deletions,
        reference,
        nextCheckpoint: JSON.stringify(next),
        hasMore: page.hasMore,
        remainingEstimate: page.remaining,
        dataAsOf: page.hasMore ? (last ? last[0] : null) : page.serverTime,
        ...(passEnded ? { historyLoadedFrom: null } : {}),
      };
    },
  };
}

/** A page's items as the sync engine takes them; reference data the feed delivers extends the known sets. */
function splitItems(items: readonly FeedItem[], refs: ReferenceSets): { changes: Appeal[]; deletions: string[]; reference: ReferenceRow[] } {
  const changes: Appeal[] = [];
  const deletions: string[] = [];
  const reference: ReferenceRow[] = [];
  for (const item of items) {
    if (item.type === 'appeal') changes.push(item.appeal as Appeal);
    else if (item.type === 'tombstone') deletions.push(item.id);
    else {
      reference.push({ key: `${item.kind}:${item.id}`, kind: item.kind, id: item.id, value: item.value, updatedAt: item.updatedAt });
      if (item.kind === 'sector') {
        refs.fedSectors.add(item.id);
        refs.sectors?.add(item.id);
      }
      if (item.kind === 'municipality') {
        refs.fedMunicipalities.add(item.id);
        refs.municipalities?.add(item.id);
      }
    }
  }
  return { changes: changes.map((appeal) => flagUnknown(appeal, refs.sectors, refs.municipalities)), deletions, reference };
}

/** A page from another dataset (the server's store was replaced) cannot continue this cursor. */
function assertSameDataset(page: FeedChangesPage, checkpoint: FeedCheckpoint): void {
  if (checkpoint.datasetId !== null && page.datasetId !== checkpoint.datasetId) {
    throw new SyncSourceError('cursor-regression', syncError('feed-dataset-changed'));
  }
}

/** The checkpoint after a page: its cursor and dataset, the reference ids fed so far, and where the page leaves the pass. */
function nextCheckpointOf(
  page: FeedChangesPage,
  refs: Pick<ReferenceSets, 'fedSectors' | 'fedMunicipalities'>,
  where: Pick<FeedCheckpoint, 'position'> & Partial<Pick<FeedCheckpoint, 'open' | 'pass'>>,
): FeedCheckpoint {
  return { v: 1, cursor: page.nextCursor, datasetId: page.datasetId, sectors: [...refs.fedSectors].sort(), municipalities: [...refs.fedMunicipalities].sort(), ...where };
}

interface ReferenceSets {
  fedSectors: Set<string>;
  fedMunicipalities: Set<string>;
  sectors: Set<string> | null;
  municipalities: Set<string> | null;
}

/**
 * A page of the open part of an open-first pass: the appeals open at the pass's start, applied at
 * once so «Просрочки» is right for «now» before the history arrives. Nothing is complete in time
 * yet: the data's age stays as it was and history counts as loaded from the server's «now».
 */
function openPartPage(page: FeedChangesPage, checkpoint: FeedCheckpoint, refs: ReferenceSets): SyncPage {
  assertSameDataset(page, checkpoint);
  if (checkpoint.pass) throw new SyncSourceError('cursor-regression', syncError('feed-went-back'));
  const top = page.items[0];
  if (checkpoint.open && top && comparePositions(positionOf(top), checkpoint.open) >= 0) {
    throw new SyncSourceError('cursor-regression', syncError('feed-went-back'));
  }
  const { changes, deletions, reference } = splitItems(page.items, refs);
  const oldest = page.items.length > 0 ? positionOf(page.items[page.items.length - 1]!) : checkpoint.open;
  const next = nextCheckpointOf(page, refs, { position: null, ...(oldest ? { open: oldest } : {}) });
  return firstPassPage(page, { changes, deletions, reference }, next, page.serverTime);
}

/** A page of a first pass (open-first or newest-first): not current to «now» until the pass ends. */
function firstPassPage(page: FeedChangesPage, items: ReturnType<typeof splitItems>, next: FeedCheckpoint, historyLoadedFrom: number | null): SyncPage {
  return { ...items, nextCheckpoint: JSON.stringify(next), hasMore: page.hasMore, remainingEstimate: page.remaining, dataAsOf: null, historyLoadedFrom };
}

/**
 * A page of a newest-first first pass: applied like any page, items below what the pass already
 * delivered only (a repeated page is skipped). Everything updated at or after its oldest item is
 * now in the store, which is what «Обзор» reports while the rest of the history arrives.
 */
function newestFirstPage(page: FeedChangesPage, checkpoint: FeedCheckpoint, refs: ReferenceSets): SyncPage {
  assertSameDataset(page, checkpoint);
  const pass = checkpoint.pass ?? { newest: null, oldest: null };
  // A pass only walks down: a page starting at or above what it already delivered went back.
  const top = page.items[0];
  if (pass.oldest && top && comparePositions(positionOf(top), pass.oldest) >= 0) {
    throw new SyncSourceError('cursor-regression', syncError('feed-went-back'));
  }
  const fresh = pass.oldest ? page.items.filter((item) => comparePositions(positionOf(item), pass.oldest!) < 0) : page.items;
  const { changes, deletions, reference } = splitItems(fresh, refs);
  const newest = page.items[0] ? positionOf(page.items[0]) : null;
  const oldest = fresh.length > 0 ? positionOf(fresh[fresh.length - 1]!) : pass.oldest;
  const next = nextCheckpointOf(page, refs, { position: null, pass: { newest: pass.newest ?? newest, oldest } });
  // Current to «now» only once the pass and what changed during it are in.
  return firstPassPage(page, { changes, deletions, reference }, next, oldest ? oldest[0] : null);
}
