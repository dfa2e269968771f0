/**
 * Specs that launch their own browser (a persistent profile) call this after the page loads: the
 * operator window's account gate (first run, sign-in or lock; renderer/features/account) is passed
 * the same way `openApp` passes it (tests/e2e/support/app.ts).
 */
import type { Page } from 'playwright-core';
import { signInIfAsked } from './app';

export async function passAccountGate(page: Page): Promise<void> {
  await signInIfAsked(page);
}
