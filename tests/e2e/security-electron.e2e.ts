/**
 * The desktop app's security, checked in a real Electron when one is available: window options as
 * running, the exposed API, navigation and window.open blocked, invalid IPC rejected without
 * harming main. Skipped with a printed reason where Electron cannot be obtained.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronSkipReason, findElectronBinary, REPO_ROOT } from './support/electron';

const reason = electronSkipReason();
if (reason) console.log(`security-electron.e2e: skipped — ${reason}`);
const suite = reason ? describe.skip : describe;

suite('the desktop app (Electron)', () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    app = await _electron.launch({
      executablePath: findElectronBinary()!,
      // A fresh profile per run: nothing carries over between tests.
      args: [REPO_ROOT, `--user-data-dir=${mkdtempSync(join(tmpdir(), 'cur-electron-'))}`],
      env: { ...process.env, CUR_BOOT_QUERY: '?demo=off&dbName=e2e-electron' },
    });
    page = await app.firstWindow();
    await page.locator('main[data-area="overview"]').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('loads the app from app://renderer in sandboxed renderer processes', async () => {
    expect(page.url()).toMatch(/^app:\/\/renderer\/index\.html/);
    const renderers = await app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().filter((m) => m.type === 'Tab'));
    expect(renderers.length).toBeGreaterThan(0);
    // `sandboxed` is reported on Windows and macOS; Linux leaves it undefined.
    for (const m of renderers) expect(m.sandboxed ?? true).toBe(true);
  });

  it('exposes only the task-named API and no Node', async () => {
    const surface = await page.evaluate(() => ({
      api: Object.keys(window.curApi ?? {}).sort(),
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(surface.require).toBe('undefined');
    expect(surface.process).toBe('undefined');
    expect(surface.api).toContain('openWall');
    expect(surface.api).not.toContain('invoke');
  });

  it('blocks navigation and window.open to foreign origins', async () => {
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/renderer\//);
    expect(app.windows()).toHaveLength(1);
  });

  it('answers an invalid IPC message with an error result and keeps running', async () => {
    const result = await page.evaluate(() => window.curApi!.openWall({ displayId: 'x' as unknown as number }));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const info = await page.evaluate(() => window.curApi!.getAppInfo());
    expect(info).toMatchObject({ ok: true, value: { shell: 'electron' } });
  });

  it('takes no URL, method or headers for a feed, and refuses a plain-http feed address', async () => {
    const legacy = await page.evaluate(() =>
      (window.curApi!.fetchFeed as unknown as (r: unknown) => Promise<unknown>)({ url: 'https://example.com/', method: 'POST', headers: { Authorization: 'x' }, timeoutMs: 1000 }),
    );
    expect(legacy).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const http = await page.evaluate(() => window.curApi!.configureFeed({ feedId: 'feed:e2e', baseUrl: 'http://example.com/feed', token: 'e2e' }));
    expect(http).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const listed = await page.evaluate(() => window.curApi!.listFeedEndpoints());
    expect(listed).toEqual({ ok: true, value: [] });
  });
});
