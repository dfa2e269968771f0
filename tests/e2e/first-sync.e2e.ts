/**
 * A new workstation's first minute (issue 19): the demo region loads newest first, so «Обзор» for
 * the last 30 days shows real figures while the older history is still arriving — marked partial
 * («загружено за период с …»), never zeros as if final — and the mark goes once the year is in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NOW, openApp, uniqueDbName, waitForSyncIdle, type OpenedApp } from './support';

// Small pages over a larger year: the first load takes many pages, so there is a «during» to look at.
// The first run's sign-in (Argon2id, the recovery key) takes seconds: the year is long enough to outlast it.
const QUERY = { demoScale: 45_000, demoSeed: 7, demoNow: DEMO_NOW, demoPageSize: 50, dbName: uniqueDbName('first-sync') };

function count(text: string | null): number {
  return Number((text ?? '').replace(/\D+/g, '')) || 0;
}

describe('a new workstation is useful within its first pages', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp({ path: 'overview', query: QUERY });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the last 30 days with non-zero figures, marked partial, while history loads', { timeout: 330_000 }, async () => {
    const { page } = app;
    // One look at the DOM: the history mark, the partial period card and a non-zero figure together.
    const during = await page.waitForFunction(
      () => {
        const mark = document.querySelector('[data-testid="overview-history-loading"]');
        const partial = document.querySelector('[data-testid="overview-period-partial"]')?.getAttribute('data-partial');
        const received = document.querySelector('[data-testid="ov-period-received-value"]')?.textContent ?? '';
        const value = Number(received.replace(/\D+/g, ''));
        return mark && partial === 'true' && value > 0 ? { mark: mark.textContent, value, card: document.querySelector('[data-testid="overview-period-card"]')?.textContent ?? '' } : null;
      },
      null,
      { timeout: 60_000, polling: 100 },
    );
    const seen = (await during.jsonValue()) as { mark: string; value: number; card: string };
    expect(seen.mark).toMatch(/История загружается: загружено за период с \d{2}\.\d{2}\.\d{4}/);
    expect(seen.card).toMatch(/неполные данные: загружено за период с \d{2}\.\d{2}\.\d{4}/);
    expect(seen.value).toBeGreaterThan(0);

    await waitForSyncIdle(page, { timeout: 280_000 });
    await page.locator('[data-testid="overview-history-loading"]').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.getByTestId('overview-period-partial').getAttribute('data-partial')).toBe('false');
    // The first pages held only the newest days: the final figure is at least what was shown then.
    expect(count(await page.getByTestId('ov-period-received-value').textContent())).toBeGreaterThanOrEqual(seen.value);
  });
});
