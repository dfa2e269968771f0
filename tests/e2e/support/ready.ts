/**
 * Readiness as the app reports it, for every spec. The operator shell and the wall root carry
 * `data-sync` (`starting` until every configured source has finished its first pull, `running`
 * while a pull runs, `idle` otherwise) and `data-sync-pulls` (pulls finished so far); each screen
 * marks its root `data-ready="true"` once it shows its data. Every wait here throws when its time
 * runs out, which fails the test: none of them hands back whatever it saw last.
 */
import type { Page } from 'playwright-core';
import { openApp, type OpenAppOptions, type OpenedApp } from './app';

/** A first demo sync of a few thousand appeals on two shared cores. */
export const SYNC_TIMEOUT_MS = 180_000;
export const SCREEN_TIMEOUT_MS = 60_000;
/** How often a condition the page cannot signal by an element is checked again. */
const POLL_MS = 100;

export type SyncPhase = 'starting' | 'running' | 'idle';

export interface SyncState {
  phase: SyncPhase;
  pulls: number;
}

/** The sync state the window's root reports now. */
export async function syncState(page: Page): Promise<SyncState> {
  await page.locator('[data-sync]').first().waitFor();
  return page.evaluate(() => {
    const root = document.querySelector('[data-sync]')!;
    return { phase: root.getAttribute('data-sync') as SyncPhase, pulls: Number(root.getAttribute('data-sync-pulls')) };
  });
}

/**
 * Waits until no pull runs and every source has finished one; with `after`, also until more than
 * that many pulls have finished (a pull started after the caller read `syncState().pulls` is over).
 */
export async function waitForSyncIdle(page: Page, options: { after?: number; timeout?: number } = {}): Promise<SyncState> {
  await page.waitForFunction(
    (after) => {
      const root = document.querySelector('[data-sync]');
      return root?.getAttribute('data-sync') === 'idle' && Number(root.getAttribute('data-sync-pulls')) > after;
    },
    options.after ?? -1,
    { timeout: options.timeout ?? SYNC_TIMEOUT_MS, polling: POLL_MS },
  );
  return syncState(page);
}

/** Waits for a screen's root (by test id) to say it shows its data. */
export async function waitForScreen(page: Page, testId: string, timeout = SCREEN_TIMEOUT_MS): Promise<void> {
  await page.locator(`[data-testid="${testId}"][data-ready="true"]`).waitFor({ timeout });
}

/** Waits until no wall number is still counting up to its value (before a screenshot). */
export async function waitForCountUps(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-counting="true"]') === null, null, { timeout, polling: POLL_MS });
}

/**
 * Opens the app on «О программе», waits for every source's first pull to end, then goes to `path`
 * (without a reload, so the same window stays the sync leader). The screen there is mounted on a
 * store that no longer changes, so what it shows once it is ready is final.
 */
export async function openSyncedApp(options: OpenAppOptions & { path: string }): Promise<OpenedApp> {
  const app = await openApp({ ...options, path: 'about' });
  try {
    await waitForSyncIdle(app.page);
    await app.page.evaluate((path) => {
      location.hash = `#/${path}`;
    }, options.path);
    const area = options.path.split(/[?/]/)[0]!;
    await app.page.locator(`main[data-area="${area}"]`).waitFor();
    return app;
  } catch (error) {
    await app.close();
    throw error;
  }
}
