/** Saves a full-page screenshot to test-results/<name>.png for people to look at after a run. */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const RESULTS_DIR = fileURLToPath(new URL('../../../test-results', import.meta.url));

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const path = `${RESULTS_DIR}/${name.replace(/[^\w.-]+/g, '-')}.png`;
  // Finished CSS animations and transitions: the picture shows the settled screen, not a fade.
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}
