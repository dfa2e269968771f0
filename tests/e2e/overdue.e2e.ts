/**
 * Scenario 1, steps 4–5: the head of a block escalates an overdue appeal and requests information
 * from the organisation; the escalation is still there after a reload, the request's 3-hour clock
 * is shown counting down.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO, openSyncedApp, reloadSignedIn, saveScreenshot, TEST_ADMIN, uniqueDbName, waitForScreen } from './support';

/** Page object for «Просрочки». */
class OverduePage {
  constructor(readonly page: Page) {}

  async waitForRows() {
    await waitForScreen(this.page, 'overdue');
    await this.page.getByTestId('overdue-row').first().waitFor();
  }

  firstRow() {
    return this.page.getByTestId('overdue-row').first();
  }

  async escalate(row: ReturnType<OverduePage['firstRow']>, input: { assignee: string; note: string; by: string }) {
    await row.getByTestId('od-escalate').click();
    const form = this.page.getByTestId('od-form-escalate');
    await form.waitFor();
    await form.getByTestId('od-assignee').fill(input.assignee);
    await form.getByTestId('od-note').fill(input.note);
    // Signed by the signed-in person: shown, not typed.
    expect(await form.getByTestId('od-by').innerText()).toBe(input.by);
    await form.getByTestId('od-submit').click();
    await form.waitFor({ state: 'detached' });
  }

  async requestInformation(row: ReturnType<OverduePage['firstRow']>, input: { question: string; by: string }) {
    await row.getByTestId('od-request').click();
    const form = this.page.getByTestId('od-form-request');
    await form.waitFor();
    await form.getByTestId('od-question').fill(input.question);
    expect(await form.getByTestId('od-by').innerText()).toBe(input.by);
    await form.getByTestId('od-submit').click();
    await form.waitFor({ state: 'detached' });
  }

  escalationRow(appealId: string) {
    return this.page.locator(`[data-testid="escalation-row"][data-appeal-id="${appealId}"]`);
  }

  requestRow(appealId: string) {
    return this.page.locator(`[data-testid="request-row"][data-appeal-id="${appealId}"]`);
  }
}

describe('«Просрочки»', () => {
  it('escalates an overdue appeal, and the escalation survives a reload', async () => {
    const app = await openSyncedApp({ path: 'overdue', query: { ...DEMO, dbName: uniqueDbName('overdue') } });
    const view = new OverduePage(app.page);
    await view.waitForRows();
    expect(await app.page.getByTestId('overdue-state-at').innerText()).toBe('Состояние на 18.11.2025 09:00');
    const row = view.firstRow();
    const appealId = (await row.getAttribute('data-appeal-id'))!;
    await view.escalate(row, { assignee: 'Петров П. П.', note: 'Просрочено, прошу взять на контроль', by: TEST_ADMIN.displayName });
    await view.escalationRow(appealId).waitFor();
    expect(await view.escalationRow(appealId).innerText()).toContain('Петров П. П.');
    await app.page.locator(`[data-testid="overdue-row"][data-appeal-id="${appealId}"] [data-testid="escalation-badge"]`).waitFor();

    await reloadSignedIn(app.page);
    await view.waitForRows();
    await view.escalationRow(appealId).waitFor();
    const text = await view.escalationRow(appealId).innerText();
    expect(text).toContain('Просрочено, прошу взять на контроль');
    expect(text).toContain(TEST_ADMIN.displayName);
    expect(await view.escalationRow(appealId).getAttribute('data-status')).toBe('open');
    expect(app.externalRequests).toEqual([]);
  });

  it('requests information from the organisation with a 3-hour clock', async () => {
    const app = await openSyncedApp({ path: 'overdue', query: { ...DEMO, dbName: uniqueDbName('overdue-req') } });
    const view = new OverduePage(app.page);
    await view.waitForRows();
    const row = view.firstRow();
    const appealId = (await row.getAttribute('data-appeal-id'))!;
    await view.requestInformation(row, { question: 'Сообщите срок устранения', by: TEST_ADMIN.displayName });
    const requestRow = view.requestRow(appealId);
    await requestRow.waitFor();
    const clock = requestRow.getByTestId('info-request-clock');
    // The app clock is frozen by demoNow, so the full three hours remain.
    expect(await clock.innerText()).toBe('3:00:00');
    expect(await clock.getAttribute('data-overdue')).toBe('false');
    expect(await app.page.locator(`[data-testid="overdue-row"][data-appeal-id="${appealId}"] [data-testid="info-request-clock"]`).innerText()).toBe('3:00:00');
    await saveScreenshot(app.page, 'overdue');
  });
});
