/**
 * «Отрасли» and «Рейтинг» as an operator uses them: a panel per sector whose numbers open exactly
 * those appeals in the registry, a sector's detail, and the municipality rating with its methodology.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, saveScreenshot, type OpenedApp } from './support';

const DEMO = { demoScale: 3000, demoSeed: 7, demoNow: '2025-11-18T09:00:00+03:00' };

function parseNumber(text: string): number {
  return Number(text.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.').replace('\u2212', '-'));
}

/** Waits until the demo sync is idle (its first pull done), so numbers no longer move. */
async function waitForSyncIdle(page: Page) {
  await page.getByTestId('data-age').first().waitFor({ timeout: 120_000 });
  for (let i = 0; i < 240; i++) {
    const syncing = await page.getByText(/Идёт синхронизация/).count();
    const age = await page.getByTestId('data-age').first().innerText();
    if (syncing === 0 && /^Данные на/.test(age)) return;
    await page.waitForTimeout(500);
  }
  throw new Error('demo sync did not settle');
}

async function registryCount(page: Page): Promise<number> {
  await page.locator('[data-testid="registry"][data-ready="true"]').waitFor({ timeout: 60_000 });
  const found = await page.getByTestId('registry-count').innerText();
  const match = /^Найдено ([\d\s\u202f\u00a0]+) обращ/.exec(found);
  if (!match) throw new Error(`unexpected registry count: ${found}`);
  return parseNumber(match[1]!);
}

describe('«Отрасли» and «Рейтинг»', () => {
  let app: OpenedApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('shows a panel per sector whose overdue number opens exactly those appeals', async () => {
    app = await openApp({ path: 'sectors', query: { ...DEMO, dbName: `e2e-sectors-${Date.now()}` } });
    const { page } = app;
    await waitForSyncIdle(page);
    await page.locator('[data-testid="sectors"][data-ready="true"]').waitFor({ timeout: 60_000 });
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
    expect(await registryCount(page)).toBe(overdue);
    expect(app.externalRequests).toEqual([]);
  });

  it('opens a sector in detail with its worst municipalities and organisations', async () => {
    app = await openApp({ path: 'sectors', query: { ...DEMO, dbName: `e2e-sector-detail-${Date.now()}` } });
    const { page } = app;
    await waitForSyncIdle(page);
    await page.locator('[data-testid="sector-panel"][data-sector="roads"]').getByRole('button').click();
    await page.getByTestId('sector-detail').waitFor();
    await page.locator('[data-testid="sector-worst-municipality"] tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="sector-worst-organisation"] tbody tr').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'sector-detail');
  });

  it('ranks municipalities with the methodology shown and counts that match the registry', async () => {
    app = await openApp({ path: 'rating', query: { ...DEMO, dbName: `e2e-rating-${Date.now()}` } });
    const { page } = app;
    await waitForSyncIdle(page);
    await page.locator('[data-testid="rating"][data-ready="true"]').waitFor({ timeout: 60_000 });
    const rows = page.getByTestId('rating-row');
    expect(await rows.count()).toBe(45);
    expect(await rows.first().locator('td').first().innerText()).toBe('1');
    expect(await page.getByTestId('rating-methodology').innerText()).toContain('Скорость');
    await saveScreenshot(page, 'rating');

    const received = rows.first().locator('td').nth(4).locator('a');
    const count = parseNumber(await received.innerText());
    await received.click();
    await page.waitForURL(/#\/registry\?/);
    expect(await registryCount(page)).toBe(count);
  });

  it('keeps rating weights set in Settings and rejects an all-zero set', async () => {
    app = await openApp({ path: 'settings', query: { demo: 'off', dbName: `e2e-weights-${Date.now()}` } });
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
    await page.reload();
    await page.getByTestId('rating-weights').locator('input[type="number"]').nth(1).waitFor();
    expect(await page.getByTestId('rating-weights').locator('input[type="number"]').nth(1).inputValue()).toBe('2');
  });
});
