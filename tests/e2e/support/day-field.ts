import type { Locator } from 'playwright-core';

/** Types a day into a dd.mm.yyyy field the way an operator does: select its text, type, Enter. */
export async function typeDay(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(text);
  await field.press('Enter');
}
