/**
 * The wall at the sizes a centre drives (issue 19): one full-HD display, one 4K display, a 1×2
 * span of full-HD panels (32:9) and a 2×2 span of 4K panels (7680×4320, drawn at half density so
 * the picture stays 3840×2160). Every scene must fill its canvas without scrolling, and its
 * smallest text must stay readable from 10 m (design.md: about 3 % of the height; 2.4 % is the
 * floor for a secondary label). The guide's wall pictures are taken here.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { appUrl, DEMO_NOW, openSyncedApp, saveScreenshot, waitForCountUps, waitForScreen, type OpenedApp } from './support';

const GUIDE_IMG = fileURLToPath(new URL('../../docs/guide/img', import.meta.url));
const SCENES = ['heatmap', 'overdue', 'sectors', 'dynamics', 'rating', 'spikes'] as const;
const QUERY = { demoScale: 3000, demoSeed: 7, demoNow: DEMO_NOW, dbName: `e2e-wall-sizes-${Date.now().toString(36)}` };

interface Canvas {
  name: string;
  width: number;
  height: number;
  scale: number;
  /** Panel grid of a spanning wall (seams drawn on the guide picture only). */
  grid?: { columns: number; rows: number };
  picture?: string;
}

const CANVASES: Canvas[] = [
  { name: '1920×1080', width: 1920, height: 1080, scale: 1, picture: 'wall-1920x1080' },
  { name: '3840×2160', width: 3840, height: 2160, scale: 1, picture: 'wall-3840x2160' },
  { name: '1×2 span of 1920×1080 (3840×1080)', width: 3840, height: 1080, scale: 1, grid: { columns: 2, rows: 1 } },
  { name: '2×2 span of 3840×2160 (7680×4320)', width: 7680, height: 4320, scale: 0.5, grid: { columns: 2, rows: 2 }, picture: 'wall-span-2x2' },
];

interface Layout {
  scrollOverflow: { x: number; y: number };
  stageFill: number;
  sceneFill: number;
  smallestText: { ratio: number; text: string };
  clipped: string[];
}

/** Measures what the room sees: overflow, how much of the stage the scene uses, the smallest visible text. */
async function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const vh = window.innerHeight;
    const stage = document.querySelector('.wall__stage')!.getBoundingClientRect();
    const scene = document.querySelector('[data-testid="wall-scene"] > *')!.getBoundingClientRect();
    let smallest = { ratio: Infinity, text: '' };
    const clipped: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('[data-testid="wall"]')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const el = node.parentElement;
      if (!text || !el) continue;
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden' || el.closest('[aria-hidden="true"]')) continue;
      // Text in a list that scrolls itself may sit below the fold by design.
      if (rect.bottom < 0 || rect.top > vh) continue;
      const ratio = parseFloat(style.fontSize) / vh;
      if (ratio < smallest.ratio) smallest = { ratio, text: text.slice(0, 40) };
      if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) clipped.push(text.slice(0, 40));
    }
    return {
      scrollOverflow: { x: document.documentElement.scrollWidth - window.innerWidth, y: document.documentElement.scrollHeight - vh },
      stageFill: (stage.width * stage.height) / (window.innerWidth * vh),
      sceneFill: (scene.width * scene.height) / (stage.width * stage.height),
      smallestText: smallest,
      clipped,
    };
  });
}

async function pin(page: Page, scene: string) {
  await page.evaluate((s) => {
    const channel = new BroadcastChannel('cur-wall');
    channel.postMessage({ v: 1, type: 'pin', scene: s });
    channel.close();
  }, scene);
  await page.locator(`[data-testid="wall"][data-scene="${scene}"]`).waitFor({ timeout: 20_000 });
  await waitForScreen(page, `wall-scene-${scene}`, 60_000);
}

/** Thin lines where the panels of a spanning wall meet, so the guide shows what falls on a seam. */
async function drawSeams(page: Page, grid: { columns: number; rows: number }) {
  await page.evaluate(({ columns, rows }) => {
    const overlay = document.createElement('div');
    overlay.id = 'guide-seams';
    overlay.style.cssText = 'position:fixed;inset:0;pointer-events:none;z-index:9999';
    for (let c = 1; c < columns; c += 1) {
      const line = document.createElement('div');
      line.style.cssText = `position:absolute;top:0;bottom:0;left:${(100 * c) / columns}%;width:0.25vh;background:rgba(255,255,255,0.55)`;
      overlay.appendChild(line);
    }
    for (let r = 1; r < rows; r += 1) {
      const line = document.createElement('div');
      line.style.cssText = `position:absolute;left:0;right:0;top:${(100 * r) / rows}%;height:0.25vh;background:rgba(255,255,255,0.55)`;
      overlay.appendChild(line);
    }
    document.body.appendChild(overlay);
  }, grid);
}

describe('the wall fills every canvas a centre drives', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    // One synced store; every canvas opens the wall as another window of the same profile.
    app = await openSyncedApp({ path: 'about', query: QUERY });
  });

  afterAll(async () => {
    await app?.close();
  });

  for (const canvas of CANVASES) {
    it(`lays out every scene at ${canvas.name}`, async () => {
      let context: BrowserContext | null = null;
      let page: Page;
      if (canvas.scale === 1) {
        page = await app.page.context().newPage();
        await page.setViewportSize({ width: canvas.width, height: canvas.height });
      } else {
        // Device-scale emulation needs its own context (and so its own store): the demo syncs there.
        context = await app.browser.newContext({ viewport: { width: canvas.width, height: canvas.height }, deviceScaleFactor: canvas.scale, locale: 'ru-RU' });
        page = await context.newPage();
      }
      try {
        await page.goto(appUrl(app.baseUrl, { path: 'wall', query: QUERY }));
        await page.getByTestId('wall').waitFor({ timeout: 60_000 });
        for (const scene of SCENES) {
          await pin(page, scene);
          const layout = await measure(page);
          // For people to look at after a run (test-results/, not the guide).
          await saveScreenshot(page, `wall-${canvas.width}x${canvas.height}-${scene}`);
          const where = `${scene} at ${canvas.name}`;
          if (process.env.WALL_SIZES_DEBUG) console.log(where, JSON.stringify(layout));
          expect(layout.scrollOverflow, where).toEqual({ x: 0, y: 0 });
          expect(layout.stageFill, where).toBeGreaterThan(0.7);
          expect(layout.sceneFill, where).toBeGreaterThan(0.9);
          expect(layout.smallestText.ratio, `${where}: «${layout.smallestText.text}»`).toBeGreaterThanOrEqual(0.024);
          expect(layout.clipped, where).toEqual([]);
        }
        if (canvas.picture) {
          await pin(page, 'heatmap');
          await page.getByTestId('wall-top-five').locator('li').first().waitFor({ timeout: 60_000 });
          await waitForCountUps(page);
          // ECharts' entry animation (1 s) lands before the picture.
          await page.waitForTimeout(1_200);
          if (canvas.grid) await drawSeams(page, canvas.grid);
          await mkdir(GUIDE_IMG, { recursive: true });
          await page.screenshot({ path: `${GUIDE_IMG}/${canvas.picture}.png`, animations: 'disabled' });
        }
      } finally {
        await page.close();
        await context?.close();
      }
    });
  }
});
