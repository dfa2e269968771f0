/**
 * Opens the built app in Debian's Chromium through playwright-core (never a downloaded browser).
 * Each call launches its own browser with a fresh temporary profile (Playwright creates and deletes
 * one per launch), so IndexedDB and localStorage never leak between tests. The returned page also
 * records console errors and any request to a non-local origin, which specs assert are empty.
 * Opened inside a test, the browser closes when the test ends, passed or failed; opened in a
 * `beforeAll`, the spec closes it in its `afterAll`.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject, onTestFinished } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.mjs';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

export interface OpenAppOptions {
  /** Route after `#/`, e.g. 'overview', 'registry?sector=zhkh', 'wall'. Default: the app's start page. */
  path?: string;
  /** Boot options for the URL query, e.g. { demoScale: 2000, demoSeed: 7, dbName: 'e2e-x' }. */
  query?: Record<string, string | number | boolean>;
  viewport?: { width: number; height: number };
  /** UI language stored before the app starts (default: Russian, the app's default). */
  lang?: 'ru' | 'en';
}

export interface OpenedApp {
  browser: Browser;
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  consoleErrors: string[];
  /** Requests that went anywhere but the local test server (should stay empty). */
  externalRequests: string[];
  baseUrl: string;
  close(): Promise<void>;
}

export function appUrl(baseUrl: string, options: Pick<OpenAppOptions, 'path' | 'query'> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(options.query ?? {})) params.set(k, String(v));
  const search = params.toString();
  return `${baseUrl}/index.html${search ? `?${search}` : ''}#/${options.path ?? ''}`;
}

export function isLocalUrl(url: string, baseUrl: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    return new URL(url).origin === new URL(baseUrl).origin;
  } catch {
    return false;
  }
}

function closeWhenTestEnds(browser: Browser): void {
  try {
    onTestFinished(() => browser.close());
  } catch {
    // Not inside a test (a beforeAll): the spec closes the app in its afterAll.
  }
}

export async function openApp(options: OpenAppOptions = {}): Promise<OpenedApp> {
  const baseUrl = inject('baseUrl');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  closeWhenTestEnds(browser);
  try {
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 }, locale: 'ru-RU' });
    if (options.lang) {
      const lang = options.lang;
      await context.addInitScript((value) => localStorage.setItem('cur.lang', value), lang);
    }
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    const externalRequests: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    context.on('request', (request) => {
      if (!isLocalUrl(request.url(), baseUrl)) externalRequests.push(request.url());
    });
    await page.goto(appUrl(baseUrl, options));
    return {
      browser,
      page,
      consoleErrors,
      externalRequests,
      baseUrl,
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
