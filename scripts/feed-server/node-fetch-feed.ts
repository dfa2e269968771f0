/**
 * `platform.fetchFeed` for Node (tests and scripts): the feed's address and token are given here,
 * as the host keeps them, and the page request goes through the same policy and capped reading as
 * in the app (shared/net/fetch-feed-page.ts) over Node's fetch; loopback http is allowed (the local
 * feed server).
 */
import { fetchFeedPage, type FeedEndpoint } from '../../shared/net/fetch-feed-page';
import type { RequestOf, ResponseOf } from '../../shared/ipc/contract';

/** The feed request and response as the IPC contract types them (the platform's `fetchFeed` is typed alike). */
type FeedRequest = RequestOf<'feed:fetch'>;
type FeedResponse = ResponseOf<'feed:fetch'>;

export function nodeFeedFetcher(endpoint: FeedEndpoint): (request: FeedRequest) => Promise<FeedResponse> {
  return ({ cursor, limit, timeoutMs, order }) =>
    fetchFeedPage((url, init) => fetch(url, init), endpoint, order ? { cursor, limit, order } : { cursor, limit }, { allowLoopbackHttp: true, timeoutMs });
}
