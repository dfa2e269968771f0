/**
 * The centre server with two workstations (issue 17's «done when»): the server runs in this spec
 * (PGlite in a temporary folder, 127.0.0.1, a free port); a ПОС export is uploaded to it through
 * the intake endpoint; two browser profiles connect from «Источники» with their own workstation
 * tokens and both receive the export; an escalation made on one appears on the other after its
 * next pull, marked «отправлено» on both. Screenshots for the guide go to docs/guide/img/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIROV_PACK } from '../../shared/domain/packs';
import { issueToken } from '../../server/http/tokens';
import { startServer, type RunningServer } from '../../server/server';
import { csvText, POS_HEADERS, posRows } from '../fixtures/pos-rows';
import { DEMO_NOW, openApp, saveScreenshot, signInIfAsked, SYNC_TIMEOUT_MS, uniqueDbName, waitForScreen } from './support';

const GUIDE_IMG = fileURLToPath(new URL('../../docs/guide/img', import.meta.url));
const EXPORT_ROWS = 400;

let server: RunningServer;
let dataDir: string;
let tokens: { a: string; b: string };

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cur-centre-e2e-'));
  server = await startServer({ database: join(dataDir, 'db'), pack: KIROV_PACK, host: '127.0.0.1', port: 0, inboxDir: join(dataDir, 'inbox'), pollIntake: false, log: () => {} });
  tokens = {
    a: (await issueToken(server.ctx.db, 'АРМ оператора 1', 'workstation')).token,
    b: (await issueToken(server.ctx.db, 'АРМ оператора 2', 'workstation')).token,
  };
});

afterAll(async () => {
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** «Источники» with the centre server's section. */
class CentreSources {
  constructor(
    readonly page: Page,
    readonly dbName: string,
  ) {}

  async connect(url: string, token: string) {
    const section = this.page.getByTestId('centre-server');
    await section.getByTestId('centre-url').fill(url);
    await section.getByTestId('centre-token').fill(token);
    await section.getByTestId('centre-connect').click();
    await section.getByTestId('centre-connected-as').waitFor();
  }

  /** Waits until the centre source has finished a pull and none runs. */
  async waitForCentrePull(after = 0) {
    await this.page.waitForFunction(
      (after) => {
        const card = document.querySelector('[data-testid="source-feed:centre"][data-ready="true"]');
        return Number(card?.querySelector('[data-testid="source-state"]')?.getAttribute('data-pulls')) > after;
      },
      after,
      { timeout: SYNC_TIMEOUT_MS, polling: 200 },
    );
  }

  async pulls(): Promise<number> {
    return Number(await this.page.getByTestId('source-feed:centre').getByTestId('source-state').getAttribute('data-pulls'));
  }

  async appealCount(): Promise<number> {
    return this.page.evaluate(
      (dbName) =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open(dbName);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction('appeals', 'readonly').objectStore('appeals').count();
            req.onsuccess = () => {
              open.result.close();
              resolve(req.result);
            };
            req.onerror = () => reject(req.error);
          };
        }),
      this.dbName,
    );
  }
}

async function openWorkstation(name: string) {
  const dbName = uniqueDbName(`centre-${name}`);
  // demo=off: only the centre's data; devLoopbackFeeds: the server is plain http on 127.0.0.1.
  const app = await openApp({ path: 'sources', query: { demo: 'off', demoNow: DEMO_NOW, dbName, devLoopbackFeeds: 1 } });
  await waitForScreen(app.page, 'sources-screen');
  return { app, sources: new CentreSources(app.page, dbName) };
}

async function guideShot(page: Page, name: string) {
  await mkdir(GUIDE_IMG, { recursive: true });
  await page.screenshot({ path: join(GUIDE_IMG, `${name}.png`), fullPage: false, animations: 'disabled' });
}

const started = Date.now();
const step = (what: string) => console.log(`[centre-link] ${Math.round((Date.now() - started) / 1000)} s: ${what}`);

describe('Centre server and two workstations', () => {
  it('an export taken in on the server reaches both profiles; an escalation made on one appears on the other', { timeout: 300_000 }, async () => {
    // The intake robot (or the administrator) uploads a ПОС export.
    const upload = await fetch(`${server.url}/admin/intake/files?name=pos-2025-11-17.csv`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/octet-stream' },
      body: csvText(POS_HEADERS, posRows(EXPORT_ROWS, { seed: 17, firstNumber: 5_000_000 })),
    });
    const { run } = (await upload.json()) as { run: { status: string; created: number } };
    expect(upload.status).toBe(200);
    expect(run).toMatchObject({ status: 'ok', created: EXPORT_ROWS });

    step('export taken in');
    const first = await openWorkstation('a');
    step('profile A open');
    await first.sources.connect(server.url, tokens.a).catch(async (error) => {
      await saveScreenshot(first.app.page, 'centre-link-connect-failed');
      throw error;
    });
    step('profile A connected');
    expect(await first.app.page.getByTestId('centre-connected-as').innerText()).toBe('АРМ оператора 1');
    // The workstation's token is kept apart for centre users' sign-in.
    await first.app.page.locator('[data-testid="centre-sign-in"][data-ready="true"]').waitFor();
    await first.sources.waitForCentrePull().catch(async (error) => {
      await saveScreenshot(first.app.page, 'centre-link-pull-failed');
      throw error;
    });
    step('profile A pulled');
    expect(await first.sources.appealCount()).toBe(EXPORT_ROWS);
    await guideShot(first.app.page, 'centre-sources');

    const second = await openWorkstation('b');
    await second.sources.connect(server.url, tokens.b);
    await second.sources.waitForCentrePull();
    expect(await second.sources.appealCount()).toBe(EXPORT_ROWS);

    step('profile B pulled');
    // An escalation on the first workstation, from «Просрочки».
    const page = first.app.page;
    await page.goto(page.url().replace(/#.*$/, '#/overdue'));
    await waitForScreen(page, 'overdue');
    const row = page.getByTestId('overdue-row').first();
    await row.waitFor();
    const appealId = (await row.getAttribute('data-appeal-id'))!;
    await row.getByTestId('od-escalate').click();
    const form = page.getByTestId('od-form-escalate');
    await form.getByTestId('od-assignee').fill('Петров П. П.');
    await form.getByTestId('od-note').fill('Просрочено, прошу взять на контроль');
    await form.getByTestId('od-submit').click();
    await form.waitFor({ state: 'detached' });
    const mine = page.locator(`[data-testid="escalation-row"][data-appeal-id="${appealId}"]`);
    // Sent to the server within seconds of the edit.
    await mine.locator('[data-testid="record-sync-state"][data-state="sent"]').waitFor({ timeout: 60_000 });
    step('escalation sent');
    await mine.scrollIntoViewIfNeeded();
    await guideShot(page, 'centre-record-states');

    // The second workstation's next pull brings it.
    const before = await second.sources.pulls();
    await second.app.page.getByTestId('source-feed:centre').getByTestId('source-sync-now').click();
    await second.sources.waitForCentrePull(before);
    const other = second.app.page;
    await other.goto(other.url().replace(/#.*$/, '#/overdue'));
    await waitForScreen(other, 'overdue');
    const theirs = other.locator(`[data-testid="escalation-row"][data-appeal-id="${appealId}"]`);
    await theirs.waitFor({ timeout: 60_000 });
    expect(await theirs.innerText()).toContain('Петров П. П.');
    expect(await theirs.locator('[data-testid="record-sync-state"]').getAttribute('data-state')).toBe('sent');

    // A user issued by the centre signs in on the first workstation with the server's password and gets the server's role.
    const centreUser = { login: 'ivanov', displayName: 'Иванов И. И.', password: 'пароль пользователя центра' };
    const created = await fetch(`${server.url}/admin/users`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.adminToken!}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...centreUser, role: 'observer' }),
    });
    expect(created.status).toBe(201);
    await page.getByTestId('user-menu-button').click();
    await page.getByTestId('switch-user').click();
    // The switch ends the session asynchronously: wait for the sign-in screen, not the nav still on screen.
    await page.getByTestId('sign-in').waitFor();
    await signInIfAsked(page, centreUser);
    expect(await page.getByTestId('user-role').innerText()).toMatch(/наблюдатель/i);
    step('centre user signed in');

    expect(first.app.consoleErrors).toEqual([]);
    expect(second.app.consoleErrors).toEqual([]);
    // Nothing but the app's own origin and the centre server on 127.0.0.1.
    expect([...first.app.externalRequests, ...second.app.externalRequests].filter((url) => !url.startsWith(server.url))).toEqual([]);
  });
});
