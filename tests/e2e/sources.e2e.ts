/**
 * Scenario 4 from the operator's side: the «Источники» screen shows each source's state a person can
 * read. The demo region syncs on its own (leader window, worker); a regional feed that answers with
 * an error shows the cause in Russian and the data is flagged stale; a second window of the app
 * follows the same state without syncing twice, and its «Синхронизировать сейчас» reaches the leader.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, saveScreenshot, signInIfAsked, SYNC_TIMEOUT_MS, uniqueDbName, waitForSyncIdle } from './support';

const DEMO = { demoScale: 2000, demoSeed: 3, demoNow: '2025-11-18T09:00:00+03:00' };

/** Page object for «Источники». */
class SourcesPage {
  constructor(readonly page: Page) {}

  card(id: string) {
    return this.page.getByTestId(`source-${id}`);
  }

  /** Pulls of one source finished so far, as its card says. */
  async pulls(id: string): Promise<number> {
    return Number(await this.card(id).getByTestId('source-state').getAttribute('data-pulls'));
  }

  /** Waits until more than `after` pulls of one source have finished and none runs. */
  async waitForPull(id: string, after: number) {
    await this.page.waitForFunction(
      ({ id, after }) => {
        const card = document.querySelector(`[data-testid="source-${id}"][data-ready="true"]`);
        return Number(card?.querySelector('[data-testid="source-state"]')?.getAttribute('data-pulls')) > after;
      },
      { id, after },
      { timeout: SYNC_TIMEOUT_MS, polling: 100 },
    );
  }

  async addFeed(label: string, url: string, token: string) {
    await this.page.getByTestId('feed-add').click();
    await this.page.getByTestId('feed-label').fill(label);
    await this.page.getByTestId('feed-url').fill(url);
    await this.page.getByTestId('feed-token').fill(token);
    await this.page.getByTestId('feed-save').click();
    await this.page.getByTestId('feed-form').waitFor({ state: 'detached' });
  }

  async records(id: string): Promise<number> {
    const text = await this.card(id).getByTestId('source-records').innerText();
    return Number(text.replace(/\D/g, ''));
  }
}

describe('Sources: sync state a person can read', () => {
  it('shows the demo region synced, a failing feed with its cause in Russian, and the same state in a second window', async () => {
    // devLoopbackFeeds: the feed below is plain http on 127.0.0.1, allowed only with the developer switch.
    const app = await openApp({ path: 'sources', query: { ...DEMO, dbName: uniqueDbName('sources'), devLoopbackFeeds: 1 } });
    const sources = new SourcesPage(app.page);

    await waitForSyncIdle(app.page);
    const demo = sources.card('demo');
    expect(await demo.getByTestId('demo-badge').isVisible()).toBe(true);
    expect(await demo.getByTestId('data-age').innerText()).toContain('09:00');
    const pulled = await sources.records('demo');
    expect(pulled).toBeGreaterThan(1000);

    // A feed address on the local server that is not a feed: HTTP 404.
    await sources.addFeed('Лента области', `${app.baseUrl}/no-such-feed`, 'token-1');
    const feedCard = app.page.locator('[data-testid^="source-feed:"]');
    await feedCard.getByTestId('source-error').waitFor({ timeout: 60_000 });
    expect(await feedCard.getByTestId('source-error').innerText()).toMatch(/Лента отклонила запрос \(HTTP 404\)/);
    expect(await app.page.getByTestId('data-age').first().getAttribute('data-stale')).toBe('true');
    await saveScreenshot(app.page, 'sources-feed-error');

    // A second window: a follower. It shows the same records and its command reaches the leader.
    const second = new SourcesPage(await app.page.context().newPage());
    await second.page.goto(app.page.url());
    await signInIfAsked(second.page);
    await second.waitForPull('demo', 0);
    expect(await second.records('demo')).toBe(pulled);
    const before = await second.pulls('demo');
    await second.card('demo').getByTestId('source-sync-now').click();
    await second.waitForPull('demo', before);
    // Nothing was pulled twice: the demo clock is frozen, so a second pull brings nothing new.
    expect(await second.records('demo')).toBe(pulled);
    expect(app.externalRequests).toEqual([]);
  });
});
