/**
 * «Журнал действий»: the operator opens an appeal's card, shows the applicant's personal data,
 * and finds that access at the top of the activity log in «Настройки», with the appeal linked and
 * nothing of the personal data itself.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO, openSyncedApp, RESULTS_DIR, saveScreenshot, TEST_ADMIN, uniqueDbName, waitForScreen } from './support';
import { ShellPage } from './support/shell-page';
import { AppealCardPage, RegistryPage } from './registry-page';

class AuditLogPage {
  constructor(readonly page: Page) {}

  section() {
    return this.page.getByTestId('settings-audit');
  }

  async waitReady() {
    await waitForScreen(this.page, 'audit-log');
  }

  rows() {
    return this.section().getByTestId('audit-row');
  }
}

describe('«Журнал действий»', () => {
  it('shows a personal-data access at the top of the log, linked to the appeal', async () => {
    // ПОС messages carry the applicant's name, so the card has personal data to show.
    const app = await openSyncedApp({ path: 'registry?source=pos&sort=due-asc', query: { ...DEMO, dbName: uniqueDbName('audit') } });
    const registry = new RegistryPage(app.page);
    expect(await registry.waitForData()).toBeGreaterThan(0);
    const id = await registry.openFirstAppeal();
    const name = await new AppealCardPage(app.page).showPersonal();

    const shell = new ShellPage(app.page);
    await shell.goTo('Настройки');
    await shell.waitForArea('settings');
    const log = new AuditLogPage(app.page);
    await log.waitReady();
    await log.section().scrollIntoViewIfNeeded();
    const top = log.rows().first();
    expect(await top.getAttribute('data-action')).toBe('personal-data.reveal');
    expect(await top.getByTestId('audit-action').innerText()).toBe('Показ персональных данных');
    expect(await top.innerText()).toMatch(/\d\d\.\d\d\.\d{4} \d\d:\d\d/);
    // The row names the signed-in person (runtime/actor.ts).
    expect(await top.innerText()).toContain(TEST_ADMIN.displayName);
    expect(await top.getByTestId('audit-appeal').getAttribute('href')).toBe(`#/appeal/${encodeURIComponent(id)}`);
    // The log says whose data was shown, never the data.
    expect(await log.section().innerText()).not.toContain(name);
    // The access was sealed into the log's hash chain in the browser: the log reads as whole.
    expect(await log.section().getByTestId('audit-chain').getAttribute('data-state')).toBe('intact');

    await log.section().getByTestId('audit-kind').selectOption('personal-data');
    await log.waitReady();
    expect(await log.rows().count()).toBe(1);
    await log.section().getByTestId('audit-kind').selectOption('all');
    await saveScreenshot(app.page, 'audit-log-page');
    await log.section().screenshot({ path: `${RESULTS_DIR}/audit-log.png` });

    await top.getByTestId('audit-appeal').click();
    await app.page.waitForURL(/#\/appeal\//);
    await new AppealCardPage(app.page).waitReady();
    expect(await app.page.getByTestId('appeal-card').getAttribute('data-appeal-id')).toBe(id);
    expect(app.externalRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
