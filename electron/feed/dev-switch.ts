/**
 * The developer switch for a plain-http feed on this computer (`npm run feed:dev`): off unless
 * CUR_DEV_LOOPBACK_FEEDS=1 is set, and never in a packaged build. Pure.
 */
import type { FeedUrlPolicy } from '../../shared/net/feed-request-policy';

export function feedUrlPolicy(env: Readonly<Record<string, string | undefined>>, isPackaged: boolean): FeedUrlPolicy {
  return { allowLoopbackHttp: !isPackaged && env.CUR_DEV_LOOPBACK_FEEDS === '1' };
}
