/** Page object for the «Импорт» screen. */
import type { Page } from 'playwright-core';

export class ImportPage {
  constructor(readonly page: Page) {}

  screen() {
    return this.page.getByTestId('import-screen');
  }

  async waitForStep(step: 'choose' | 'preview' | 'done' | 'failed') {
    await this.page.locator(`[data-testid="import-screen"][data-step="${step}"][data-ready="true"]`).waitFor({ timeout: 120_000 });
  }

  /** Selects a file through the «Выбрать файл» dialog. */
  async chooseFile(path: string) {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.page.getByTestId('import-choose').click()]);
    await chooser.setFiles(path);
  }

  /** Drops a file onto the drop zone, as a person dragging it from the file manager. */
  async dropFile(name: string, bytes: Uint8Array) {
    const data = Buffer.from(bytes).toString('base64');
    await this.page.getByTestId('import-drop').evaluate(
      (zone, { name, data }) => {
        const binary = atob(data);
        const array = Uint8Array.from(binary, (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([array], name));
        zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
        zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      },
      { name, data },
    );
  }

  async count(kind: 'read' | 'created' | 'changed' | 'unchanged' | 'rejected' | 'warnings'): Promise<number> {
    const text = await this.page.getByTestId(`count-${kind}`).innerText();
    return Number(text.replace(/\D/g, ''));
  }

  async commit() {
    await this.page.getByTestId('import-commit').click();
  }

  async another() {
    await this.page.getByTestId('import-another').click();
  }

  errorMessage() {
    return this.page.getByTestId('import-error-message').innerText();
  }
}
