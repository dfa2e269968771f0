/**
 * `platform.fetchFeed` for Node (tests and scripts): the same contract as the browser
 * implementation, a plain fetch with a timeout; gzip is decoded by fetch.
 */
import type { RequestOf, ResponseOf } from '../../shared/ipc/contract';

/** The feed request and response as the IPC contract types them (the platform's `fetchFeed` is typed alike). */
type FeedRequest = RequestOf<'feed:fetch'>;
type FeedResponse = ResponseOf<'feed:fetch'>;

export async function nodeFetchFeed(request: FeedRequest): Promise<FeedResponse> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(request.timeoutMs),
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  return { status: response.status, headers, body: await response.text() };
}
