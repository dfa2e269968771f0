/** Page object for the operator window's shell: navigation, top bar, language, current area. */
import type { Page } from 'playwright-core';

export class ShellPage {
  constructor(readonly page: Page) {}

  nav() {
    return this.page.getByRole('navigation');
  }

  async navLabels(): Promise<string[]> {
    return this.nav().getByRole('link').allInnerTexts();
  }

  async goTo(label: string) {
    await this.nav().getByRole('link', { name: label, exact: true }).click();
  }

  async waitForArea(area: string) {
    await this.page.locator(`main[data-area="${area}"]`).waitFor();
  }

  async switchLanguage(code: 'RU' | 'EN') {
    await this.page.getByRole('button', { name: code, exact: true }).click();
  }

  main() {
    return this.page.locator('main');
  }
}
