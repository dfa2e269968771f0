/**
 * The operator opens the app: Russian navigation for every area, global filters in the top bar,
 * an English switch, honest empty areas; the wall route is its own dark root. Nothing is fetched
 * from outside the local server and nothing is logged as an error.
 */
import { describe, expect, it } from 'vitest';
import { openApp, reloadSignedIn, saveScreenshot, signInIfAsked, waitForSyncIdle } from './support';
import { ShellPage } from './support/shell-page';

const RU_NAV = ['Обзор', 'Реестр', 'Просрочки', 'Отрасли', 'Рейтинг', 'Аналитика', 'Контроль', 'Дорожные карты', 'Показатели', 'Отчёты', 'Видеостена', 'Источники', 'Импорт', 'Настройки', 'О программе', 'Снимки'];

describe('the operator window', () => {
  it('opens on the overview with Russian navigation, filters and no outside requests', async () => {
    const app = await openApp({ query: { demo: 'off', dbName: 'e2e-shell-nav' } });
    const shell = new ShellPage(app.page);
    await shell.waitForArea('overview');
    expect(app.page.url()).toMatch(/#\/overview$/);
    expect(await shell.navLabels()).toEqual(RU_NAV);
    expect(await app.page.locator('[aria-current="page"]').innerText()).toBe('Обзор');
    expect(await app.page.getByTestId('period-preset').inputValue()).toBe('last30');
    expect(await app.page.getByTestId('sector-filter').locator('option').first().innerText()).toBe('Все отрасли');
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('ru');
    // No source is configured: the shell reports sync idle with nothing pulled.
    expect(await waitForSyncIdle(app.page)).toEqual({ phase: 'idle', pulls: 0 });
    expect(await app.page.locator('.shell').getAttribute('data-sync')).toBe('idle');
    await saveScreenshot(app.page, 'shell-overview');
    expect(app.externalRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('switches the whole shell to English and back', async () => {
    const app = await openApp({ path: 'about', query: { demo: 'off', dbName: 'e2e-shell-lang' } });
    const shell = new ShellPage(app.page);
    await shell.waitForArea('about');
    await shell.switchLanguage('EN');
    await app.page.getByRole('link', { name: 'Overview', exact: true }).waitFor();
    expect(await shell.navLabels()).toContain('Settings');
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await shell.switchLanguage('RU');
    await app.page.getByRole('link', { name: 'Обзор', exact: true }).waitFor();
    expect(await app.page.evaluate(() => localStorage.getItem('cur.lang'))).toBe('ru');
  });

  it('follows the navigation and says plainly when an address leads nowhere', async () => {
    const app = await openApp({ path: 'no-such-area', query: { demo: 'off', dbName: 'e2e-shell-404' } });
    const shell = new ShellPage(app.page);
    await app.page.getByText('Раздел не найден').waitFor();
    await shell.goTo('О программе');
    await shell.waitForArea('about');
    expect(await app.page.locator('[aria-current="page"]').innerText()).toBe('О программе');
    expect(app.consoleErrors).toEqual([]);
  });

  it('tells the version, the shell and the region in «О программе»', async () => {
    const app = await openApp({ path: 'about', query: { demo: 'off', dbName: 'e2e-shell-about' } });
    await app.page.locator('[data-testid="about"][data-ready="true"]').waitFor();
    expect(await app.page.getByTestId('about-version').innerText()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(await app.page.getByTestId('about-shell').innerText()).toMatch(/^Браузерный режим/);
    expect(await app.page.getByTestId('about').innerText()).toContain('Кировская область');
    expect(app.consoleErrors).toEqual([]);
  });

  it('switches the region in «Настройки» and keeps it after a reload', async () => {
    const app = await openApp({ path: 'settings', query: { demo: 'off', dbName: 'e2e-shell-settings' } });
    await app.page.getByTestId('region-select').waitFor();
    const sverdlovsk = await app.page.getByTestId('region-select').locator('option', { hasText: 'Свердловская' }).getAttribute('value');
    await app.page.getByTestId('region-select').selectOption(sverdlovsk!);
    // A region switch reloads the window, and a reload locks it (runtime/session.ts).
    await app.page.getByTestId('lock-screen').waitFor();
    await signInIfAsked(app.page);
    await app.page.getByText('Часовой пояс: Asia/Yekaterinburg').waitFor();
    await reloadSignedIn(app.page);
    await app.page.getByText('Часовой пояс: Asia/Yekaterinburg').waitFor();
    expect(await app.page.getByTestId('region-select').inputValue()).toBe(sverdlovsk);
    // The region has a store of its own: nothing of Kirov's is mixed into it.
    await app.page.waitForFunction(
      async (name) => (await indexedDB.databases()).some((d) => d.name === name),
      `e2e-shell-settings.${sverdlovsk}`,
    );
    await saveScreenshot(app.page, 'shell-settings');
    expect(app.consoleErrors).toEqual([]);
  });

  it('shows the wall as its own dark root without the operator shell', async () => {
    const app = await openApp({ path: 'wall', query: { demo: 'off', dbName: 'e2e-shell-wall' }, viewport: { width: 1920, height: 1080 } });
    await app.page.getByTestId('wall-root').waitFor();
    await waitForSyncIdle(app.page);
    expect(await app.page.getByTestId('wall-root').getAttribute('data-sync')).toBe('idle');
    expect(await app.page.evaluate(() => document.documentElement.dataset.theme)).toBe('wall');
    expect(await app.page.getByRole('navigation').count()).toBe(0);
    expect(await app.page.getByTestId('top-bar').count()).toBe(0);
    const background = await app.page.evaluate(() => getComputedStyle(document.querySelector('.wall-root')!).backgroundColor);
    expect(background).toBe('rgb(14, 20, 27)');
    await saveScreenshot(app.page, 'shell-wall');
    expect(app.externalRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
