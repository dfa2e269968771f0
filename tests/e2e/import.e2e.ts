/**
 * User story: an operator imports a ПОС export in browser mode (no demo data), sees the preview
 * counts, imports it, and importing the same file again changes nothing. Broken files get a clear
 * Russian message and change nothing; hostile text stays text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvBytes, encryptedXlsxBytes, hostileRows, POS_HEADERS, posRows, xlsxBytes } from '../fixtures/generate';
import { readFileSync } from 'node:fs';
import { openApp, saveScreenshot, type OpenedApp } from './support';
import { ImportPage } from './import-page';

describe('import (browser mode)', () => {
  let app: OpenedApp;
  let page: ImportPage;
  let posPath: string;
  const dialogs: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cur-e2e-import-'));
    posPath = join(dir, 'Выгрузка ПОС.xlsx');
    writeFileSync(posPath, await xlsxBytes(POS_HEADERS, posRows(120, { multilineEvery: 10 }), { titleRows: ['Выгрузка сообщений ПОС'] }));
    app = await openApp({ path: 'import', query: { demo: 'off', dbName: `e2e-import-${Date.now()}` } });
    app.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page = new ImportPage(app.page);
    await page.waitForStep('choose');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('previews, imports, and re-imports the same file as "nothing changed"', async () => {
    await page.chooseFile(posPath);
    await page.waitForStep('preview');
    expect(await page.count('read')).toBe(120);
    expect(await page.count('created')).toBe(120);
    expect(await page.count('unchanged')).toBe(0);
    expect(await page.count('rejected')).toBe(0);
    // The unknown category and organisation of the fixture are listed for mapping.
    expect(await app.page.getByTestId('import-need').count()).toBeGreaterThan(0);
    await saveScreenshot(app.page, 'import-preview');

    await page.commit();
    await page.waitForStep('done');
    expect(await app.page.getByTestId('import-done-summary').innerText()).toContain('новых 120');
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('import-download-report').click()]);
    expect(download.suggestedFilename()).toBe('отчёт-импорта-Выгрузка ПОС.csv');
    const report = readFileSync((await download.path()) as string, 'utf8');
    expect(report).toContain('Отчёт об импорте;Выгрузка ПОС.xlsx');
    expect(report).toContain('Новых;120');

    await page.another();
    await page.chooseFile(posPath);
    await page.waitForStep('preview');
    expect(await page.count('created')).toBe(0);
    expect(await page.count('changed')).toBe(0);
    expect(await page.count('unchanged')).toBe(120);
    await app.page.getByTestId('import-nothing-changed').waitFor();
  });

  it('refuses a password-protected file dropped on the screen, and keeps working', async () => {
    await app.page.getByTestId('import-discard').click();
    await page.waitForStep('choose');
    await page.dropFile('защищённый.xlsx', encryptedXlsxBytes());
    await page.waitForStep('failed');
    expect(await page.errorMessage()).toContain('защищён паролем');

    await page.dropFile('hostile.csv', csvBytes(POS_HEADERS, hostileRows(), { encoding: 'utf-8-bom' }));
    await page.waitForStep('preview');
    const samples = await app.page.getByTestId('import-samples').innerText();
    expect(samples).toContain('<script>alert("xss")</script>');
    expect(samples).toContain('=HYPERLINK(');
    await saveScreenshot(app.page, 'import-hostile-preview');
    expect(dialogs).toEqual([]);
    expect(app.externalRequests).toEqual([]);
  });
});
