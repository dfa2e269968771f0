/**
 * The registry as an operator uses it: filters narrow the list, text search finds Russian word
 * forms, the keyboard opens a card, and an export file holds exactly the filtered rows with the
 * applicants' data masked (and the export is in the audit log).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DEMO, dbNameOf, openSyncedApp, reloadSignedIn, saveScreenshot, storeRows, uniqueDbName } from './support';
import { AppealCardPage, RegistryPage } from './registry-page';

describe('«Реестр»', () => {
  it('narrows the list with filters, finds word forms, and opens a card from the keyboard', async () => {
    const app = await openSyncedApp({ path: 'registry', query: { ...DEMO, dbName: uniqueDbName('registry') } });
    const registry = new RegistryPage(app.page);
    const total = await registry.waitForData();
    expect(total).toBeGreaterThan(100);
    expect(await registry.rows().count()).toBeGreaterThan(10);

    await registry.choose('sector', 'ЖКХ');
    const housing = await registry.count();
    expect(housing).toBeGreaterThan(0);
    expect(housing).toBeLessThan(total);
    expect(new Set(await registry.column('Отрасль'))).toEqual(new Set(['ЖКХ']));

    await registry.choose('deadline', 'Просрочено');
    const overdue = await registry.count();
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(housing);
    for (const state of await registry.column('Состояние срока')) expect(state).toMatch(/^просрочено на /);
    expect(app.page.url()).toContain('sector=housing');
    expect(app.page.url()).toContain('deadline=overdue');
    await saveScreenshot(app.page, 'registry-overdue-housing');

    // The same link in a fresh load shows the same list (the filter lives in the URL).
    await reloadSignedIn(app.page);
    await registry.waitReady();
    expect(await registry.count()).toBe(overdue);

    // Received days are typed as dd.mm.yyyy whatever the browser locale. A short form is finished
    // by Enter, which applies the day and must not also submit the form with the old bounds.
    await registry.typeDay('from', '1.11.25');
    await app.page.waitForURL(/[?&]from=2025-11-01/);
    await registry.waitReady();
    expect(await registry.day('from').inputValue()).toBe('01.11.2025');
    expect(app.page.url()).toContain('deadline=overdue');
    expect(await registry.count()).toBeLessThanOrEqual(overdue);
    // A reversed range is said and not applied.
    await registry.typeDay('to', '15.10.2025');
    expect(await registry.periodError().innerText()).toBe('Начало периода позже конца — период не применён');
    expect(app.page.url()).not.toMatch(/[?&]to=/);
    await saveScreenshot(app.page, 'registry-period-reversed');
    await registry.day('to').press('Escape');
    expect(await registry.periodError().count()).toBe(0);
    expect(await registry.day('to').inputValue()).toBe('');
    await app.page.goBack();
    await app.page.waitForURL((url) => !url.hash.includes('from='));
    await registry.waitReady();
    expect(await registry.count()).toBe(overdue);

    await registry.search('крыши');
    const roofs = await registry.count();
    expect(roofs).toBeGreaterThan(0);
    const texts = await registry.column('Текст');
    const categories = await registry.column('Категория');
    texts.forEach((text, i) => expect(`${text} ${categories[i]}`).toMatch(/крыш|кровл/i));
    // Other forms than the one typed: «крышу», «крыша», «крыше», «крышей».
    expect(texts.some((text) => /крыш(у|а|е|ей)(?![а-яё])/i.test(text))).toBe(true);

    await app.page.getByTestId('registry-table').focus();
    await app.page.keyboard.press('ArrowDown');
    const selected = await app.page.locator('tbody tr[aria-selected="true"]').getAttribute('data-appeal-id');
    await app.page.keyboard.press('Enter');
    await app.page.waitForURL(/#\/appeal\//);
    await new AppealCardPage(app.page).waitReady();
    expect(await app.page.getByTestId('appeal-card').getAttribute('data-appeal-id')).toBe(selected);
    expect(app.externalRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('exports exactly the filtered rows to XLSX with personal data masked, and audits it', async () => {
    const app = await openSyncedApp({ path: 'registry?sector=housing&deadline=overdue&sort=due-asc', query: { ...DEMO, dbName: uniqueDbName('registry-export') } });
    const registry = new RegistryPage(app.page);
    const count = await registry.waitForData();
    expect(count).toBeGreaterThan(0);

    const dir = mkdtempSync(join(tmpdir(), 'registry-export-'));
    try {
      const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('export-xlsx').click()]);
      expect(download.suggestedFilename()).toMatch(/^reestr-2025-11-18-\d{4}\.xlsx$/);
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      await app.page.getByTestId('export-done').waitFor();

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const sheet = workbook.worksheets[0]!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header).toContain('Дата поступления');
      expect(header).toContain('ФИО заявителя');
      expect(sheet.rowCount - 1).toBe(count);
      const col = (name: string) => header.indexOf(name) + 1;
      let named = 0;
      for (let r = 2; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r);
        expect(row.getCell(col('Отрасль')).value).toBe('ЖКХ');
        expect(row.getCell(col('Дата поступления')).value).toBeInstanceOf(Date);
        const name = row.getCell(col('ФИО заявителя')).value;
        if (name) {
          named++;
          // Sealed at rest: a fixed mask with no character of the name.
          expect(String(name)).toBe('*****');
        }
        const phone = row.getCell(col('Телефон заявителя')).value;
        if (phone) expect(String(phone)).toBe('*** ***-**-**');
      }
      expect(named).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const rows = await storeRows<{ action: string; details: Record<string, unknown> }>(app.page, dbNameOf(app.page), 'audit');
    const audit = rows.filter((r) => r.action === 'registry.export').map((r) => r.details);
    expect(audit).toEqual([expect.objectContaining({ format: 'xlsx', rows: count, personalData: 'masked', filter: 'sector=housing&deadline=overdue&sort=due-asc' })]);
  });
});
