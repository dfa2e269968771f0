/**
 * The Russian user guide's pictures (docs/guide/img/): each first-wave screen as a new user sees it
 * on the demo region at a fixed moment, after the demo sync has settled. The spec also checks that
 * each screen shows its own heading, so a picture of an error or an empty shell never lands in the
 * guide.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, openApp, type OpenedApp } from './support';

const GUIDE_IMG = fileURLToPath(new URL('../../docs/guide/img', import.meta.url));
const QUERY = { demoScale: 3000, demoSeed: 7, demoNow: '2025-11-18T09:00:00+03:00', dbName: `e2e-guide-${Date.now().toString(36)}` };

async function savePicture(page: Page, name: string) {
  await mkdir(GUIDE_IMG, { recursive: true });
  await page.screenshot({ path: `${GUIDE_IMG}/${name}.png` });
}

describe('user guide pictures', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp({ path: 'overview', query: QUERY });
    await app.page.locator('[data-testid="overview"][data-ready="true"]').waitFor({ timeout: 120_000 });
    await app.page.getByText('Синхронизировано', { exact: true }).first().waitFor({ timeout: 180_000 });
  });

  afterAll(async () => {
    await app?.close();
  });

  const screens: Array<{ path: string; picture: string; heading: RegExp }> = [
    { path: 'overview', picture: 'overview', heading: /Обзор/ },
    { path: 'registry', picture: 'registry', heading: /Реестр обращений/ },
    { path: 'overdue', picture: 'overdue', heading: /Просрочки/ },
    { path: 'sectors', picture: 'sectors', heading: /Отрасли/ },
    { path: 'rating', picture: 'rating', heading: /Рейтинг/ },
    { path: 'wall-control', picture: 'wall-control', heading: /Видеостена/ },
    { path: 'sources', picture: 'sources', heading: /Источники данных/ },
    { path: 'import', picture: 'import', heading: /Импорт/ },
  ];

  for (const screen of screens) {
    it(`pictures «${screen.picture}»`, async () => {
      const { page } = app;
      await page.goto(appUrl(app.baseUrl, { path: screen.path, query: QUERY }));
      await page.locator(`main[data-area="${screen.path}"]`).waitFor();
      await expect.poll(() => page.locator('main').innerText(), { timeout: 30_000 }).toMatch(screen.heading);
      // Charts animate in; let them land so the picture shows the settled screen.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(1_000);
      await savePicture(page, screen.picture);
    });
  }

  it('pictures the wall as the room sees it', async () => {
    // The wall window shares the operator's profile (one store), as on a centre's wall computer.
    const wall = await app.page.context().newPage();
    try {
      await wall.setViewportSize({ width: 1920, height: 1080 });
      await wall.goto(appUrl(app.baseUrl, { path: 'wall', query: QUERY }));
      await wall.getByTestId('wall-top-five').locator('li').first().waitFor({ timeout: 60_000 });
      await expect.poll(() => wall.getByTestId('wall-data-age').getAttribute('data-syncing'), { timeout: 120_000 }).toBe('false');
      await wall.waitForTimeout(1_500);
      await savePicture(wall, 'wall');
    } finally {
      await wall.close();
    }
  });
});
