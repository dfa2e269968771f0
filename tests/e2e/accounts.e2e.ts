/**
 * Accounts as a centre uses them: the first start creates the administrator, the administrator adds
 * an operator limited to the ЖКХ block and an observer, wrong passwords are answered with a visible
 * growing delay, the operator sees only ЖКХ (registry, top bar, overview), the observer cannot
 * reveal personal data, and the window locks after the idle time while the wall keeps showing.
 * Pictures for the guide chapter 13 go to docs/guide/img/.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, DEMO, openApp, signInIfAsked, TEST_ADMIN, uniqueDbName, waitForScreen, waitForSyncIdle, type OpenedApp, type TestAccount } from './support';

const GUIDE_IMG = fileURLToPath(new URL('../../docs/guide/img', import.meta.url));
const QUERY = { ...DEMO, dbName: uniqueDbName('accounts') };

const OPERATOR: TestAccount = { login: 'petrova', displayName: 'Петрова А. С.', password: 'временный пароль ЖКХ' };
const OBSERVER: TestAccount = { login: 'nabl', displayName: 'Наблюдатель Н. Н.', password: 'временный пароль набл' };

async function guidePicture(page: Page, name: string): Promise<void> {
  await mkdir(GUIDE_IMG, { recursive: true });
  await page.screenshot({ path: `${GUIDE_IMG}/${name}.png`, animations: 'disabled' });
}

async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    location.hash = `#/${p}`;
  }, path);
  await page.locator(`main[data-area="${path.split(/[?/]/)[0]}"]`).waitFor();
}

async function switchUser(page: Page): Promise<void> {
  await page.getByTestId('user-menu-button').click();
  await page.getByTestId('switch-user').click();
  await page.getByTestId('sign-in').waitFor();
}

async function signInAs(page: Page, account: TestAccount): Promise<void> {
  await page.getByTestId('account-login').fill(account.login);
  await page.getByTestId('account-password').fill(account.password);
  await page.locator('[data-testid="account-submit"]:enabled').click({ timeout: 30_000 });
}

/** A user created by the administrator picks their own password at the first sign-in. */
async function firstSignIn(page: Page, account: TestAccount): Promise<void> {
  await signInAs(page, account);
  await page.getByTestId('must-change-password').waitFor();
  const own = `${account.password} свой`;
  await page.getByTestId('current-password').fill(account.password);
  await page.getByTestId('new-password').fill(own);
  await page.getByTestId('new-password-repeat').fill(own);
  await page.getByTestId('change-password-save').click();
  await page.locator('nav.shell__nav').waitFor();
  account.password = own;
}

async function addUser(page: Page, account: TestAccount, role: string, sectors: string[]): Promise<void> {
  const form = page.getByTestId('new-user');
  await form.getByTestId('new-user-login').fill(account.login);
  await form.getByTestId('new-user-name').fill(account.displayName);
  await form.getByTestId('new-user-role').selectOption(role);
  if (sectors.length) await form.getByTestId('new-user-scope-sectors').selectOption(sectors);
  await form.getByTestId('new-user-password').fill(account.password);
  await form.getByTestId('new-user-add').click();
  await page.locator(`[data-testid="users-table"] tr[data-login="${account.login}"]`).waitFor();
}

describe('accounts, roles, scope and the lock', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp({ path: 'about', query: QUERY, account: false });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('the first start creates the administrator', async () => {
    const { page } = app;
    await page.getByTestId('first-run').waitFor();
    // Nothing of the application is rendered behind the gate.
    expect(await page.locator('nav.shell__nav').count()).toBe(0);
    await page.getByTestId('account-name').fill(TEST_ADMIN.displayName);
    await page.getByTestId('account-password').fill('короткий');
    await page.getByTestId('account-password-repeat').fill('короткий');
    await page.getByTestId('account-submit').click();
    expect(await page.getByTestId('account-error').innerText()).toMatch(/короче 12/);
    await guidePicture(page, '13-first-run');
    await signInIfAsked(page, TEST_ADMIN);
    expect(await page.getByTestId('user-role').innerText()).toBe('администратор');
    await waitForSyncIdle(page);
  });

  it('the administrator adds an operator limited to ЖКХ and an observer', async () => {
    const { page } = app;
    await go(page, 'settings');
    await page.getByTestId('users-admin').waitFor();
    await addUser(page, OPERATOR, 'operator', ['housing']);
    await addUser(page, OBSERVER, 'observer', []);
    const row = await page.locator(`[data-testid="users-table"] tr[data-login="${OPERATOR.login}"]`).innerText();
    expect(row).toContain('оператор');
    expect(row).toContain('ЖКХ');
    await page.getByTestId('users-admin').scrollIntoViewIfNeeded();
    await guidePicture(page, '13-users');
  });

  it('wrong passwords get one answer and a visible growing delay', async () => {
    const { page } = app;
    await switchUser(page);
    for (const login of ['admin', 'no-such-user', 'admin']) {
      await signInAs(page, { login, displayName: '', password: 'неверный пароль!' });
      await page.locator('[data-testid="account-error"], [data-testid="account-wait"]').first().waitFor();
    }
    const wait = page.getByTestId('account-wait');
    await wait.waitFor();
    expect(await wait.innerText()).toMatch(/Неверный логин или пароль\. Слишком много неудачных попыток\. Следующая попытка через \d+ с\./);
    expect(await page.getByTestId('account-submit').isDisabled()).toBe(true);
    await guidePicture(page, '13-sign-in-delay');
  });

  it('the ЖКХ operator sees only ЖКХ: top bar, registry, overview', async () => {
    const { page } = app;
    await firstSignIn(page, OPERATOR);
    const options = await page.getByTestId('sector-filter').locator('option').allInnerTexts();
    expect(options.slice(1)).toEqual(['ЖКХ']);
    await go(page, 'registry');
    await waitForScreen(page, 'registry');
    const sectors = await page.getByTestId('registry-table').locator('tbody tr').evaluateAll((rows) => rows.length);
    expect(sectors).toBeGreaterThan(0);
    const headers = await page.getByTestId('registry-table').locator('thead th').allInnerTexts();
    const index = headers.findIndex((h) => /Отрасль|Блок/.test(h.trim()));
    expect(index).toBeGreaterThanOrEqual(0);
    {
      const cells = await page
        .getByTestId('registry-table')
        .locator('tbody tr')
        .evaluateAll((trs, i) => trs.map((tr) => (tr as HTMLTableRowElement).cells[i as number]?.textContent ?? ''), index);
      // Spacer rows of the virtual list have no cells.
      expect(new Set(cells.filter((c) => c !== ''))).toEqual(new Set(['ЖКХ']));
    }
    await go(page, 'overview');
    await waitForScreen(page, 'overview');
    const overviewRows = await page.locator('[data-testid="overview"] table tbody tr th, [data-testid="overview"] table tbody tr td:first-child').allInnerTexts();
    for (const other of ['ТКО', 'Дороги', 'Транспорт', 'Соцзащита']) expect(overviewRows).not.toContain(other);
    // Sources and import are not this role's areas.
    expect(await page.locator('nav.shell__nav a[data-area="sources"]').count()).toBe(0);
  });

  it('the observer cannot reveal personal data', async () => {
    const { page } = app;
    await switchUser(page);
    await firstSignIn(page, OBSERVER);
    expect(await page.getByTestId('user-role').innerText()).toBe('наблюдатель');
    await go(page, 'registry');
    await waitForScreen(page, 'registry');
    expect(await page.getByTestId('registry-export').count()).toBe(0);
    await page.getByTestId('registry-table').locator('tbody tr').first().locator('a').first().click();
    await waitForScreen(page, 'appeal-card');
    expect(await page.getByTestId('personal-show').count()).toBe(0);
  });

  it('locks after the idle time while the wall keeps showing', async () => {
    const { page } = app;
    await switchUser(page);
    await signInAs(page, TEST_ADMIN);
    await page.locator('nav.shell__nav').waitFor();
    await go(page, 'settings');
    await page.getByTestId('idle-lock-minutes').fill('1');
    await page.getByTestId('idle-lock-save').click();
    await expect.poll(() => page.getByTestId('idle-lock-minutes').inputValue()).toBe('1');

    const wall = await page.context().newPage();
    await wall.goto(appUrl(app.baseUrl, { path: 'wall', query: QUERY }));
    await wall.getByTestId('wall-root').waitFor();

    // A minute and a bit without any input in the operator window (the page's clock moves on).
    await page.clock.install({ time: Date.now() });
    await page.clock.fastForward('01:10');
    await page.getByTestId('lock-screen').waitFor({ timeout: 30_000 });
    expect(await page.locator('nav.shell__nav').count()).toBe(0);
    expect(await page.locator('[data-lock-reason="idle"]').count()).toBe(1);
    await guidePicture(page, '13-locked');
    // The wall is not gated: its scenes stay on screen.
    expect(await wall.getByTestId('wall-root').isVisible()).toBe(true);
    expect(await wall.getByTestId('lock-screen').count()).toBe(0);
    await signInIfAsked(page, TEST_ADMIN);
    expect(await page.locator('nav.shell__nav').count()).toBe(1);
  });
});
