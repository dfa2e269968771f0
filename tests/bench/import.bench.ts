/**
 * Import benchmarks (issue 5), in the page with real IndexedDB:
 * - a 200k-row ПОС XLSX and the same rows as a Windows-1251 CSV: our import (read + convert +
 *   compare with the store = the preview, then the write) in rows/s, with peak JS heap;
 * - beside it, the raw parse of the same XLSX by the libraries alone (zip.js inflate + saxes rows,
 *   no mapping) and exceljs's whole-workbook `load` (its browser build has no streaming reader) on
 *   a slice, so the ratios show our own overhead.
 * The XLSX is assembled in the page (zip.js, shared strings, the layout exceljs writes), because
 * exceljs cannot write 200k rows in a browser tab without running out of memory.
 */
import ExcelJS from 'exceljs';
import { BlobReader, BlobWriter, TextReader, ZipWriter } from '@zip.js/zip.js';
import { openDb } from '../../renderer/db/db';
import { ImportEngine } from '../../renderer/import-pipeline/engine';
import { SheetReader } from '../../shared/import/xlsx-xml';
import { csvText, POS_HEADERS, posRows } from '../fixtures/pos-rows';
import type { BenchContext, BenchModule, BenchResult } from './harness-types';

const NOW = Date.UTC(2025, 10, 21, 9);
const CHUNK = 10_000;
const EXCELJS_ROWS = 20_000;

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function colName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

async function buildXlsx(rows: number): Promise<Blob> {
  const strings = new Map<string, number>();
  const idx = (s: string) => {
    let i = strings.get(s);
    if (i === undefined) {
      i = strings.size;
      strings.set(s, i);
    }
    return i;
  };
  const rowXml = (r: number, values: string[]) =>
    `<row r="${r}">${values.map((v, c) => (v === '' ? '' : `<c r="${colName(c)}${r}" t="s"><v>${idx(v)}</v></c>`)).join('')}</row>`;
  const sheetParts: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>', rowXml(1, POS_HEADERS)];
  for (let start = 0; start < rows; start += CHUNK) {
    const batch = posRows(Math.min(CHUNK, rows - start), { seed: start + 1, firstNumber: 1_000_000 + start });
    sheetParts.push(batch.map((row, i) => rowXml(start + i + 2, POS_HEADERS.map((h) => row[h] ?? ''))).join(''));
  }
  sheetParts.push('</sheetData></worksheet>');
  const sst = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">`];
  for (const s of strings.keys()) sst.push(`<si><t xml:space="preserve">${escapeXml(s)}</t></si>`);
  sst.push('</sst>');
  const zip = new ZipWriter(new BlobWriter('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), { useWebWorkers: false });
  const ns = 'http://schemas.openxmlformats.org';
  await zip.add('[Content_Types].xml', new TextReader(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`));
  await zip.add('_rels/.rels', new TextReader(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`));
  await zip.add('xl/workbook.xml', new TextReader(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Сообщения" sheetId="1" r:id="rId1"/></sheets></workbook>`));
  await zip.add('xl/_rels/workbook.xml.rels', new TextReader(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`));
  await zip.add('xl/sharedStrings.xml', new BlobReader(new Blob(sst)));
  await zip.add('xl/worksheets/sheet1.xml', new BlobReader(new Blob(sheetParts)));
  return zip.close();
}

function buildCsv(rows: number): Blob {
  // Windows-1251 like Russian Excel's «CSV (разделители — точка с запятой)».
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  const encode = (text: string) => Uint8Array.from(text, (ch) => table.get(ch) ?? 0x3f);
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let start = 0; start < rows; start += CHUNK) {
    const text = csvText(POS_HEADERS, posRows(Math.min(CHUNK, rows - start), { seed: start + 1, firstNumber: 1_000_000 + start, multilineEvery: 50 }));
    parts.push(encode(start === 0 ? text : text.slice(text.indexOf('\r\n') + 2)));
  }
  return new Blob(parts);
}

/** Peak JS heap (Chromium's performance.memory) while `work` runs, sampled between tasks. */
async function withPeakHeap<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number | null }> {
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  if (!memory) return { result: await work(), peakMb: null };
  let peak = memory.usedJSHeapSize;
  const timer = setInterval(() => (peak = Math.max(peak, memory.usedJSHeapSize)), 100);
  try {
    const result = await work();
    peak = Math.max(peak, memory.usedJSHeapSize);
    return { result, peakMb: Math.round(peak / 1048576) };
  } finally {
    clearInterval(timer);
  }
}

async function rawXlsxParse(blob: Blob): Promise<number> {
  const { ZipReader } = await import('@zip.js/zip.js');
  const { SharedStringsReader } = await import('../../shared/import/xlsx-xml');
  const reader = new ZipReader(new BlobReader(blob), { useWebWorkers: false });
  const entries = await reader.getEntries();
  const get = (name: string) => entries.find((e) => e.filename === name) as { getData(w: WritableStream<Uint8Array>): Promise<unknown> };
  const pump = async (name: string, write: (t: string) => void) => {
    const decoder = new TextDecoder();
    await get(name).getData(new WritableStream({ write: (chunk) => write(decoder.decode(chunk, { stream: true })) }));
  };
  const sst = new SharedStringsReader(Number.MAX_SAFE_INTEGER);
  await pump('xl/sharedStrings.xml', (t) => sst.write(t));
  let rows = 0;
  const sheet = new SheetReader(sst.strings, () => rows++);
  await pump('xl/worksheets/sheet1.xml', (t) => sheet.write(t));
  await reader.close();
  return rows;
}

async function ourImport(name: string, blob: Blob, rows: number, ctx: BenchContext): Promise<BenchResult[]> {
  const db = openDb(`bench-import-${name}-${Date.now()}`);
  try {
    const engine = new ImportEngine(db);
    const t0 = performance.now();
    const { result: preview, peakMb } = await withPeakHeap(() =>
      engine.prepare(blob, { fileName: `${name}`, forcedType: null, regionId: 'kirov', now: NOW }, (p) => {
        if (p.phase === 'read' && p.rows % 50_000 === 0 && p.rows > 0) ctx.log(`${name}: read ${p.rows}`);
      }),
    );
    const prepareMs = performance.now() - t0;
    if (preview.valid !== rows) throw new Error(`${name}: expected ${rows} valid rows, got ${preview.valid} (rejected ${preview.rejectedCount})`);
    ctx.log(`${name}: preview in ${Math.round(prepareMs)} ms; writing`);
    const t1 = performance.now();
    const { peakMb: writePeak } = await withPeakHeap(() => engine.commit(() => undefined));
    const writeMs = performance.now() - t1;
    return [
      { name: `import ${name}: read+convert+compare (preview)`, value: Math.round(rows / (prepareMs / 1000)), unit: 'rows/s', target: null },
      { name: `import ${name}: full import incl. IndexedDB write`, value: Math.round(rows / ((prepareMs + writeMs) / 1000)), unit: 'rows/s', target: '>= 2000' },
      { name: `import ${name}: preview time`, value: Math.round(prepareMs), unit: 'ms', target: null },
      { name: `import ${name}: peak JS heap during preview`, value: peakMb ?? -1, unit: 'MB', target: 1024 },
      { name: `import ${name}: peak JS heap during write`, value: writePeak ?? -1, unit: 'MB', target: 1024 },
    ];
  } finally {
    db.close();
    await db.delete();
  }
}

const bench: BenchModule = {
  title: 'import',
  async run(ctx) {
    const rows = Math.min(200_000, ctx.scale);
    const results: BenchResult[] = [];
    ctx.log(`building a ${rows}-row ПОС XLSX`);
    const xlsx = await buildXlsx(rows);
    results.push({ name: 'import: XLSX file size', value: Math.round(xlsx.size / 1048576), unit: 'MB', target: null });

    const tRaw = performance.now();
    const rawRows = await rawXlsxParse(xlsx);
    const rawMs = performance.now() - tRaw;
    results.push({ name: 'import XLSX: raw parse by zip.js + saxes alone (rows only)', value: Math.round(rawMs), unit: 'ms', target: null });

    const sliceRows = Math.min(EXCELJS_ROWS, rows);
    const slice = await buildXlsx(sliceRows);
    const tEx = performance.now();
    await new ExcelJS.Workbook().xlsx.load(await slice.arrayBuffer());
    const exRate = sliceRows / ((performance.now() - tEx) / 1000);
    results.push({ name: `import XLSX: exceljs whole-workbook load (${sliceRows} rows)`, value: Math.round(exRate), unit: 'rows/s', target: null });

    const xlsxResults = await ourImport('XLSX', xlsx, rows, ctx);
    results.push(...xlsxResults);
    const previewMs = xlsxResults.find((r) => r.name.endsWith('preview time'))?.value ?? NaN;
    results.push({ name: 'import XLSX: our preview time / raw parse time (overhead ratio)', value: Math.round((previewMs / rawMs) * 100) / 100, unit: 'ratio', target: '<= 3' });
    results.push({ name: 'import XLSX: our preview rate / exceljs load rate', value: Math.round((rows / (previewMs / 1000) / exRate) * 100) / 100, unit: 'ratio', target: '>= 1' });
    if (rawRows !== rows + 1) throw new Error(`raw parse saw ${rawRows} rows, expected ${rows + 1}`);

    ctx.log(`building a ${rows}-row ПОС CSV (Windows-1251)`);
    const csv = buildCsv(rows);
    results.push({ name: 'import: CSV file size', value: Math.round(csv.size / 1048576), unit: 'MB', target: null });
    results.push(...(await ourImport('CSV', csv, rows, ctx)));
    return results;
  },
};

export default bench;
