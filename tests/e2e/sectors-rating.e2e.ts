/**
 * «Отрасли» and «Рейтинг» as an operator uses them: a panel per sector whose numbers open exactly
 * those appeals in the registry, a sector's detail, and the municipality rating with its methodology.
 */
import { describe, expect, it } from 'vitest';
import { DEMO, openApp, openSyncedApp, parseRuNumber as parseNumber, reloadSignedIn, saveScreenshot, uniqueDbName, waitForScreen } from './support';
import { RegistryPage } from './registry-page';

describe('«Отрасли» and «Рейтинг»', () => {
  it('shows a panel per sector whose overdue number opens exactly those appeals', async () => {
    const app = await openSyncedApp({ path: 'sectors', query: { ...DEMO, dbName: uniqueDbName('sectors') } });
    const { page } = app;
    await waitForScreen(page, 'sectors');
    const panels = page.getByTestId('sector-panel');
    expect(await panels.count()).toBeGreaterThanOrEqual(9);
    const housing = page.locator('[data-testid="sector-panel"][data-sector="housing"]');
    expect(await housing.locator('h2').innerText()).toBe('ЖКХ');
    expect(parseNumber(await housing.getByTestId('sector-received').innerText())).toBeGreaterThan(0);
    await saveScreenshot(page, 'sectors');

    const overdueLink = housing.locator('.tone-overdue a');
    const overdue = parseNumber(await overdueLink.innerText());
    await overdueLink.click();
    await page.waitForURL((url) => url.hash.startsWith('#/registry?') && url.hash.includes('deadline=overdue') && url.hash.includes('sector=housing'));
    expect(await new RegistryPage(page).exactCount()).toBe(overdue);
    expect(app.externalRequests).toEqual([]);
  });

  it('opens a sector in detail with its worst municipalities and organisations', async () => {
    const app = await openSyncedApp({ path: 'sectors', query: { ...DEMO, dbName: uniqueDbName('sector-detail') } });
    const { page } = app;
    await waitForScreen(page, 'sectors');
    await page.locator('[data-testid="sector-panel"][data-sector="roads"]').getByRole('button').click();
    await page.getByTestId('sector-detail').waitFor();
    await page.locator('[data-testid="sector-worst-municipality"] tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="sector-worst-organisation"] tbody tr').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'sector-detail');
  });

  it('ranks municipalities with the methodology shown and counts that match the registry', async () => {
    const app = await openSyncedApp({ path: 'rating', query: { ...DEMO, dbName: uniqueDbName('rating') } });
    const { page } = app;
    await waitForScreen(page, 'rating');
    const rows = page.getByTestId('rating-row');
    expect(await rows.count()).toBe(45);
    expect(await rows.first().locator('td').first().innerText()).toBe('1');
    expect(await page.getByTestId('rating-methodology').innerText()).toContain('Скорость');
    await saveScreenshot(page, 'rating');

    const received = rows.first().locator('td').nth(4).locator('a');
    const count = parseNumber(await received.innerText());
    await received.click();
    await page.waitForURL(/#\/registry\?/);
    expect(await new RegistryPage(page).exactCount()).toBe(count);
  });

  it('keeps rating weights set in Settings and rejects an all-zero set', async () => {
    const app = await openApp({ path: 'settings', query: { demo: 'off', dbName: uniqueDbName('weights') } });
    const { page } = app;
    const section = page.getByTestId('rating-weights');
    await section.waitFor({ timeout: 30_000 });
    const inputs = section.locator('input[type="number"]');
    for (let i = 0; i < 4; i++) await inputs.nth(i).fill('0');
    expect(await section.getByRole('button', { name: 'Сохранить веса' }).isDisabled()).toBe(true);
    await inputs.nth(1).fill('2');
    await inputs.nth(2).fill('1');
    await section.getByRole('button', { name: 'Сохранить веса' }).click();
    await section.getByText('Веса сохранены').waitFor();
    await reloadSignedIn(page);
    await page.getByTestId('rating-weights').locator('input[type="number"]').nth(1).waitFor();
    expect(await page.getByTestId('rating-weights').locator('input[type="number"]').nth(1).inputValue()).toBe('2');
  });
});
