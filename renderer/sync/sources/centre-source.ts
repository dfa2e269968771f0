/**
 * The centre server as a sync source: its cur-feed pulled by the HTTP feed client under the
 * reserved id `feed:centre` (address and token kept by the host). What the server says about a
 * failure stays out of the sync state: every error is the client's fixed phrase with the server's
 * words and transport details removed, so «Источники» shows only sentences this app wrote. After a
 * pass reaches the end of the feed, the shared records are exchanged too.
 */
import type { SyncErrorMessage } from '../../../shared/messages/sync-error';
import { SyncSourceError, type SyncSource } from '../source';
import { CENTRE_FEED_ID } from '../centre/connection';
import { createHttpFeedSource, type FetchFeed } from './http-feed-source';

export const CENTRE_SOURCE_LABEL = 'Сервер центра';

/** The same message without text that came from outside this app. */
export function withoutOutsideText(reason: SyncErrorMessage): SyncErrorMessage {
  const params = reason.params as Record<string, unknown>;
  const cleaned: Record<string, unknown> = { ...params };
  if ('server' in cleaned) cleaned.server = null;
  if (reason.kind === 'feed-unreachable' || reason.kind === 'feed-not-json') cleaned.detail = '';
  return { kind: reason.kind, params: cleaned } as SyncErrorMessage;
}

export interface CentreSourceOptions {
  knownSectors?: readonly string[];
  knownMunicipalities?: readonly string[];
  /** Called when a pass has reached the end of the feed. */
  onCaughtUp?: () => void;
}

export function createCentreSource(fetchFeed: FetchFeed, options: CentreSourceOptions = {}): SyncSource {
  const feed = createHttpFeedSource(
    { id: CENTRE_FEED_ID, label: CENTRE_SOURCE_LABEL, knownSectors: options.knownSectors, knownMunicipalities: options.knownMunicipalities },
    fetchFeed,
  );
  return {
    id: feed.id,
    label: feed.label,
    isDemo: false,
    async pull(checkpoint, signal) {
      try {
        const page = await feed.pull(checkpoint, signal);
        if (!page.hasMore) options.onCaughtUp?.();
        return page;
      } catch (error) {
        if (error instanceof SyncSourceError) throw new SyncSourceError(error.kind, withoutOutsideText(error.reason), error.retryAfterMs);
        throw error;
      }
    },
  };
}
