import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { KIROV_PACK } from '../../shared/domain/packs';
import type { Appeal } from '../../shared/domain/appeal';
import { makeTestAppeals } from '../../tests/support/registry-appeals';
import { appealExportColumns } from './appeal-columns';
import { ExportCancelled, exportCsv, exportXlsx } from './table-export';
import { maskEmail, maskName, maskPhone } from './mask';

const NOW = Date.parse('2025-11-18T09:00:00+03:00');
const TZ = 'Europe/Moscow';

function sample(): Appeal[] {
  const rows = makeTestAppeals({ count: 5, seed: 3, now: NOW });
  rows[0]!.text = '=HYPERLINK("http://evil.example","нажми")';
  rows[1]!.text = '+7 (912) звоните';
  rows[2]!.text = '@SUM(A1)';
  rows[3]!.text = '-1+2';
  rows[0]!.receivedAt = Date.parse('2025-11-03T10:15:00+03:00');
  rows[0]!.municipality = KIROV_PACK.municipalities[0]!.id;
  return rows;
}

async function* pagesOf<T>(rows: T[], size = 2) {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

async function readXlsx(blob: Blob) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await blob.arrayBuffer());
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Record<string, unknown>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as unknown[];
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i + 1] ?? null])));
  }
  return rows;
}

describe('masking', () => {
  it('keeps enough to tell people apart and nothing to reach them', () => {
    expect(maskName('Иванов Иван Иванович')).toBe('И***** И. И.');
    expect(maskPhone('+7 912 345-67-89')).toBe('*** ***-**-89');
    expect(maskEmail('ivanov@example.ru')).toBe('i***@***.ru');
    expect(maskName(null)).toBeNull();
  });
});

describe('XLSX export of appeals', () => {
  it('writes Russian headers, real dates in region time, masked personal data and inert formulas', async () => {
    const rows = sample();
    const progress: number[] = [];
    const columns = appealExportColumns({ pack: KIROV_PACK, showPersonal: false });
    const { blob, rows: count } = await exportXlsx(columns, pagesOf(rows), { timeZone: TZ, onProgress: (n) => progress.push(n) });
    expect(count).toBe(5);
    expect(progress).toEqual([2, 4, 5]);
    const out = await readXlsx(blob);
    expect(out).toHaveLength(5);
    expect(Object.keys(out[0]!)).toContain('Дата поступления');
    const received = out[0]!['Дата поступления'];
    expect(received).toBeInstanceOf(Date);
    // The wall-clock time in Kirov, as Excel will show it.
    expect((received as Date).toISOString()).toBe('2025-11-03T10:15:00.000Z');
    expect(out[0]!['Текст обращения']).toBe(`'=HYPERLINK("http://evil.example","нажми")`);
    expect(out[1]!['Текст обращения']).toBe(`'+7 (912) звоните`);
    expect(out[2]!['Текст обращения']).toBe(`'@SUM(A1)`);
    expect(out[3]!['Текст обращения']).toBe(`'-1+2`);
    expect(out[0]!['Муниципалитет']).toBe(KIROV_PACK.municipalities[0]!.name);
    for (const row of out) {
      expect(row['ФИО заявителя']).toBe('И***** И. И.');
      expect(row['Телефон заявителя']).toBe('*** ***-**-89');
      expect(JSON.stringify(row)).not.toContain('Иванов');
      expect(JSON.stringify(row)).not.toContain('345-67');
    }
  });

  it('writes personal data in clear only when asked', async () => {
    const columns = appealExportColumns({ pack: KIROV_PACK, showPersonal: true });
    const { blob } = await exportXlsx(columns, pagesOf(sample()), { timeZone: TZ });
    const out = await readXlsx(blob);
    expect(out[0]!['ФИО заявителя']).toBe('Иванов Иван Иванович');
  });

  it('writes ratings as numbers and hostile texts as inert literal text', async () => {
    const rows = sample();
    rows[0]!.rating = 5;
    rows[1]!.rating = null;
    rows[1]!.text = "=cmd|' /C calc'!A0";
    rows[2]!.text = '<img src=x onerror=alert(1)>\u202eexe.txt\u200b';
    rows[3]!.text = 'ok\u0000\u0008 ' + 'ы'.repeat(100_000);
    const columns = appealExportColumns({ pack: KIROV_PACK, showPersonal: false });
    const out = await readXlsx((await exportXlsx(columns, pagesOf(rows), { timeZone: TZ })).blob);
    expect(out[0]!['Оценка заявителя']).toBe(5);
    expect(out[1]!['Оценка заявителя']).toBeNull();
    expect(out[1]!['Текст обращения']).toBe(`'=cmd|' /C calc'!A0`);
    expect(out[2]!['Текст обращения']).toBe('<img src=x onerror=alert(1)>\u202eexe.txt\u200b');
    const long = out[3]!['Текст обращения'] as string;
    expect(long.startsWith('ok ыыы')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(32_767);
    expect(long).toContain('[обрезано, всего символов: 100005]');
  });

  it('stops reading and writing when cancelled midway, after reporting the pages done', async () => {
    const controller = new AbortController();
    const rows = makeTestAppeals({ count: 50, seed: 4, now: NOW });
    let pagesRead = 0;
    async function* counted() {
      for await (const page of pagesOf(rows, 5)) {
        pagesRead++;
        yield page;
      }
    }
    const progress: number[] = [];
    const columns = appealExportColumns({ pack: KIROV_PACK, showPersonal: false });
    const run = exportXlsx(columns, counted(), {
      timeZone: TZ,
      signal: controller.signal,
      onProgress: (n) => {
        progress.push(n);
        if (n === 15) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ExportCancelled);
    expect(progress).toEqual([5, 10, 15]);
    expect(pagesRead).toBeLessThan(10);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const columns = appealExportColumns({ pack: KIROV_PACK, showPersonal: false });
    await expect(exportXlsx(columns, pagesOf(sample()), { timeZone: TZ, signal: controller.signal })).rejects.toBeInstanceOf(ExportCancelled);
  });
});

describe('CSV export of appeals', () => {
  it('is semicolon-separated UTF-8 with BOM, masked and formula-safe', async () => {
    const columns = appealExportColumns({ pack: KIROV_PACK, showPersonal: false });
    const { blob } = await exportCsv(columns, pagesOf(sample()), { timeZone: TZ });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes).replace(/^\ufeff/, '');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, delimiter: ';', skipEmptyLines: true });
    expect(parsed.data).toHaveLength(5);
    expect(parsed.data[0]!['Дата поступления']).toBe('03.11.2025 10:15');
    expect(parsed.data[0]!['Текст обращения']).toBe(`'=HYPERLINK("http://evil.example","нажми")`);
    expect(parsed.data[0]!['ФИО заявителя']).toBe('И***** И. И.');
    expect(text).not.toContain('Иванов');
  });

  it('writes no blank lines for empty pages and stops when cancelled', async () => {
    const columns = appealExportColumns({ pack: KIROV_PACK, showPersonal: false });
    async function* withEmpty() {
      yield [];
      yield* pagesOf(sample());
      yield [];
    }
    const { blob, rows } = await exportCsv(columns, withEmpty(), { timeZone: TZ });
    expect(rows).toBe(5);
    const text = (await blob.text()).replace(/^\ufeff/, '');
    expect(text.endsWith('\r\n')).toBe(true);
    // Header + 5 records, nothing blank in between.
    const records = Papa.parse<string[]>(text.slice(0, -2), { delimiter: ';' }).data;
    expect(records).toHaveLength(6);
    expect(records.every((r) => r.length === columns.length)).toBe(true);
    const controller = new AbortController();
    controller.abort();
    await expect(exportCsv(columns, pagesOf(sample()), { timeZone: TZ, signal: controller.signal })).rejects.toBeInstanceOf(ExportCancelled);
  });
});
