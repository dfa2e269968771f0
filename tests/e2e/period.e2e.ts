/**
 * The operator types a custom period in the top bar: the fields read dd.mm.yyyy in the Russian UI
 * whatever the browser's locale (headless Chromium is en-US), a wrong or reversed range is said
 * and not applied, and a right one reaches the screen.
 */
import { describe, expect, it } from 'vitest';
import { openApp, saveScreenshot, uniqueDbName, waitForScreen } from './support';
import { PeriodPicker } from './period-picker';
import { ShellPage } from './support/shell-page';

const DEMO = { demoScale: 1000, demoSeed: 7, demoNow: '2025-11-18T09:00:00+03:00' };

describe('the period fields', () => {
  it('take dd.mm.yyyy, refuse a reversed range and apply a right one', async () => {
    const app = await openApp({ path: 'overview', query: { ...DEMO, dbName: uniqueDbName('period') } });
    await waitForScreen(app.page, 'overview', 120_000);
    const period = new PeriodPicker(app.page);
    // «30 дней» up to the demo's 18.11.2025.
    expect(await period.value('from')).toBe('20.10.2025');
    expect(await period.value('to')).toBe('18.11.2025');

    await period.type('from', '01122025');
    expect(await period.error().innerText()).toBe('Начало периода позже конца — период не применён');
    expect(await period.field('from').getAttribute('aria-invalid')).toBe('true');
    expect(await period.preset().inputValue()).toBe('last30');
    await saveScreenshot(app.page, 'period-reversed');

    await period.type('from', '01.11.2025');
    await period.error().waitFor({ state: 'detached' });
    expect(await period.value('from')).toBe('01.11.2025');
    await app.page.getByTestId('overview-period').getByText('01.11–18.11.2025').waitFor();
    expect(await period.preset().inputValue()).toBe('month');

    await period.type('to', '31.11.2025');
    expect(await period.error().innerText()).toBe('Конец периода: введите дату как дд.мм.гггг');
    await app.page.getByTestId('overview-period').getByText('01.11–18.11.2025').waitFor();
    await saveScreenshot(app.page, 'period-invalid');

    await period.openCalendar('from');
    await app.page.keyboard.press('Escape');

    await new ShellPage(app.page).switchLanguage('EN');
    await app.page.getByRole('link', { name: 'Overview', exact: true }).waitFor();
    expect(await period.value('from')).toBe('01/11/2025');
    expect(app.consoleErrors).toEqual([]);
  });
});
