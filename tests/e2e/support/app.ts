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
  /**
   * Who signs in to the operator window: the default test administrator (created on the first run),
   * another account, or nobody (`false`: the spec drives the first-run or sign-in screen itself).
   * The wall (`path: 'wall…'`) is never signed in: it has no session.
   */
  account?: TestAccount | false;
}

export interface TestAccount {
  login: string;
  displayName: string;
  password: string;
}

/** The administrator every spec's first run creates (a test-only password, long enough for the policy). */
export const TEST_ADMIN: TestAccount = { login: 'admin', displayName: 'Тестовый администратор', password: 'e2e пароль администратора' };

const GATE_TIMEOUT_MS = 60_000;

/**
 * Gets the operator window past the account gate: completes the first run (creating `account` as
 * the administrator and confirming a recovery key if one is shown), signs in, or unlocks — whichever
 * the window asks for — then waits for the navigation. A reload locks the window, and a new tab has
 * no session, so specs call this after either.
 */
export async function signInIfAsked(page: Page, account: TestAccount = TEST_ADMIN): Promise<void> {
  const screens = ['first-run', 'sign-in', 'lock-screen', 'must-change-password'].map((id) => `[data-testid="${id}"]`);
  await page.locator([...screens, 'nav.shell__nav'].join(', ')).first().waitFor({ timeout: GATE_TIMEOUT_MS });
  if (await page.locator('[data-testid="first-run"]').count()) {
    await page.getByTestId('account-login').fill(account.login);
    await page.getByTestId('account-name').fill(account.displayName);
    await page.getByTestId('account-password').fill(account.password);
    await page.getByTestId('account-password-repeat').fill(account.password);
    await page.getByTestId('account-submit').click();
    // The personal-data vault shows its recovery key once, at first run (renderer/personal-vault):
    // the shell may render before the key screen covers it, so wait for the key screen itself.
    await page.getByTestId('recovery-key-saved').click({ timeout: GATE_TIMEOUT_MS });
  } else if (await page.locator('[data-testid="sign-in"]').count()) {
    await page.getByTestId('account-login').fill(account.login);
    await page.getByTestId('account-password').fill(account.password);
    await page.getByTestId('account-submit').click();
  } else if (await page.locator('[data-testid="lock-screen"]').count()) {
    await page.getByTestId('account-password').fill(account.password);
    await page.getByTestId('account-submit').click();
  }
  await page.locator('nav.shell__nav').waitFor({ timeout: GATE_TIMEOUT_MS });
}

/** Reloads the operator window and unlocks it again (a reload locks it: runtime/session.ts). */
export async function reloadSignedIn(page: Page, account: TestAccount = TEST_ADMIN): Promise<void> {
  await page.reload();
  await signInIfAsked(page, account);
}

function isWallPath(path: string | undefined): boolean {
  return path !== undefined && /^wall(?:$|[?/])/.test(path);
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
    if (options.account !== false && !isWallPath(options.path)) await signInIfAsked(page, options.account ?? TEST_ADMIN);
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
