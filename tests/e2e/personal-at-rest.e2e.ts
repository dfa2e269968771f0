/**
 * Issue 13, «done when»: after the demo region's first sync the profile's files on disk hold no
 * phone number and no e-mail address in clear. A control run on the same profile plants a few
 * appeals with clear contacts straight into IndexedDB (bypassing the app's write path) and shows the
 * scanner finds them, so a zero is a real zero.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { appUrl, CHROMIUM_ARGS, CHROMIUM_PATH, DEMO, storeRows, uniqueDbName, waitForSyncIdle } from './support';
import { passAccountGate } from './support/account-gate';
import { scanProfile } from './support/profile-scan';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function launch(profile: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: 'ru-RU',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

describe('citizens’ personal data at rest', () => {
  it('leaves no phone or e-mail in clear in the profile after a demo sync; a planted clear one is found', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'cur-profile-'));
    dirs.push(profile);
    const dbName = uniqueDbName('at-rest');
    const url = appUrl(inject('baseUrl'), { path: 'about', query: { ...DEMO, dbName } });

    const first = await launch(profile);
    const errors = first.errors;
    let { context, page } = first;
    try {
      await page.goto(url);
      await passAccountGate(page);
      await waitForSyncIdle(page);
      const rows = await storeRows<{ personal: unknown; sealedPersonal?: { present: Record<string, boolean> } }>(page, dbName, 'appeals');
      const sealed = rows.filter((r) => r.sealedPersonal);
      // The demo has contacts to protect: thousands of appeals, most with a phone or an e-mail.
      expect(rows.length).toBeGreaterThan(2000);
      expect(sealed.filter((r) => r.sealedPersonal!.present.phone || r.sealedPersonal!.present.email).length).toBeGreaterThan(1000);
      expect(rows.filter((r) => r.personal !== null)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }

    const scan = await scanProfile(profile);
    expect(scan.files).toBeGreaterThan(0);
    expect({ phones: [...scan.phones], emails: [...scan.emails], where: [...scan.where] }).toEqual({ phones: [], emails: [], where: [] });

    // Control: the same profile with clear contacts written around the app's write path.
    ({ context, page } = await launch(profile));
    const planted = Array.from({ length: 40 }, (_, i) => ({
      phone: `+7 9${String(10 + (i % 90)).padStart(2, '0')} ${String(300 + i * 7).slice(0, 3)}-${String(10 + i).slice(-2)}-${String(50 + i).slice(-2)}`,
      email: `planted.${i}.x${(i * 7919) % 1000}@yandex.ru`,
    }));
    try {
      await page.goto(url);
      await passAccountGate(page);
      await page.evaluate(
        ({ dbName, planted }) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open(dbName);
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction('settings', 'readwrite');
              planted.forEach((p, i) => tx.objectStore('settings').put({ key: `control.planted.${i}`, value: { personal: { fullName: null, phone: p.phone, email: p.email, address: null } } }));
              tx.oncomplete = () => {
                open.result.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        { dbName, planted },
      );
    } finally {
      await context.close();
    }
    const control = await scanProfile(profile);
    const plantedValues = new Set(planted.flatMap((p) => [p.phone, p.email]));
    const found = [...control.phones, ...control.emails];
    // The scanner sees clear contacts in these files, and everything it sees is a planted one.
    expect(found.length).toBeGreaterThan(planted.length);
    expect(found.filter((v) => !plantedValues.has(v))).toEqual([]);
  });
});
