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
import { appUrl, openSyncedApp, signInIfAsked, waitForCountUps, waitForScreen, waitForSyncIdle, type OpenedApp } from './support';

const GUIDE_IMG = fileURLToPath(new URL('../../docs/guide/img', import.meta.url));
const QUERY = { demoScale: 3000, demoSeed: 7, demoNow: '2025-11-18T09:00:00+03:00', dbName: `e2e-guide-${Date.now().toString(36)}` };

async function savePicture(page: Page, name: string) {
  await mkdir(GUIDE_IMG, { recursive: true });
  await page.screenshot({ path: `${GUIDE_IMG}/${name}.png` });
}

describe('user guide pictures', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openSyncedApp({ path: 'overview', query: QUERY });
  });

  afterAll(async () => {
    await app?.close();
  });

  // `ready`: the screen's root that says it shows its data (screens without one show static content).
  const screens: Array<{ path: string; picture: string; heading: RegExp; ready?: string }> = [
    { path: 'overview', picture: 'overview', heading: /Обзор/, ready: 'overview' },
    { path: 'registry', picture: 'registry', heading: /Реестр обращений/, ready: 'registry' },
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
      await signInIfAsked(page);
      await page.locator(`main[data-area="${screen.path}"]`).waitFor();
      await expect.poll(() => page.locator('main').innerText(), { timeout: 30_000 }).toMatch(screen.heading);
      if (screen.ready) await waitForScreen(page, screen.ready);
      // Charts animate in (ECharts' own 1 s entry animation): let them land before the picture.
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
      await waitForSyncIdle(wall);
      await wall.getByTestId('wall-top-five').locator('li').first().waitFor({ timeout: 60_000 });
      await waitForCountUps(wall);
      await savePicture(wall, 'wall');
    } finally {
      await wall.close();
    }
  });
});
