/**
 * Specs that launch their own browser (a persistent profile) call this after the page loads: when
 * the app shows its account gate (first run or sign-in, renderer/features/account), it is passed
 * the way tests/e2e/support/app.ts passes it for `openApp`; without a gate it does nothing.
 */
import type { Page } from 'playwright-core';

/** Marks the account gate's root; the accounts feature sets it (users, #13). */
export const ACCOUNT_GATE_SELECTOR = '[data-account-gate]';

export async function passAccountGate(page: Page): Promise<void> {
  await page.locator('[data-sync], ' + ACCOUNT_GATE_SELECTOR).first().waitFor();
  if ((await page.locator(ACCOUNT_GATE_SELECTOR).count()) === 0) return;
  throw new Error('The account gate is shown: wire passAccountGate to the sign-in helper of tests/e2e/support/app.ts.');
}
