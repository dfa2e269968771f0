/**
 * Messages stored as `{ kind, params }` read right in both languages: an appeal's deadline
 * explanation on its card, a failing feed's sync error on «Источники», and the activity log's
 * actions and summaries in «Настройки» — first in Russian, then after the EN switch in English
 * (and back). The sync error is real: a feed configured at a closed loopback port.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO, openSyncedApp, saveScreenshot, signInIfAsked, uniqueDbName, type OpenedApp } from './support';
import { ShellPage } from './support/shell-page';
import { AppealCardPage, RegistryPage } from './registry-page';

const CYRILLIC_WORDS = /(календарн|рабоч|часов|перенесено|продлено|срок из|Срок из|Нет связи|Показ|Импорт)/;

async function putRows(page: Page, dbName: string, store: string, rows: unknown[]): Promise<void> {
  await page.evaluate(
    ({ dbName, store, rows }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(store, 'readwrite');
          for (const row of rows) tx.objectStore(store).put(row);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { dbName, store, rows },
  );
}

async function waitForText(page: Page, testId: string, pattern: RegExp): Promise<string> {
  const locator = page.getByTestId(testId).first();
  await locator.waitFor({ timeout: 60_000 });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const text = await locator.innerText();
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`${testId} never matched ${pattern}: «${text}»`);
    await page.waitForTimeout(200);
  }
}

describe('messages in both languages', () => {
  let app: OpenedApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('shows the deadline explanation, a sync error and the activity log in Russian and in English', async () => {
    const dbName = uniqueDbName('messages');
    app = await openSyncedApp({ path: 'registry?source=im&sort=due-asc', query: { ...DEMO, dbName } });
    const { page } = app;
    const shell = new ShellPage(page);

    // The card of an ИМ appeal: its deadline counts hours by a rule of the rule set.
    const registry = new RegistryPage(page);
    expect(await registry.waitForData()).toBeGreaterThan(0);
    await registry.rows().first().locator('a').first().click();
    await page.waitForURL(/#\/appeal\//);
    await new AppealCardPage(page).waitReady();
    const explanation = page.getByTestId('deadline-explanation');
    expect(await explanation.getAttribute('data-kind')).toMatch(/^(rule-hours|rule-days|source)$/);
    const ru = await explanation.innerText();
    expect(ru).toMatch(/(час|дн|срок из источника).* до \d\d\.\d\d\.\d{4}/);

    await shell.switchLanguage('EN');
    const en = await waitForText(page, 'deadline-explanation', /until/);
    expect(en).toMatch(/(hours?|days?|deadline from the source).*until \d\d[./]\d\d[./]\d{4}/);
    expect(en).not.toMatch(CYRILLIC_WORDS);
    await saveScreenshot(page, 'messages-deadline-en');

    // Audit rows of several kinds, as the app writes them; a dead feed for a real sync error.
    const at = Date.parse(DEMO.demoNow);
    await putRows(page, dbName, 'audit', [
      { at: at - 60_000, action: 'import.fail', user: 'operator', details: { fileName: 'b.csv', reason: { kind: 'missing-columns', params: { columns: ['Номер'] } }, startedAt: at - 60_000 } },
      { at: at - 30_000, action: 'registry.export', user: 'operator', details: { format: 'xlsx', rows: 12, filter: {}, personalData: 'masked' } },
    ]);
    await putRows(page, dbName, 'settings', [
      { key: 'sync.feeds', value: [{ id: 'feed:e2e-dead', label: 'Фид ЦУР', baseUrl: 'http://127.0.0.1:9/feed', token: 'e2e-token', enabled: true }] },
    ]);
    await page.reload();
    await signInIfAsked(page);

    // «Sources», in English (the choice survived the reload), then in Russian.
    await shell.goTo('Sources');
    await shell.waitForArea('sources');
    // The browser host refuses a feed whose address and token were not saved through «Источники»
    // (its reason is the host's own text, a param); a saved one at a closed port cannot connect.
    await waitForText(page, 'source-error', /^Last error: (No connection to the feed|The request to the feed was not sent)/);
    await saveScreenshot(page, 'messages-sync-error-en');
    await shell.switchLanguage('RU');
    await waitForText(page, 'source-error', /^Последняя ошибка: (Нет связи с лентой|Запрос к ленте не отправлен)/);

    // «Настройки»: the activity log in Russian, then in English.
    await shell.goTo('Настройки');
    await shell.waitForArea('settings');
    await page.locator('[data-testid="audit-log"][data-ready="true"]').waitFor({ timeout: 60_000 });
    const failed = page.locator('[data-testid="audit-row"][data-action="import.fail"]');
    const exported = page.locator('[data-testid="audit-row"][data-action="registry.export"]');
    expect(await failed.getByTestId('audit-action').innerText()).toBe('Импорт отклонён');
    expect(await failed.getByTestId('audit-details').innerText()).toBe('файл: b.csv, причина: Нет обязательных столбцов: «Номер».');
    expect(await exported.getByTestId('audit-action').innerText()).toBe('Экспорт реестра');
    expect(await exported.getByTestId('audit-details').innerText()).toBe('XLSX, 12 строк, персональные данные скрыты');
    // The two rows above were put in raw, unsealed, after the sealed rows the first run wrote
    // (the administrator created and signed in): the chain check names them as added behind the app.
    const chain = page.getByTestId('audit-chain');
    expect(await chain.getAttribute('data-state')).toBe('broken');
    expect(await chain.innerText()).toMatch(/^Журнал нарушен\.[\s\S]*запись без печати журнала добавлена в обход приложения/);

    await shell.switchLanguage('EN');
    await page.getByRole('link', { name: 'Settings', exact: true }).waitFor();
    expect(await failed.getByTestId('audit-action').innerText()).toBe('Import refused');
    expect(await failed.getByTestId('audit-details').innerText()).toBe('file: b.csv, reason: Required columns are missing: «Номер».');
    expect(await exported.getByTestId('audit-action').innerText()).toBe('Registry export');
    expect(await exported.getByTestId('audit-details').innerText()).toBe('XLSX, 12 rows, personal data masked');
    expect(await chain.innerText()).toMatch(/^The log has been tampered with\.[\s\S]*added behind the app/);
    await page.getByTestId('settings-audit').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'messages-audit-log-en');

    // The only requests off the app's own origin are the dead feed's, which the test set up.
    expect(app.externalRequests.filter((url) => !url.startsWith('http://127.0.0.1:9/'))).toEqual([]);
  });
});
