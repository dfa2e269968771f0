/** Page object for «Реестр» and the appeal card, shared by the registry and card specs. */
import type { Page } from 'playwright-core';
import { typeDay, waitForScreen, waitForSyncIdle } from './support';

export { DEMO } from './support';

export function parseCount(text: string): number {
  const match = /Найдено(?: не менее)? ([\d\s\u202f\u00a0]+) обращ/.exec(text);
  if (!match) throw new Error(`no count in «${text}»`);
  return Number(match[1]!.replace(/[\s\u202f\u00a0]/g, ''));
}

export class RegistryPage {
  constructor(readonly page: Page) {}

  registry() {
    return this.page.getByTestId('registry');
  }

  async waitReady() {
    await waitForScreen(this.page, 'registry');
  }

  /**
   * The count once sync is idle and the list is ready. Open the app with `openSyncedApp`, so the
   * list was built from the finished store and the count is final.
   */
  async waitForData(): Promise<number> {
    await waitForSyncIdle(this.page);
    await this.waitReady();
    return this.count();
  }

  /** Opens the first row's card and returns its appeal id. */
  async openFirstAppeal(): Promise<string> {
    const first = this.rows().first();
    const id = await first.getAttribute('data-appeal-id');
    if (!id) throw new Error('the first row has no appeal id');
    await first.locator('a').first().click();
    await this.page.waitForURL(/#\/appeal\//);
    await new AppealCardPage(this.page).waitReady();
    return id;
  }

  async count(): Promise<number> {
    return parseCount(await this.page.getByTestId('registry-count').innerText());
  }

  /** «Найдено N» once the list is ready, when N is exact (a bounded «не менее N» fails). */
  async exactCount(): Promise<number> {
    await this.page.locator('main[data-area="registry"]').waitFor();
    await this.waitReady();
    const text = await this.page.getByTestId('registry-count').innerText();
    if (/не менее/.test(text)) throw new Error(`the count is not exact: «${text}»`);
    return parseCount(text);
  }

  /** Changes a select of the filter bar and waits for the new list. */
  async choose(name: string, label: string) {
    await this.page.getByTestId('registry-filters').locator(`select[name="${name}"]`).selectOption({ label });
    await this.page.waitForURL(new RegExp(`[?&]${name}=`));
    await this.waitReady();
  }

  async search(text: string) {
    const input = this.page.getByTestId('registry-filters').locator('input[name="q"]');
    await input.fill(text);
    await input.press('Enter');
    await this.page.waitForURL(/[?&]q=/);
    await this.waitReady();
  }

  /** A received-day bound of the filter bar (dd.mm.yyyy text field). */
  day(end: 'from' | 'to') {
    return this.page.getByTestId(`registry-${end}`);
  }

  /** Types a received day the way an operator does: select the text, type the digits, Enter. */
  async typeDay(end: 'from' | 'to', text: string) {
    await typeDay(this.day(end), text);
  }

  periodError() {
    return this.page.getByTestId('registry-period-error');
  }

  rows() {
    return this.page.getByTestId('registry-table').locator('tbody tr[data-appeal-id]');
  }

  /** Cell texts of the visible rows for one column, by its header. */
  async column(header: string): Promise<string[]> {
    const headers = await this.page.getByTestId('registry-table').locator('thead th').allInnerTexts();
    const index = headers.findIndex((h) => h.trim() === header);
    if (index < 0) throw new Error(`no column ${header} in ${headers.join(', ')}`);
    return this.rows().evaluateAll((trs, i) => trs.map((tr) => (tr as HTMLTableRowElement).cells[i as number]?.textContent ?? ''), index);
  }
}

export class AppealCardPage {
  constructor(readonly page: Page) {}

  async waitReady() {
    await waitForScreen(this.page, 'appeal-card');
  }

  /** Shows the masked personal data and returns the applicant's name as shown. */
  async showPersonal(): Promise<string> {
    await this.page.getByTestId('personal-show').click();
    await this.page.locator('[data-testid="appeal-personal"][data-shown="true"]').waitFor();
    return this.page.getByTestId('personal-name').innerText();
  }
}
