import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../db/db';
import type { CurDatabase } from '../db/schema';
import { setSetting } from '../db/settings-repo';
import { FEEDS_KEY, getFeeds, moveFeedTokensToHost } from './sync-settings';

let db: CurDatabase;
afterEach(async () => {
  await db.delete();
});

describe('feed tokens of older versions', () => {
  it('move to the host once and leave the database', async () => {
    db = openDb(`token-move-${Math.random()}`);
    await setSetting(db, FEEDS_KEY, [
      { id: 'feed:a', label: 'А', baseUrl: 'https://a.example.ru', token: 'clear-token-a', enabled: true },
      { id: 'feed:b', label: 'Б', baseUrl: 'http://b.example.ru', token: 'clear-token-b', enabled: true },
      { id: 'feed:c', label: 'В', baseUrl: 'https://c.example.ru', enabled: true },
    ]);
    const received: unknown[] = [];
    const host = {
      async configureFeed(change: { feedId: string; baseUrl: string; token?: string | null }) {
        if (change.baseUrl.startsWith('http:')) throw new Error('Лента должна работать по https');
        received.push(change);
      },
    };
    await expect(moveFeedTokensToHost(db, host)).resolves.toBe(2);
    expect(received).toEqual([{ feedId: 'feed:a', baseUrl: 'https://a.example.ru', token: 'clear-token-a' }]);
    const feeds = await getFeeds(db);
    expect(feeds.map((f) => f.id)).toEqual(['feed:a', 'feed:b', 'feed:c']);
    expect(JSON.stringify(feeds)).not.toContain('clear-token');
    // Nothing left to move on the next start.
    await expect(moveFeedTokensToHost(db, host)).resolves.toBe(0);
  });
});
