/** Page object for «Реестр» and the appeal card, shared by the registry and card specs. */
import type { Page } from 'playwright-core';

export const DEMO = { demoScale: 3000, demoSeed: 7, demoNow: '2025-11-18T09:00:00+03:00' };

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
    await this.page.locator('[data-testid="registry"][data-ready="true"]').waitFor({ timeout: 120_000 });
  }

  /** Waits until the demo sync is over and the count has settled. */
  async waitForData(): Promise<number> {
    await this.waitReady();
    let last = -1;
    let stable = 0;
    for (let i = 0; i < 360 && stable < 4; i++) {
      const syncing = (await this.page.getByText(/Идёт синхронизация/).count()) > 0;
      const ready = (await this.page.locator('[data-testid="registry"][data-ready="true"]').count()) === 1;
      const n = ready ? await this.count() : -1;
      stable = !syncing && ready && n === last && n > 0 ? stable + 1 : 0;
      last = n;
      await this.page.waitForTimeout(500);
    }
    return last;
  }

  async count(): Promise<number> {
    return parseCount(await this.page.getByTestId('registry-count').innerText());
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
    const field = this.day(end);
    await field.click();
    await field.press('ControlOrMeta+a');
    await field.pressSequentially(text);
    await field.press('Enter');
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
    await this.page.locator('[data-testid="appeal-card"][data-ready="true"]').waitFor({ timeout: 60_000 });
  }
}
