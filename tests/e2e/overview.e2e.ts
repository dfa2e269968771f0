/**
 * Scenario 1, morning check: the overview shows the period, the data age and the numbers; a click
 * on «Просрочено», «Отвечено» or «Отложенные» opens the registry filtered to exactly those appeals.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO, openApp, openSyncedApp, parseRuNumber as parseNumber, saveScreenshot, uniqueDbName, waitForScreen } from './support';
import { RegistryPage } from './registry-page';

/** Page object for «Обзор». */
class OverviewPage {
  constructor(readonly page: Page) {}

  async waitReady() {
    await waitForScreen(this.page, 'overview');
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
    return new RegistryPage(this.page).exactCount();
  }

  async back() {
    await this.page.goBack();
    await this.waitReady();
  }
}

describe('«Обзор»', () => {
  it('shows its period, the data age and numbers that open exactly those appeals in the registry', async () => {
    const app = await openSyncedApp({ path: 'overview', query: { ...DEMO, dbName: uniqueDbName('overview') } });
    const overview = new OverviewPage(app.page);
    await overview.waitReady();
    const overdue = await overview.value('ov-now-overdue');
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
    expect(await new RegistryPage(app.page).exactCount()).toBe(overdue);

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
    const app = await openApp({ path: 'overview', query: { demo: 'off', dbName: uniqueDbName('overview-empty') } });
    const overview = new OverviewPage(app.page);
    await overview.waitReady();
    expect(await app.page.getByTestId('empty-state').innerText()).toContain('Нет данных за период. Измените период или синхронизируйте источники');
    expect(await app.page.getByTestId('overview-period').count()).toBe(1);
    expect(app.consoleErrors).toEqual([]);
  });
});
