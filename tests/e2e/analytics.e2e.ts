/**
 * «Аналитика» end to end: build a pivot, open a cell's appeals in the registry (the count there
 * equals the cell), save the analysis, export it to XLSX, switch to the forecast, open a spike
 * (the demo plants a water outage on 18.11.2025). Screenshots go to docs/guide/img/ for the guide.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp } from './support';
import { KIROV_PACK } from '../../shared/domain/packs';

const GUIDE_IMG = fileURLToPath(new URL('../../docs/guide/img', import.meta.url));
const DEMO = { demoScale: 3000, demoSeed: 7, demoNow: '2025-11-19T17:00:00+03:00' };

async function guideShot(page: Page, name: string) {
  await mkdir(GUIDE_IMG, { recursive: true });
  await page.screenshot({ path: `${GUIDE_IMG}/${name}.png`, fullPage: false });
}

function parseNumber(text: string): number {
  return Number(text.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.').replace('\u2212', '-'));
}

/** Page object for «Аналитика». */
class AnalyticsPage {
  constructor(readonly page: Page) {}

  async waitPivot() {
    await this.page.locator('[data-testid="analytics-pivot"][data-ready="true"]').waitFor({ timeout: 120_000 });
  }

  /** Waits until the demo sync has filled the store and the grand total stops changing. */
  async waitForData(): Promise<number> {
    let last = -1;
    let stable = 0;
    for (let i = 0; i < 360 && stable < 4; i++) {
      await this.waitPivot();
      const total = this.page.getByTestId('pivot-grand-total');
      const n = (await total.count()) ? parseNumber(await total.innerText()) : 0;
      const idle = (await this.page.getByText(/Идёт синхронизация/).count()) === 0;
      stable = idle && n === last && n > 0 ? stable + 1 : 0;
      last = n;
      await this.page.waitForTimeout(500);
    }
    return last;
  }

  async select(testId: string, value: string) {
    await this.page.getByTestId(testId).selectOption(value);
    await this.waitPivot();
  }
}

describe('«Аналитика»', () => {
  let app: OpenedApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('builds a pivot, opens a cell in the registry, saves, exports, forecasts and opens a spike', async () => {
    app = await openApp({ path: 'analytics', query: { ...DEMO, dbName: `e2e-analytics-${Date.now()}` }, viewport: { width: 1600, height: 1000 } });
    const page = app.page;
    const analytics = new AnalyticsPage(page);
    // The default period is the last 30 days; take the year so the pivot has depth.
    const total = await analytics.waitForData();
    expect(total).toBeGreaterThan(0);

    // Build: municipality × status group, received.
    await analytics.select('pivot-cols', 'statusGroup');
    await analytics.select('pivot-measure', 'received');
    await analytics.waitForData();
    await expect.poll(() => page.getByTestId('pivot-cell-link').count()).toBeGreaterThan(3);
    // Computed in the analytics worker, off the window's thread.
    expect(await page.getByTestId('analytics-pivot').getAttribute('data-computed-in')).toBe('worker');
    expect(await page.getByTestId('analytics-meta').innerText()).toMatch(/Период: .*Охват: весь регион, все отрасли/s);
    await guideShot(page, 'analytics-pivot');

    // A cell opens exactly its appeals.
    const cell = page.locator('[data-testid="pivot-cell"][data-count]:has([data-testid="pivot-cell-link"])').first();
    const expected = Number(await cell.getAttribute('data-count'));
    expect(expected).toBeGreaterThan(0);
    await cell.getByTestId('pivot-cell-link').click();
    await page.waitForURL(/#\/registry\?/);
    await page.locator('[data-testid="registry"][data-ready="true"]').waitFor({ timeout: 60_000 });
    await expect.poll(async () => /^Найдено /.test(await page.getByTestId('registry-count').innerText()), { timeout: 30_000 }).toBe(true);
    const found = /^Найдено ([\d\s\u202f\u00a0]+) обращ/.exec(await page.getByTestId('registry-count').innerText());
    expect(found && parseNumber(found[1]!)).toBe(expected);
    expect(page.url()).toMatch(/municipality=/);
    expect(page.url()).toMatch(/status=/);
    await guideShot(page, 'analytics-cell-registry');
    await page.goBack();
    await analytics.waitPivot();

    // Save it under a name.
    await page.getByTestId('pivot-save-name').fill('Статусы по муниципалитетам');
    await page.getByTestId('pivot-save').click();
    await expect.poll(() => page.getByTestId('pivot-saved').innerText()).toContain('Статусы по муниципалитетам');

    // Export the table.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pivot-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^analytics-2025-11-19\.xlsx$/);
    await expect.poll(() => page.getByTestId('pivot-export-status').innerText()).toContain('analytics-2025-11-19.xlsx');

    // The chart view of the same pivot.
    await page.getByRole('button', { name: 'График' }).click();
    await page.getByTestId('pivot-chart').waitFor();
    await guideShot(page, 'analytics-chart');
    // Municipalities alone: the region map.
    await analytics.select('pivot-cols', '');
    await page.getByTestId('pivot-chart').waitFor();
    await guideShot(page, 'analytics-map');

    // Forecast.
    await page.getByTestId('analytics-tab-trend').click();
    await page.locator('[data-testid="analytics-trend"][data-ready="true"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('forecast-metrics').waitFor();
    expect(await page.getByTestId('forecast-metrics').innerText()).toMatch(/MASE/);
    await page.getByTestId('trend-chart').waitFor();
    await guideShot(page, 'analytics-forecast');

    // Spikes: the planted water outage.
    await page.getByTestId('analytics-tab-spikes').click();
    await page.locator('[data-testid="analytics-spikes"][data-ready="true"]').waitFor({ timeout: 60_000 });
    const alert = page.getByTestId('spike-alert').filter({ hasText: 'Водоснабжение' }).first();
    await alert.waitFor();
    expect(await alert.getByTestId('spike-text').innerText()).toMatch(/^Водоснабжение, .+: \d+ за 3 дня при обычных \d+,\d — в \d+,\d раза больше$/);
    await alert.getByTestId('spike-known').click();
    await expect.poll(() => alert.innerText()).toContain('известен');
    await guideShot(page, 'analytics-spikes');
    await alert.getByTestId('spike-link').click();
    await page.waitForURL(/#\/registry\?.*category=/);
    await page.locator('[data-testid="registry"][data-ready="true"]').waitFor({ timeout: 60_000 });
    await expect.poll(async () => parseNumber((/([\d\s\u202f\u00a0]+) обращ/.exec(await page.getByTestId('registry-count').innerText()) ?? ['', '0'])[1]!)).toBeGreaterThanOrEqual(6);

    expect(app.externalRequests).toEqual([]);
  }, 600_000);

  it('keeps a municipality group from the URL on every screen, opens «остальные», decomposes «прочие» and makes a category', async () => {
    // The three most populous municipalities as a named group, straight from a link.
    const members = [...KIROV_PACK.municipalities].sort((a, b) => (b.population?.value ?? 0) - (a.population?.value ?? 0)).slice(0, 3).map((m) => m.id);
    const path = `analytics?mo=${members.join(',')}&mog=${encodeURIComponent('Крупные')}`;
    app = await openApp({ path, query: { ...DEMO, dbName: `e2e-analytics-scope-${Date.now()}` }, viewport: { width: 1600, height: 1000 } });
    const page = app.page;
    const analytics = new AnalyticsPage(page);
    await analytics.waitForData();
    // The top bar shows the group, and the pivot by municipality has its members only.
    await expect.poll(() => page.getByTestId('municipality-filter').locator('option:checked').innerText()).toBe('Крупные');
    expect(await page.getByTestId('analytics-meta').innerText()).toContain('Охват: группа «Крупные» (3 муницип.)');
    const rowKeys = await page.locator('[data-testid="pivot-table"] tbody tr').count();
    expect(rowKeys).toBeGreaterThan(0);
    expect(rowKeys).toBeLessThanOrEqual(3);

    // Categories, top 3: the fourth row is «остальные» and opens exactly its appeals.
    await analytics.select('pivot-rows', 'category');
    await analytics.select('pivot-cols', '');
    await page.getByTestId('pivot-top').fill('3');
    await analytics.waitForData();
    const rest = page.locator('[data-testid="pivot-cell"][data-count]:has([data-testid="pivot-rest-link"])').first();
    await rest.waitFor();
    const expected = Number(await rest.getAttribute('data-count'));
    expect(expected).toBeGreaterThan(0);
    await rest.getByTestId('pivot-rest-link').click();
    await page.waitForURL(/#\/registry\?.*not\.category=/);
    await page.locator('[data-testid="registry"][data-ready="true"]').waitFor({ timeout: 60_000 });
    await expect.poll(async () => /^Найдено /.test(await page.getByTestId('registry-count').innerText()), { timeout: 30_000 }).toBe(true);
    const found = /^Найдено ([\d\s\u202f\u00a0]+) обращ/.exec(await page.getByTestId('registry-count').innerText());
    expect(found && parseNumber(found[1]!)).toBe(expected);
    expect(page.url()).toContain(`mo=${members.join('%2C')}`);
    await page.getByTestId('registry-list-conditions').waitFor();
    await guideShot(page, 'analytics-rest-registry');
    await page.goBack();
    await analytics.waitPivot();

    // «Разбор прочих» over the whole region and the year (the demo's «Прочее» is thin in a month):
    // recurring phrases, no personal data in what is shown.
    await page.getByTestId('municipality-filter').selectOption('');
    await page.getByTestId('period-preset').selectOption('year');
    await expect.poll(() => page.url()).not.toContain('mo=');
    await page.getByTestId('analytics-tab-other').click();
    await page.getByTestId('other-run').click();
    await page.getByTestId('other-result').waitFor({ timeout: 120_000 });
    const phrases = page.getByTestId('other-phrase');
    if ((await phrases.count()) === 0) console.log('decomposition:', await page.getByTestId('other-result').innerText());
    await expect.poll(() => phrases.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const shown = await page.getByTestId('other-phrases').innerText();
    expect(shown).not.toMatch(/@|\+7|\d{5,}|\d{3}-\d{2}-\d{2}/);
    await guideShot(page, 'analytics-other');
    const first = phrases.first();
    const label = await first.getByTestId('other-phrase-label').innerText();
    await first.getByTestId('other-create').click();
    await page.getByTestId('other-confirm').click();
    await expect.poll(() => page.getByTestId('other-notice').innerText(), { timeout: 60_000 }).toMatch(/Категория «.+» создана, перенесено обращений: \d+/);
    expect(label.length).toBeGreaterThan(3);
    expect(app.externalRequests).toEqual([]);
  }, 600_000);
});
