import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { BlobReader, ZipReader } from '@zip.js/zip.js';
import { writeXlsx } from './xlsx-writer';
import { EXCEL_CELL_LIMIT, excelSerial, STYLE, type XlsxCell } from './xlsx-xml';

const HOSTILE = [
  '<script>alert(1)</script><img src=x onerror=alert(2)>',
  '=cmd|\' /C calc\'!A0',
  '\u202eтxt.exe\u202c и \u2067обратно\u2069',
  'ноль\u200bширины\u200c\u200d\ufeff',
  'строка 1\nстрока 2\tтаб',
  '  пробелы по краям  ',
  '_x0041_ не буква A',
  ']]></t></is></c><c><v>1</v></c>',
  '😀 эмодзи и ё',
];

async function* pagesOf<T>(rows: T[], size: number) {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

async function load(blob: Blob) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await blob.arrayBuffer());
  return workbook;
}

const text = (v: string): XlsxCell => ({ t: 'text', v });

/** How Excel reads a string (ECMA-376 ST_Xstring): `_xHHHH_` is a character; exceljs skips this for inline strings. */
const asExcelReads = (v: unknown) => (typeof v === 'string' ? v.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : v);

describe('streaming XLSX writer', () => {
  it('writes a package exceljs opens, with header style, frozen pane, widths, numbers and dates', async () => {
    const wall = new Date(Date.UTC(2025, 10, 3, 10, 15));
    const blob = await writeXlsx({
      name: 'Реестр',
      header: ['Текст', 'Число', 'Дата', 'Дата и время'],
      widths: [40, 10, 12, 18],
      pages: pagesOf(
        [
          [text('первая'), { t: 'number', v: 4.25 }, { t: 'number', v: excelSerial(wall), style: STYLE.date }, { t: 'number', v: excelSerial(wall), style: STYLE.datetime }],
          [null, { t: 'number', v: -3 }, null, null],
        ],
        1,
      ),
    });
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = (await load(blob)).getWorksheet('Реестр')!;
    expect(sheet.rowCount).toBe(3);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Текст', 'Число', 'Дата', 'Дата и время']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.columns.map((c) => c.width)).toEqual([40, 10, 12, 18]);
    expect(sheet.getCell('A2').value).toBe('первая');
    expect(sheet.getCell('B2').value).toBe(4.25);
    expect(sheet.getCell('B3').value).toBe(-3);
    expect(sheet.getCell('C2').value).toEqual(wall);
    expect(sheet.getCell('C2').numFmt).toBe('dd.mm.yyyy');
    expect(sheet.getCell('D2').value).toEqual(wall);
    expect(sheet.getCell('D2').numFmt).toBe('dd.mm.yyyy hh:mm');
    expect(sheet.getCell('A3').value).toBeNull();
  });

  it('keeps hostile texts as literal text and cuts 100 KB texts at Excel’s limit with a marker', async () => {
    const huge = 'Ж'.repeat(100_000);
    const blob = await writeXlsx({ name: 'x', header: ['t'], widths: [20], pages: pagesOf([...HOSTILE, 'до\u0000после\u0007', huge].map((v) => [text(v)]), 3) });
    const sheet = (await load(blob)).worksheets[0]!;
    const values = Array.from({ length: HOSTILE.length + 2 }, (_, i) => asExcelReads(sheet.getCell(`A${i + 2}`).value));
    expect(values.slice(0, HOSTILE.length)).toEqual(HOSTILE);
    for (let r = 2; r <= HOSTILE.length + 3; r++) expect(sheet.getCell(`A${r}`).type).toBe(ExcelJS.ValueType.String);
    expect(values[HOSTILE.length]).toBe('допосле');
    const cut = values[HOSTILE.length + 1] as string;
    expect(cut.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
    expect(cut.startsWith('Ж'.repeat(30_000))).toBe(true);
    expect(cut).toContain('[обрезано, всего символов: 100000]');
  });

  it('writes every row of many pages, skips empty pages, and stays out of Zip64', async () => {
    const pages = async function* () {
      yield [];
      for (let p = 0; p < 12; p++) {
        yield Array.from({ length: 250 }, (_, i) => [{ t: 'number', v: p * 250 + i } as XlsxCell, text(`строка ${p * 250 + i}`)]);
        yield [];
      }
    };
    const blob = await writeXlsx({ name: 'x', header: ['n', 's'], widths: [8, 20], pages: pages() });
    const sheet = (await load(blob)).worksheets[0]!;
    expect(sheet.rowCount).toBe(3001);
    expect(sheet.getCell('A3001').value).toBe(2999);
    expect(sheet.getCell('B2').value).toBe('строка 0');
    const reader = new ZipReader(new BlobReader(blob), { useWebWorkers: false });
    const entries = await reader.getEntries();
    await reader.close();
    expect(entries.map((e) => e.filename).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].sort(),
    );
    for (const entry of entries) expect(entry.zip64).toBe(false);
    // Local headers too: version needed 2.0 and no Zip64 extra field (0x0001).
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const view = new DataView(bytes.buffer);
    let headers = 0;
    for (let i = 0; i + 30 < bytes.length; i++) {
      if (view.getUint32(i, true) !== 0x04034b50) continue;
      headers++;
      expect(view.getUint16(i + 4, true)).toBeLessThanOrEqual(20);
      const extraStart = i + 30 + view.getUint16(i + 26, true);
      for (let o = extraStart; o < extraStart + view.getUint16(i + 28, true); o += 4 + view.getUint16(o + 2, true)) expect(view.getUint16(o, true)).not.toBe(1);
    }
    expect(headers).toBeGreaterThanOrEqual(6);
    // Deflated: thousands of similar rows compress well.
    const sheetEntry = entries.find((e) => e.filename === 'xl/worksheets/sheet1.xml')!;
    expect(sheetEntry.compressedSize).toBeLessThan(sheetEntry.uncompressedSize / 3);
  });

  it('fails with the row source’s own error and stops reading it', async () => {
    let read = 0;
    const failing = async function* () {
      read++;
      yield [[text('a')]];
      read++;
      throw new RangeError('источник упал');
    };
    await expect(writeXlsx({ name: 'x', header: ['t'], widths: [8], pages: failing() })).rejects.toThrow(RangeError);
    expect(read).toBe(2);
  });
});
