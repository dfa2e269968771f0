/**
 * Issue #18 end to end: the centre creates a snapshot bundle through the app in one browser
 * profile; an official's laptop (another profile, every request but the app's own static files
 * refused) refuses a changed file and a wrong passphrase without writing anything, opens the
 * snapshot after comparing the centre's fingerprint, walks every screen read-only with the
 * snapshot's top bar, and deletes it with every byte. The top bar's picture goes to the guide.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_NOW, openApp, openSyncedApp, resolveStaticPath, signInIfAsked, storeRows, TEST_ADMIN, uniqueDbName, waitForScreen, waitForSyncIdle } from './support';

const GUIDE_IMG = fileURLToPath(new URL('../../docs/guide/img', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
const PASSPHRASE = 'ветер лампа корова стекло';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-snapshot-e2e-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function pickFile(page: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('snapshot-pick').click()]);
  await chooser.setFiles(path);
}

async function snapshotStorage(page: Page): Promise<{ databases: string[]; registry: string | null }> {
  return page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('snapshot.')),
    registry: localStorage.getItem('cur.snapshots'),
  }));
}

async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    location.hash = `#/${p}`;
  }, path);
  await page.locator(`main[data-area="${path.split(/[?/]/)[0]}"]`).waitFor();
}

describe('snapshot bundles: created at the centre, opened on an isolated laptop', () => {
  it('creates in one profile, opens read-only in another with the network blocked, and deletes every byte', async () => {
    // --- The centre: a demo workstation creates the bundle through «Снимки».
    const centre = await openSyncedApp({ path: 'snapshots', query: { ...DEMO, dbName: uniqueDbName('snap-centre') } });
    const cp = centre.page;
    await cp.getByTestId('signing-create').click();
    const centreFingerprint = await cp.getByTestId('signing-fingerprint').innerText();
    expect(centreFingerprint.replace(/\s/g, '')).toMatch(/^[0-9A-F]{64}$/);
    await cp.getByTestId('create-passphrase').fill(PASSPHRASE);
    await cp.getByTestId('create-passphrase-repeat').fill(PASSPHRASE);
    const [download] = await Promise.all([cp.waitForEvent('download', { timeout: 120_000 }), cp.getByTestId('create-snapshot').click()]);
    expect(download.suggestedFilename()).toMatch(/\.curbundle$/);
    const bundlePath = join(dir, 'snapshot.curbundle');
    await download.saveAs(bundlePath);
    await expect(cp.getByTestId('create-done').innerText()).resolves.toMatch(/Снимок создан/);
    await centre.close();

    const good = await readFile(bundlePath);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 100] = flipped[flipped.length - 100]! ^ 0x20;
    const flippedPath = join(dir, 'flipped.curbundle');
    await writeFile(flippedPath, flipped);

    // --- The laptop: no demo, the same frozen calendar; every request but the app's files refused.
    const laptop = await openApp({ path: 'snapshots', query: { demo: 'off', demoNow: DEMO_NOW, dbName: uniqueDbName('snap-laptop') } });
    const page = laptop.page;
    const origin = new URL(laptop.baseUrl).origin;
    const refused: string[] = [];
    await page.context().route('**/*', async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      const file = url.origin === origin && request.method() === 'GET' ? resolveStaticPath(DIST, url.pathname) : null;
      if (file && existsSync(file) && statSync(file).isFile()) return route.continue();
      refused.push(`${request.method()} ${request.url()}`);
      return route.abort();
    });
    await page.reload();
    await signInIfAsked(page);
    await waitForScreen(page, 'snapshot-screen');

    // A changed byte: refused with its own message, nothing written.
    await pickFile(page, flippedPath);
    await expect(page.getByTestId('snapshot-error').innerText()).resolves.toContain('не совпадает с подписанными контрольными суммами');
    expect(await snapshotStorage(page)).toEqual({ databases: [], registry: null });

    // The real file: the centre's fingerprint to compare by phone, then a wrong passphrase.
    await pickFile(page, bundlePath);
    await expect(page.getByTestId('snapshot-fingerprint').innerText()).resolves.toBe(centreFingerprint);
    await page.getByTestId('snapshot-pin-confirm').check();
    await page.getByTestId('snapshot-passphrase').fill('не та фраза совсем');
    await page.getByTestId('snapshot-open-confirm').click();
    await expect(page.getByTestId('snapshot-error').innerText({ timeout: 60_000 })).resolves.toBe('Неверная парольная фраза.');
    // Nothing was revealed or written without the passphrase.
    expect(await snapshotStorage(page)).toEqual({ databases: [], registry: null });

    await page.getByTestId('snapshot-passphrase').fill(PASSPHRASE);
    await Promise.all([page.waitForURL(/snapshot=/, { timeout: 120_000 }), page.getByTestId('snapshot-open-confirm').click()]);
    // Opening the snapshot reloads the window on it, and a reload locks the window (runtime/session.ts).
    await signInIfAsked(page);
    await waitForSyncIdle(page);
    await waitForScreen(page, 'overview');

    const banner = page.getByTestId('snapshot-banner');
    // The overview works on the aggregates at once; the registry's rows follow with a progress bar.
    await page.locator('[data-testid="snapshot-banner"][data-rows="complete"]').waitFor({ timeout: 120_000 });
    await expect(banner.innerText()).resolves.toMatch(/Снимок от \d\d\.\d\d\.\d{4} \d\d:\d\d, центр ЦУР — .+, действует до \d\d\.\d\d\.\d{4} \d\d:\d\d/);
    await mkdir(GUIDE_IMG, { recursive: true });
    await page.getByTestId('top-bar').screenshot({ path: `${GUIDE_IMG}/snapshot-top-bar.png`, animations: 'disabled' });

    // No sources, no import: not in the navigation, and refused by address.
    expect(await page.locator('nav a[data-area="sources"], nav a[data-area="import"]').count()).toBe(0);
    await go(page, 'sources');
    await expect(page.locator('main').innerText()).resolves.toContain('Недоступно в режиме просмотра снимка');

    // Every screen works on the snapshot and says so in the top bar.
    for (const [area, screen] of [
      ['overview', 'overview'],
      ['registry', 'registry'],
      ['overdue', 'overdue'],
      ['sectors', 'sectors'],
      ['rating', 'rating'],
      ['analytics', null],
      ['reports', null],
      ['wall-control', 'wall-control'],
      ['settings', 'settings'],
      ['about', 'about'],
    ] as const) {
      await go(page, area);
      if (screen) await waitForScreen(page, screen);
      expect(await banner.isVisible(), area).toBe(true);
    }
    await go(page, 'analytics');
    await page.getByTestId('analytics-screen').waitFor();
    await go(page, 'reports');
    await page.getByTestId('reports').waitFor();

    // Read-only: the overdue list offers no escalation or request.
    await go(page, 'overdue');
    await waitForScreen(page, 'overdue');
    expect(await page.getByTestId('od-escalate').count()).toBe(0);

    // The registry and its search, then a card: no personal data in this bundle.
    await go(page, 'registry');
    await waitForScreen(page, 'registry');
    await expect(page.getByTestId('registry-count').innerText()).resolves.toMatch(/\d/);
    const first = page.locator('[data-testid="registry-table"] tr[data-appeal-id]').first();
    const id = await first.getAttribute('data-appeal-id');
    expect(id).toBeTruthy();
    await go(page, `appeal/${encodeURIComponent(id!)}`);
    await waitForScreen(page, 'appeal-card');
    await expect(page.locator('main').innerText()).resolves.toContain('Персональных данных нет.');

    // The wall on the same snapshot, with its mark.
    await page.evaluate(() => {
      location.hash = '#/wall';
    });
    await page.getByTestId('wall').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('snapshot-banner').isVisible()).toBe(true);

    // «Удалить снимок»: the database and the description go; back to the workstation's screen.
    await go(page, 'snapshots');
    page.once('dialog', (dialog) => void dialog.accept());
    await Promise.all([page.waitForURL((url) => !url.search.includes('snapshot='), { timeout: 60_000 }), page.getByTestId('snapshot-remove').click()]);
    await signInIfAsked(page);
    await waitForScreen(page, 'snapshot-screen');
    await expect.poll(() => snapshotStorage(page), { timeout: 10_000 }).toEqual({ databases: [], registry: null });

    expect(refused).toEqual([]);
    expect(laptop.externalRequests).toEqual([]);
    expect(laptop.consoleErrors.filter((e) => /только для просмотра|ReadOnlySnapshot/.test(e))).toEqual([]);
  });

  it('marks a bundle with personal data on every screen, keeps them masked until «Показать», and audits the reveal on the laptop', async () => {
    const centre = await openSyncedApp({ path: 'snapshots', query: { ...DEMO, dbName: uniqueDbName('snap-centre-pd') } });
    const cp = centre.page;
    await cp.getByTestId('signing-create').click();
    await cp.getByTestId('signing-fingerprint').waitFor();
    await cp.getByTestId('create-personal').check();
    await cp.getByTestId('create-passphrase').fill(PASSPHRASE);
    await cp.getByTestId('create-passphrase-repeat').fill(PASSPHRASE);
    // Without a reason nothing is created.
    await cp.getByTestId('create-snapshot').click();
    await expect(cp.getByTestId('create-error').innerText()).resolves.toContain('Укажите причину');
    await cp.getByTestId('create-personal-reason').fill('Приём граждан заместителем губернатора');
    const [download] = await Promise.all([cp.waitForEvent('download', { timeout: 120_000 }), cp.getByTestId('create-snapshot').click()]);
    const bundlePath = join(dir, 'personal.curbundle');
    await download.saveAs(bundlePath);
    await centre.close();

    const laptopDb = uniqueDbName('snap-laptop-pd');
    const laptop = await openApp({ path: 'snapshots', query: { demo: 'off', demoNow: DEMO_NOW, dbName: laptopDb } });
    const page = laptop.page;
    await pickFile(page, bundlePath);
    await expect(page.getByTestId('snapshot-check').innerText()).resolves.toContain('с персональными данными (причина: Приём граждан заместителем губернатора)');
    await page.getByTestId('snapshot-pin-confirm').check();
    await page.getByTestId('snapshot-passphrase').fill(PASSPHRASE);
    await Promise.all([page.waitForURL(/snapshot=/, { timeout: 120_000 }), page.getByTestId('snapshot-open-confirm').click()]);
    // Opening the snapshot reloads the window on it, and a reload locks the window (runtime/session.ts).
    await signInIfAsked(page);
    await page.locator('[data-testid="snapshot-banner"][data-rows="complete"]').waitFor({ timeout: 120_000 });

    for (const area of ['overview', 'registry', 'overdue', 'reports', 'settings']) {
      await go(page, area);
      expect(await page.getByTestId('snapshot-personal').isVisible(), area).toBe(true);
    }
    await go(page, 'registry');
    await waitForScreen(page, 'registry');
    const ids = await page.locator('[data-testid="registry-table"] tr[data-appeal-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-appeal-id') ?? ''));
    const posId = ids.find((id) => id.startsWith('pos:'));
    expect(posId).toBeTruthy();
    await go(page, `appeal/${encodeURIComponent(posId!)}`);
    await waitForScreen(page, 'appeal-card');
    const personal = page.getByTestId('appeal-personal');
    await expect(personal.getAttribute('data-shown')).resolves.toBe('false');
    const masked = await page.getByTestId('personal-name').innerText();
    await page.getByTestId('personal-show').click();
    // Opened with a passphrase: the snapshot's personal data are sealed to a key only that passphrase
    // opens, so after the window restarted on the snapshot «Показать» asks for it once (snapshot-vault.ts).
    await page.locator('[data-testid="appeal-personal"][data-blocked="locked"]').waitFor();
    await page.getByTestId('personal-recovery-key').fill(PASSPHRASE);
    await page.getByTestId('personal-recovery-open').click();
    await page.locator('[data-testid="appeal-personal"][data-shown="true"]').waitFor();
    expect(await page.getByTestId('personal-name').innerText()).not.toBe(masked);

    // The reveal and the opening are in the laptop's own log, not in the snapshot's database.
    const own = await storeRows<{ action: string; details: Record<string, unknown> }>(page, laptopDb, 'audit');
    expect(own.map((r) => r.action)).toEqual(expect.arrayContaining(['snapshot.trust-centre', 'snapshot.open', 'personal-data.reveal']));
    expect(own.find((r) => r.action === 'personal-data.reveal')?.details.appealId).toBe(posId);
    const snapshotId = new URL(page.url()).searchParams.get('snapshot')!;
    expect(await storeRows(page, `snapshot.${snapshotId}`, 'audit')).toEqual([]);

    await page.evaluate(() => {
      location.hash = '#/wall';
    });
    await page.getByTestId('wall').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('snapshot-personal').isVisible()).toBe(true);

    // Weeks later (the laptop's calendar past «действует до»): the snapshot closes and deletes itself.
    const later = new URL(page.url());
    later.searchParams.set('demoNow', '2026-01-10T09:00:00+03:00');
    later.hash = '#/overview';
    await page.goto(later.toString());
    // Signed in, the window finds the snapshot expired and reloads on the workstation's own store,
    // which asks for the password again (a reload locks the window).
    // A reload keeps the window locked for its user: the password alone unlocks it.
    await page.getByTestId('lock-screen').waitFor({ timeout: 60_000 });
    await page.getByTestId('account-password').fill(TEST_ADMIN.password);
    await Promise.all([page.waitForURL((url) => !url.search.includes('snapshot='), { timeout: 60_000 }), page.getByTestId('account-submit').click()]);
    await signInIfAsked(page);
    await page.getByTestId('snapshot-expired').waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).searchParams.has('snapshot')).toBe(false);
    expect(await snapshotStorage(page)).toEqual({ databases: [], registry: null });
    const removal = (await storeRows<{ action: string; details: Record<string, unknown> }>(page, laptopDb, 'audit')).find((r) => r.action === 'snapshot.remove');
    expect(removal?.details.why).toBe('expired');
    expect(laptop.externalRequests).toEqual([]);
  });
});
