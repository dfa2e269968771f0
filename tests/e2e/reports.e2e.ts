/**
 * «Отчёты» as an operator uses them: the monthly report for a block and a period, previewed, then
 * downloaded as PDF, DOCX and XLSX (each checked for the same figures), kept in the archive; then
 * the first page of every report kind's PDF for the user guide (pdftoppm).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextWriter, Uint8ArrayReader, ZipReader } from '@zip.js/zip.js';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, saveScreenshot, type OpenedApp } from './support';
import { RESULTS_DIR } from './support/screenshots';

const DEMO = { demoScale: 3000, demoSeed: 7, demoNow: '2025-11-18T09:00:00+03:00' };
const GUIDE_IMG = fileURLToPath(new URL('../../docs/guide/img', import.meta.url));
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;

const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

async function waitForSyncIdle(page: Page) {
  await page.getByTestId('data-age').first().waitFor({ timeout: 120_000 });
  for (let i = 0; i < 240; i++) {
    const syncing = await page.getByText(/Идёт синхронизация/).count();
    const age = await page.getByTestId('data-age').first().innerText();
    if (syncing === 0 && /^Данные на/.test(age)) return;
    await page.waitForTimeout(500);
  }
  throw new Error('demo sync did not settle');
}

async function download(page: Page, format: 'pdf' | 'docx' | 'xlsx', dir: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId(`report-download-${format}`).click()]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  await page.locator('[data-testid="report-status"][data-state="saved"]').waitFor({ timeout: 60_000 });
  return path;
}

async function zipText(path: string, entry: string): Promise<string> {
  const reader = new ZipReader(new Uint8ArrayReader(new Uint8Array(readFileSync(path))));
  const found = (await reader.getEntries()).find((e) => e.filename === entry);
  const text = found && !found.directory ? await found.getData!(new TextWriter()) : '';
  await reader.close();
  return text;
}

/** Page 1 of a PDF as PNG at `target` (without extension), through pdftoppm. */
function firstPage(pdf: string, target: string) {
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, target]);
}

describe('«Отчёты»', () => {
  let app: OpenedApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('previews the monthly report for a block and downloads it as PDF, DOCX and XLSX with the same figures', async () => {
    app = await openApp({ path: 'reports', query: { ...DEMO, dbName: `e2e-reports-${Date.now()}` } });
    const { page } = app;
    await waitForSyncIdle(page);
    await page.getByTestId('report-kind').selectOption('monthly');
    await page.getByTestId('report-period').fill('2025-10');
    await page.getByTestId('report-sector').selectOption('housing');
    await page.getByTestId('report-preview-button').click();
    const preview = page.getByTestId('report-preview');
    await preview.waitFor({ timeout: 120_000 });
    const text = flat(await preview.innerText());
    expect(text).toContain('Ежемесячный доклад Губернатору');
    expect(text).toContain('октябрь 2025 года (01.10–31.10.2025)');
    expect(text).toContain('Блок: Жилищно-коммунальное хозяйство');
    expect(text).toContain('Демо-данные');
    const received = /Поступило ([\d ]+) обращ/.exec(text)?.[1];
    expect(received).toBeTruthy();
    await saveScreenshot(page, 'reports');
    await page.screenshot({ path: join(GUIDE_IMG, 'reports-screen.png') });

    const dir = mkdtempSync(join(tmpdir(), 'reports-e2e-'));
    try {
      const pdf = await download(page, 'pdf', dir);
      expect(pdf).toMatch(/otchet-monthly-2025-10\.pdf$/);
      if (hasPoppler) {
        const pdfText = flat(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
        expect(pdfText).toContain('Ежемесячный доклад Губернатору');
        expect(pdfText).toContain('октябрь 2025 года (01.10–31.10.2025)');
        expect(pdfText).toContain(`Поступило ${received} обращ`);
        firstPage(pdf, join(RESULTS_DIR, 'report-monthly-page1'));
        firstPage(pdf, join(GUIDE_IMG, 'report-monthly'));
      }
      const docx = await download(page, 'docx', dir);
      expect(flat(await zipText(docx, 'word/document.xml'))).toContain(`Поступило ${received} обращ`);
      const xlsx = await download(page, 'xlsx', dir);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(xlsx);
      const sheet = book.getWorksheet('Показатели')!;
      const row = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === 'Поступило')!;
      expect(row.getCell(2).value).toBe(Number(received!.replace(/ /g, '')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const archive = page.getByTestId('report-archive-row');
    await expect.poll(() => archive.count()).toBe(3);
    expect(flat(await archive.first().innerText())).toContain('Ежемесячный доклад Губернатору');
    await archive.last().getByRole('button', { name: 'Открыть' }).click();
    await page.getByText(/^Из архива: сформирован/).waitFor();
    expect(app.externalRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  it.skipIf(!hasPoppler)('generates every report kind as PDF (first pages for the guide)', async () => {
    app = await openApp({ path: 'reports', query: { ...DEMO, dbName: `e2e-reports-all-${Date.now()}` } });
    const { page } = app;
    await waitForSyncIdle(page);
    const dir = mkdtempSync(join(tmpdir(), 'reports-e2e-all-'));
    try {
      for (const kind of ['weekly', 'quarterly', 'reference', 'meeting'] as const) {
        await page.getByTestId('report-kind').selectOption(kind);
        // The reference note is on one municipality; the other kinds cover the whole region.
        await page.getByTestId('report-municipality').selectOption({ index: kind === 'reference' ? 1 : 0 });
        const pdf = await download(page, 'pdf', dir);
        const pdfText = flat(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
        expect(pdfText).toMatch(/Еженедельная оперативная сводка|Квартальный отчёт|Справка: |Отчёт к совещанию/);
        expect(pdfText).toContain('Демо-данные');
        // The worker reads the analytic index for the week's spikes: the section says what it found.
        if (kind === 'weekly') expect(pdfText).toMatch(/Всплески (За период выявлено|За период всплесков обращений не выявлено)/);
        firstPage(pdf, join(GUIDE_IMG, `report-${kind}`));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(app.externalRequests).toEqual([]);
  });
});
