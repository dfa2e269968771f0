/**
 * One page request of a feed, built by the host from the stored feed address and token (runtime:
 * any — Electron main with Chromium's network stack, the browser, Node). The caller gives only
 * the position; everything that leaves the machine is decided here by request-policy.ts, and the
 * body is read under a cap (read-capped-body.ts).
 */
import { readCappedBody } from './read-capped-body';
import {
  buildChangesUrl,
  decideRedirect,
  feedRequestHeaders,
  FEED_RESPONSE_HEADERS,
  FEED_TOO_LARGE_MESSAGE,
  MAX_FEED_BODY_BYTES,
  type FeedPageParams,
  type FeedUrlPolicy,
} from './feed-request-policy';

/** The subset of `fetch` the page request uses; the host supplies it (net.fetch-like, fetch). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Where a feed lives and how it authenticates: kept by the host, never sent by the page. */
export interface FeedEndpoint {
  baseUrl: string;
  token: string | null;
}

export interface FeedPageResponse {
  status: number;
  /** Only the headers the client reads (FEED_RESPONSE_HEADERS), lower-case. */
  headers: Record<string, string>;
  body: string;
}

/** The request was not sent (or not followed) because the policy forbids it. */
export class FeedRequestRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedRequestRefused';
  }
}

export interface FetchFeedPageOptions extends FeedUrlPolicy {
  timeoutMs: number;
  maxBodyBytes?: number;
}

function pickHeaders(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FEED_RESPONSE_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return headers;
}

async function discard(response: Response) {
  await response.body?.cancel().catch(() => {});
}

export async function fetchFeedPage(fetchImpl: FetchLike, endpoint: FeedEndpoint, page: FeedPageParams, options: FetchFeedPageOptions): Promise<FeedPageResponse> {
  const built = buildChangesUrl(endpoint.baseUrl, page, options);
  if (!built.ok) throw new FeedRequestRefused(built.reason);
  const maxBodyBytes = options.maxBodyBytes ?? MAX_FEED_BODY_BYTES;
  const signal = AbortSignal.timeout(options.timeoutMs);
  const headers = feedRequestHeaders(endpoint.token);
  let url = built.value;
  for (let hop = 0; ; hop++) {
    const response = await fetchImpl(url, {
      method: 'GET',
      headers,
      // Never followed by the transport: a redirect is checked here before anything is sent to its target.
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal,
    });
    if (response.type === 'opaqueredirect') {
      // A browser hides the redirect's target from the page, so it cannot be checked: refuse.
      throw new FeedRequestRefused('Лента ответила перенаправлением: в браузерном режиме перенаправления не выполняются. Укажите конечный адрес ленты.');
    }
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      await discard(response);
      const next = decideRedirect(url, response.headers.get('location'), hop, options);
      if (!next.ok) throw new FeedRequestRefused(next.reason);
      url = next.value;
      continue;
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      await discard(response);
      throw new FeedRequestRefused(FEED_TOO_LARGE_MESSAGE);
    }
    const body = await readCappedBody(response.body, maxBodyBytes);
    return { status: response.status, headers: pickHeaders(response), body };
  }
}
