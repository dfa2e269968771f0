/**
 * Where each feed lives and its token, kept by the main process (runtime: Electron main; plain
 * Node, tested with a temporary file and a fake SecretBox). The token is stored only as the OS
 * keychain sealed it and is never sent back to a page: the page learns `tokenSet` and nothing more.
 * A feed whose address moves to another origin loses its token — it was issued by the old server.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { checkFeedBaseUrl, type FeedUrlPolicy } from '../../shared/net/feed-request-policy';
import { FeedRequestRefused, type FeedEndpoint } from '../../shared/net/fetch-feed-page';
import type { SecretBox } from './secret-box';

const fileSchema = z.object({
  v: z.literal(1),
  feeds: z.record(
    z.string(),
    z.object({
      baseUrl: z.string(),
      /** base64 of the safeStorage-sealed token. */
      sealedToken: z.string().nullable(),
    }),
  ),
});
type EndpointsFile = z.infer<typeof fileSchema>;

export interface FeedEndpointState {
  feedId: string;
  baseUrl: string;
  tokenSet: boolean;
}

export interface ConfigureFeed {
  feedId: string;
  baseUrl: string;
  /** A string replaces the token, null clears it, undefined keeps it (unless the origin changed). */
  token?: string | null;
}

const MAX_FEEDS = 64;

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export class FeedEndpoints {
  private data: EndpointsFile;

  constructor(
    private readonly path: string,
    private readonly box: SecretBox,
    private readonly policy: FeedUrlPolicy,
  ) {
    this.data = { v: 1, feeds: {} };
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (parsed.success) this.data = parsed.data;
    } catch {
      // No file yet, or a damaged one: start empty (the operator enters the feeds again).
    }
  }

  list(): FeedEndpointState[] {
    return Object.entries(this.data.feeds).map(([feedId, f]) => ({ feedId, baseUrl: f.baseUrl, tokenSet: f.sealedToken !== null }));
  }

  async configure(change: ConfigureFeed): Promise<FeedEndpointState> {
    const checked = checkFeedBaseUrl(change.baseUrl, this.policy);
    if (!checked.ok) throw new FeedRequestRefused(checked.reason);
    const previous = this.data.feeds[change.feedId];
    if (!previous && Object.keys(this.data.feeds).length >= MAX_FEEDS) throw new FeedRequestRefused(`Лент не может быть больше ${MAX_FEEDS}.`);
    const sameOrigin = previous !== undefined && originOf(previous.baseUrl) === originOf(checked.value);
    let sealedToken: string | null;
    if (typeof change.token === 'string') sealedToken = Buffer.from(await this.box.encrypt(change.token)).toString('base64');
    else if (change.token === null || !sameOrigin) sealedToken = null;
    else sealedToken = previous.sealedToken;
    this.data.feeds[change.feedId] = { baseUrl: checked.value, sealedToken };
    this.save();
    return { feedId: change.feedId, baseUrl: checked.value, tokenSet: sealedToken !== null };
  }

  remove(feedId: string) {
    if (!(feedId in this.data.feeds)) return;
    delete this.data.feeds[feedId];
    this.save();
  }

  /** The address and the clear token, for building one request; null when the feed is unknown here. */
  async endpoint(feedId: string): Promise<FeedEndpoint | null> {
    const stored = this.data.feeds[feedId];
    if (!stored) return null;
    const token = stored.sealedToken === null ? null : await this.box.decrypt(Buffer.from(stored.sealedToken, 'base64'));
    return { baseUrl: stored.baseUrl, token };
  }

  private save() {
    mkdirSync(dirname(this.path), { recursive: true });
    // Write then rename: a crash mid-write never leaves half a file.
    const temporary = `${this.path}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.data, null, 2), { mode: 0o600 });
    renameSync(temporary, this.path);
  }
}
