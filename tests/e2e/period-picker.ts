/** Page object for the top bar's period: a preset select and two typed date fields. */
import type { Page } from 'playwright-core';
import { typeDay } from './support';

export class PeriodPicker {
  constructor(readonly page: Page) {}

  field(end: 'from' | 'to') {
    return this.page.getByTestId(`period-${end}`);
  }

  async value(end: 'from' | 'to'): Promise<string> {
    return this.field(end).inputValue();
  }

  /** Types a day the way an operator does: select the field's text, type the digits, leave with Enter. */
  async type(end: 'from' | 'to', text: string) {
    await typeDay(this.field(end), text);
  }

  /** Opens the browser's calendar for one end (a native popup: not in the page, not in screenshots). */
  async openCalendar(end: 'from' | 'to') {
    await this.page.getByRole('button', { name: 'Выбрать дату в календаре' }).nth(end === 'from' ? 0 : 1).click();
  }

  error() {
    return this.page.getByTestId('period-error');
  }

  preset() {
    return this.page.getByTestId('period-preset');
  }
}
