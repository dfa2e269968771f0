/**
 * Feed addresses and tokens in browser mode, kept in the origin's localStorage (shared by the
 * operator and wall windows, read by the sync leader). A browser has no OS keychain, so the token
 * is stored as is — browser mode is for trying the app; a centre runs the desktop build, where
 * the main process keeps the token sealed by the OS. The rules match electron/feed/feed-endpoints.ts:
 * the page reads `tokenSet` only, and a new origin drops the old token.
 */
import type { FeedEndpoint } from '../../shared/net/fetch-feed-page';
import { FeedRequestRefused } from '../../shared/net/fetch-feed-page';
import { checkFeedBaseUrl, type FeedUrlPolicy } from '../../shared/net/feed-request-policy';
import type { FeedEndpointChange, FeedEndpointState } from './platform';

export const BROWSER_FEEDS_KEY = 'cur.feedEndpoints.v1';

type Stored = Record<string, { baseUrl: string; token: string | null }>;

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function createBrowserFeedEndpoints(storage: Pick<Storage, 'getItem' | 'setItem'>, policy: FeedUrlPolicy) {
  const read = (): Stored => {
    try {
      const value = JSON.parse(storage.getItem(BROWSER_FEEDS_KEY) ?? '{}') as unknown;
      return value && typeof value === 'object' ? (value as Stored) : {};
    } catch {
      return {};
    }
  };
  const write = (value: Stored) => storage.setItem(BROWSER_FEEDS_KEY, JSON.stringify(value));

  return {
    list(): FeedEndpointState[] {
      return Object.entries(read()).map(([feedId, f]) => ({ feedId, baseUrl: f.baseUrl, tokenSet: typeof f.token === 'string' }));
    },
    configure(change: FeedEndpointChange): FeedEndpointState {
      const checked = checkFeedBaseUrl(change.baseUrl, policy);
      if (!checked.ok) throw new FeedRequestRefused(checked.reason);
      const all = read();
      const previous = all[change.feedId];
      const sameOrigin = previous !== undefined && originOf(previous.baseUrl) === originOf(checked.value);
      const token = typeof change.token === 'string' ? change.token : change.token === null || !sameOrigin ? null : previous.token;
      all[change.feedId] = { baseUrl: checked.value, token };
      write(all);
      return { feedId: change.feedId, baseUrl: checked.value, tokenSet: token !== null };
    },
    remove(feedId: string) {
      const all = read();
      delete all[feedId];
      write(all);
    },
    endpoint(feedId: string): FeedEndpoint | null {
      const stored = read()[feedId];
      return stored ? { baseUrl: stored.baseUrl, token: typeof stored.token === 'string' ? stored.token : null } : null;
    },
  };
}

/**
 * Browser mode's developer switch for a plain-http feed on this computer (`npm run feed:dev`):
 * the start option `?devLoopbackFeeds=1`. Without it, feeds must be https.
 */
export function browserFeedPolicy(search: string): FeedUrlPolicy {
  return { allowLoopbackHttp: new URLSearchParams(search).get('devLoopbackFeeds') === '1' };
}
