/**
 * Scenario 1, morning check: the overview shows the period, the data age and the numbers; a click
 * on «Просрочено», «Отвечено» or «Отложенные» opens the registry filtered to exactly those appeals.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, saveScreenshot, type OpenedApp } from './support';

const DEMO = { demoScale: 3000, demoSeed: 7, demoNow: '2025-11-18T09:00:00+03:00' };

/** Page object for «Обзор». */
class OverviewPage {
  constructor(readonly page: Page) {}

  async waitReady() {
    await this.page.locator('[data-testid="overview"][data-ready="true"]').waitFor({ timeout: 120_000 });
  }

  /** Waits until the demo sync has filled the store and the overview shows a settled overdue count. */
  async waitForData(): Promise<number> {
    await this.waitReady();
    const value = this.page.getByTestId('ov-now-overdue-value');
    await value.waitFor({ timeout: 180_000 });
    let last = -1;
    let stable = 0;
    for (let i = 0; i < 240 && stable < 3; i++) {
      const idle = (await this.page.getByText(/Идёт синхронизация/).count()) === 0;
      const n = parseNumber(await value.innerText());
      stable = idle && n === last && n > 0 ? stable + 1 : 0;
      last = n;
      await this.page.waitForTimeout(500);
    }
    return last;
  }

  number(testId: string) {
    return this.page.getByTestId(testId);
  }

  async value(testId: string): Promise<number> {
    return parseNumber(await this.page.getByTestId(`${testId}-value`).innerText());
  }

  /** Clicks a number and returns the registry's «Найдено N» for the filter it opened. */
  async openInRegistry(testId: string): Promise<number> {
    await this.number(testId).click();
    await this.page.waitForURL(/#\/registry/);
    await this.page.locator('main[data-area="registry"]').waitFor();
    await this.page.locator('[data-testid="registry"][data-ready="true"]').waitFor({ timeout: 60_000 });
    const found = await this.page.getByTestId('registry-count').innerText();
    const match = /^Найдено ([\d\s\u202f\u00a0]+) обращ/.exec(found);
    if (!match) throw new Error(`no exact count in «${found}»`);
    return parseNumber(match[1]!);
  }

  async back() {
    await this.page.goBack();
    await this.waitReady();
  }
}

function parseNumber(text: string): number {
  return Number(text.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.').replace('\u2212', '-'));
}

describe('«Обзор»', () => {
  let app: OpenedApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('shows its period, the data age and numbers that open exactly those appeals in the registry', async () => {
    app = await openApp({ path: 'overview', query: { ...DEMO, dbName: `e2e-overview-${Date.now()}` } });
    const overview = new OverviewPage(app.page);
    const overdue = await overview.waitForData();
    expect(overdue).toBeGreaterThan(0);
    expect(await app.page.getByTestId('overview-period').innerText()).toMatch(/^Период: \d\d\.\d\d.*\d{4}$/);
    expect(await app.page.getByTestId('overview').getByTestId('data-age').innerText()).toMatch(/^Данные на /);
    // Every sector row shows, with numbers as links.
    expect(await app.page.getByTestId('overview-sector-table').locator('a').count()).toBeGreaterThan(20);
    await saveScreenshot(app.page, 'overview');

    const link = overview.number('ov-now-overdue');
    expect(await link.getAttribute('href')).toBe('#/registry?deadline=overdue&sort=due-asc');
    await link.click();
    await app.page.waitForURL(/#\/registry\?deadline=overdue&sort=due-asc$/);
    await app.page.locator('main[data-area="registry"]').waitFor();
    await app.page.locator('[data-testid="registry"][data-ready="true"]').waitFor({ timeout: 60_000 });
    const found = await app.page.getByTestId('registry-count').innerText();
    const match = /^Найдено ([\d\s\u202f\u00a0]+) обращ/.exec(found);
    expect(match, found).not.toBeNull();
    expect(parseNumber(match![1]!)).toBe(overdue);

    // «Отвечено» and «Отложенные» of the period: the registry shows the same appeals, and the
    // condition is visible (and removable) in its filter bar.
    await overview.back();
    const answered = await overview.value('ov-period-answered');
    expect(answered).toBeGreaterThan(0);
    expect(await overview.number('ov-period-answered').getAttribute('href')).toMatch(/^#\/registry\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d&answered=1$/);
    expect(await overview.openInRegistry('ov-period-answered')).toBe(answered);
    const answeredSelect = app.page.getByTestId('registry-filters').locator('select[name="answered"]');
    expect(await answeredSelect.inputValue()).toBe('1');
    expect(await answeredSelect.locator('option:checked').innerText()).toBe('Да');

    await overview.back();
    const postponed = await overview.value('ov-period-postponed');
    expect(await overview.number('ov-period-postponed').getAttribute('href')).toMatch(/&postponed=1$/);
    expect(await overview.openInRegistry('ov-period-postponed')).toBe(postponed);
    expect(await app.page.getByTestId('registry-filters').locator('select[name="postponed"]').inputValue()).toBe('1');

    // The answered count of one sector row of the table, too.
    await overview.back();
    const housing = overview.number('ov-cell-housing-answered');
    const housingAnswered = parseNumber(await housing.innerText());
    expect(await overview.openInRegistry('ov-cell-housing-answered')).toBe(housingAnswered);
    expect(app.externalRequests).toEqual([]);
  });

  it('says honestly when there is nothing to show', async () => {
    app = await openApp({ path: 'overview', query: { demo: 'off', dbName: `e2e-overview-empty-${Date.now()}` } });
    const overview = new OverviewPage(app.page);
    await overview.waitReady();
    expect(await app.page.getByTestId('empty-state').innerText()).toContain('Нет данных за период. Измените период или синхронизируйте источники');
    expect(await app.page.getByTestId('overview-period').count()).toBe(1);
    expect(app.consoleErrors).toEqual([]);
  });
});
