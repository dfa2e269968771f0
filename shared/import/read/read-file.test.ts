import { describe, expect, it } from 'vitest';
import { openAsBlob } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  corruptXlsxBytes,
  csvBytes,
  encryptedXlsxBytes,
  formulaXlsxBytes,
  hostileRows,
  HOSTILE_TEXTS,
  IM_HEADERS,
  imRows,
  notSpreadsheetBytes,
  POS_HEADERS,
  posRows,
  writeHugeCsv,
  wrongDateRows,
  xlsxBytes,
  zipBombBytes,
} from '../../../tests/fixtures/generate';
import { ImportError } from '../errors';
import { testContext } from '../../../tests/support/convert-context';
import { readSpreadsheet } from './read-file';

const options = { forcedType: null, savedMappings: {}, ctx: testContext() };

function read(bytes: Uint8Array | Blob) {
  const blob = bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>]);
  return readSpreadsheet(blob, options, new AbortController().signal);
}

async function failure(bytes: Uint8Array | Blob | Promise<Uint8Array>): Promise<ImportError> {
  try {
    await read(await bytes);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected the file to be refused');
}

const ROWS = posRows(40, { multilineEvery: 7 });
const first = ROWS[0]!;

describe('reading real files', () => {
  it('reads a ПОС XLSX with title rows above the header', async () => {
    const { processed, format } = await read(await xlsxBytes(POS_HEADERS, ROWS, { titleRows: ['Выгрузка', 'Период'] }));
    expect(format).toBe('xlsx');
    expect(processed.type).toBe('pos');
    expect(processed.headerRow).toBe(3);
    expect(processed.rowsRead).toBe(40);
    expect(processed.rejectedCount).toBe(0);
    expect(processed.appeals.get(`pos:${first.Номер}`)?.category).toBe(first.Категория);
  });

  it('gives the same records whatever the column order and with real Excel dates', async () => {
    const a = await read(await xlsxBytes(POS_HEADERS, ROWS));
    const b = await read(await xlsxBytes([...POS_HEADERS].reverse(), ROWS, { realDates: true }));
    const strip = (x: typeof a) => [...x.processed.appeals.values()].map((ap) => ({ ...ap, import: null }));
    expect(strip(b)).toEqual(strip(a));
  });

  it.each([
    ['UTF-8 with BOM, ;', { encoding: 'utf-8-bom' as const }],
    ['UTF-8, comma', { encoding: 'utf-8' as const, delimiter: ',' as const }],
    ['Windows-1251, ; with title rows', { encoding: 'windows-1251' as const, titleRows: ['Выгрузка ПОС;;', ''] }],
  ])('reads CSV %s with quoted multi-line cells', async (_name, csv) => {
    const { processed, format } = await read(csvBytes(POS_HEADERS, ROWS, csv));
    expect(format).toBe('csv');
    expect(processed.rowsRead).toBe(40);
    expect(processed.rejectedCount).toBe(0);
    const multi = processed.appeals.get(`pos:${first.Номер}`);
    expect(multi?.fact).toBe(first.Факт);
    expect(multi?.fact).toContain('\n');
    expect(multi?.orgCurrent).toBe(first['Организация, в которой находится сообщение']);
  });

  it('reads CSV split across many slices', async () => {
    const rows = posRows(6000, { multilineEvery: 3 });
    const { processed } = await read(csvBytes(POS_HEADERS, rows, { encoding: 'windows-1251' }));
    expect(processed.rowsRead).toBe(6000);
    expect(processed.appeals.size).toBe(6000);
    expect(processed.appeals.get(`pos:${rows[5999]!.Номер}`)?.fact).toBe(rows[5999]!.Факт);
  });

  it('finds the «Детализация» sheet of an ИМ export behind a summary sheet', async () => {
    const { processed, detail } = await read(await xlsxBytes(IM_HEADERS, imRows(20), { sheetName: 'Детализация', sheetsBefore: ['Сводка'] }));
    expect(processed.type).toBe('im');
    expect(detail).toContain('Детализация');
    expect(processed.appeals.size).toBe(20);
  });

  it('uses cached formula results and reports error cells', async () => {
    const { processed } = await read(await formulaXlsxBytes());
    expect(processed.formulaCells).toBe(2);
    expect(processed.appeals.get('pos:700000')?.rating).toBe(4);
    expect(processed.appeals.get('pos:700001')?.rating).toBeNull();
    expect(processed.warnings.some((w) => w.message.kind === 'value-dropped' && w.message.params.problem.kind === 'cell-error' && w.message.params.problem.params.code === '#DIV/0!')).toBe(true);
    expect(processed.rejected).toEqual([{ row: 4, message: { kind: 'row-rejected', params: { errors: [expect.objectContaining({ problem: { kind: 'cell-error', params: { code: '#N/A' } } })] } } }]);
    expect(processed.appeals.get('pos:700003')?.category).toBe('Медицина');
  });

  it('keeps hostile text as text', async () => {
    const { processed } = await read(csvBytes(POS_HEADERS, hostileRows(), { encoding: 'utf-8-bom' }));
    const texts = [...processed.appeals.values()].map((a) => a.text);
    expect(texts).toEqual(HOSTILE_TEXTS);
  });

  it('rejects wrong dates row by row with the row number', async () => {
    const { processed } = await read(csvBytes(POS_HEADERS, wrongDateRows()));
    expect(processed.rejected.map((r) => r.row)).toEqual([3, 4, 6]);
    expect(processed.rejected[0]?.message).toMatchObject({ kind: 'row-rejected', params: { errors: [{ problem: { kind: 'no-such-date', params: { raw: '31.02.2025' } } }] } });
    expect(processed.warnings.some((w) => w.row === 5 && w.message.kind === 'value-dropped' && w.message.params.problem.kind === 'no-such-month')).toBe(true);
    expect(processed.appeals.size).toBe(3);
  });
});

describe('refusing broken files with a message kind', () => {
  it('not a spreadsheet', async () => {
    expect((await failure(notSpreadsheetBytes())).reason.kind).toBe('not-spreadsheet');
  });
  it('password-protected XLSX', async () => {
    expect((await failure(encryptedXlsxBytes())).code).toBe('encrypted');
  });
  it('corrupt XLSX', async () => {
    const e = await failure(corruptXlsxBytes());
    expect(e.code).toBe('corrupt');
    expect(e.reason).toMatchObject({ kind: 'corrupt', params: { detail: expect.any(String) } });
  });
  it('zip bomb', async () => {
    expect((await failure(zipBombBytes(40))).code).toBe('zip-bomb');
  });
  it('empty file and headers only', async () => {
    expect((await failure(new Uint8Array(0))).reason).toEqual({ kind: 'empty', params: {} });
    expect((await failure(xlsxBytes(POS_HEADERS, []))).code).toBe('no-rows');
    expect((await failure(csvBytes(POS_HEADERS, []))).code).toBe('no-rows');
  });
  it('missing and duplicate columns', async () => {
    const missing = await failure(csvBytes(POS_HEADERS.filter((h) => h !== 'Дата поступления'), ROWS));
    expect(missing.reason).toEqual({ kind: 'missing-columns', params: { columns: ['Дата поступления'] } });
    expect((await failure(csvBytes([...POS_HEADERS, 'Номер'], ROWS))).code).toBe('duplicate-columns');
  });
  it('an unclosed quote', async () => {
    const text = `${POS_HEADERS.join(';')}\r\n1;"не закрыто;01.11.2025\r\n`;
    expect((await failure(new TextEncoder().encode(text))).code).toBe('csv-quotes');
  });
  it('a file over 100 MB, without reading it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cur-import-')), 'huge.csv');
    await writeHugeCsv(path, 101);
    const e = await failure(await openAsBlob(path));
    expect(e.code).toBe('too-large');
    expect(e.reason).toEqual({ kind: 'too-large', params: { megabytes: expect.any(Number), limitMegabytes: 100 } });
  });
});
