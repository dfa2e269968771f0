/**
 * The report writers end to end: the PDF's text (pdftotext from poppler-utils) holds the title,
 * period and key figures; the DOCX's word/document.xml holds the same figures; the XLSX re-read
 * with exceljs holds them as numbers. Also the command line's help and its errors.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextWriter, Uint8ArrayReader, ZipReader } from '@zip.js/zip.js';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { workCalendar } from '../shared/domain/calendar';
import { KIROV_PACK } from '../shared/domain/packs';
import { DEFAULT_RATING_WEIGHTS } from '../shared/domain/rating';
import { sectorsOf } from '../shared/domain/sectors';
import { demoYear } from '../shared/demo';
import { formatNumber, formatPercent } from '../shared/format/ru';
import { buildReport, MemoryMeasures, parsePeriod, tablesOf, type ReportDocument } from '../shared/report';
import { writeReportDocx } from '../shared/report/writers/docx';
import { writeReportPdf } from '../shared/report/writers/pdf';
import { writeReportXlsx } from '../shared/report/writers/xlsx';
import { nodePdfMake } from './report-pdfmake';
import { plantedIncidentWeek, type PlantedWeek } from '../tests/support/planted-spike';

const NOW = Date.parse('2026-12-03T09:00:00Z');
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'report-test-'));
let doc: ReportDocument;
/** A weekly summary over a week with a planted incident, and the incident. */
let weekly: ReportDocument;
let planted: PlantedWeek;

function keyRow(label: string): (string | number | null)[] {
  return tablesOf(doc).find((t) => t.title === 'Основные показатели')!.rows.find((r) => r[0] === label)!;
}

/** PDF text as one line: layout breaks and the no-break spaces of ru-RU numbers become plain spaces. */
function flat(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ');
}

async function zipEntry(bytes: Uint8Array, path: string): Promise<string> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes));
  const entry = (await reader.getEntries()).find((e) => e.filename === path);
  const text = entry && !entry.directory ? await entry.getData!(new TextWriter()) : '';
  await reader.close();
  return text;
}

beforeAll(async () => {
  const appeals = demoYear({ seed: 3, scale: 3000, pack: KIROV_PACK }, NOW);
  doc = await buildReport(
    {
      measures: new MemoryMeasures(appeals, NOW, KIROV_PACK.timeZone, workCalendar),
      pack: KIROV_PACK,
      sectors: sectorsOf(KIROV_PACK),
      ratingWeights: DEFAULT_RATING_WEIGHTS,
      dataAsOf: NOW,
      sources: ['ПОС'],
      demo: true,
      generatedAt: NOW,
      author: 'тест',
    },
    { kind: 'monthly', period: parsePeriod('2026-11'), scope: { sector: 'housing' } },
  );
  planted = plantedIncidentWeek({ seed: 3, scale: 3000, pack: KIROV_PACK }, NOW);
  weekly = await buildReport(
    {
      measures: new MemoryMeasures(appeals, NOW, KIROV_PACK.timeZone, workCalendar),
      pack: KIROV_PACK,
      sectors: sectorsOf(KIROV_PACK),
      ratingWeights: DEFAULT_RATING_WEIGHTS,
      dataAsOf: NOW,
      sources: ['ПОС'],
      demo: true,
      generatedAt: NOW,
      author: 'тест',
    },
    { kind: 'weekly', period: planted.period, scope: {} },
  );
});

/** The planted incident's row of the weekly summary's spike table. */
function spikeRow(): (string | number | null)[] {
  const table = tablesOf(weekly).find((t) => t.name === 'Всплески')!;
  return table.rows.find((r) => String(r[0]).startsWith(`${planted.category}, ${planted.place}: `))!;
}

describe('report writers', () => {
  it.skipIf(!hasPoppler)('PDF: A4 pages with title, period, block, demo mark, page numbers and the key figures', async () => {
    const file = join(dir, 'monthly.pdf');
    writeFileSync(file, await writeReportPdf(doc, await nodePdfMake()));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toContain('PTSans-Regular');
    expect(fonts).not.toMatch(/ no {2,}no /);
    const text = flat(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    expect(text).toContain('Ежемесячный доклад Губернатору');
    expect(text).toContain('ноябрь 2026 года (01.11–30.11.2026)');
    expect(text).toContain('Блок: Жилищно-коммунальное хозяйство');
    expect(text).toContain('Демо-данные');
    expect(text).toMatch(/Страница 1 из \d+/);
    const received = keyRow('Поступило')[1] as number;
    expect(received).toBeGreaterThan(0);
    expect(text).toContain(`Поступило ${flat(formatNumber(received))}`);
    expect(text).toContain(flat(formatPercent(keyRow('Доля ответов в срок')[1] as number)));
  });

  it('DOCX: word/document.xml holds headings, the same figures and a repeated table header', async () => {
    const bytes = await writeReportDocx(doc);
    const xml = await zipEntry(bytes, 'word/document.xml');
    expect(xml).toContain('Ежемесячный доклад Губернатору');
    expect(xml).toContain('w:val="Heading1"');
    expect(xml).toContain('<w:tblHeader');
    expect(xml).toContain(`Поступило ${formatNumber(keyRow('Поступило')[1] as number)}`);
    expect(xml).toContain(formatPercent(keyRow('Доля ответов в срок')[1] as number));
    expect(await zipEntry(bytes, 'word/header1.xml')).toContain('Демо-данные');
  });

  it('XLSX: one sheet per table, figures as numbers', async () => {
    const bytes = await writeReportXlsx(doc);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(book.worksheets.length).toBe(tablesOf(doc).length + 1);
    const sheet = book.getWorksheet('Показатели')!;
    const row = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === 'Поступило')!;
    expect(row.getCell(2).value).toBe(keyRow('Поступило')[1]);
    expect(typeof row.getCell(2).value).toBe('number');
    const share = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === 'Доля ответов в срок')!;
    expect(share.getCell(2).value).toBeCloseTo(keyRow('Доля ответов в срок')[1] as number, 12);
    expect(share.getCell(2).numFmt).toBe('0.0%');
  });

  it('carry the weekly summary’s spikes: the analytics line in PDF and DOCX, counts as numbers in XLSX', async () => {
    const [line, , observed] = spikeRow() as [string, string, number];
    expect(observed).toBeGreaterThanOrEqual(6);
    if (hasPoppler) {
      const file = join(dir, 'weekly.pdf');
      writeFileSync(file, await writeReportPdf(weekly, await nodePdfMake()));
      // -raw keeps a table cell's wrapped lines together (the layout mode interleaves columns).
      expect(flat(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }))).toContain(line);
    }
    const xml = await zipEntry(await writeReportDocx(weekly), 'word/document.xml');
    expect(xml).toContain('Всплески');
    expect(xml).toContain(line);
    const bytes = await writeReportXlsx(weekly);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = book.getWorksheet('Всплески')!;
    const row = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === line)!;
    expect(row.getCell(3).value).toBe(observed);
    expect(typeof row.getCell(4).value).toBe('number');
  });

  it('writes text from data as text, never as markup', async () => {
    const hostile = 'Тема <w:p/></w:t> & <script>alert(1)</script> {"text":"x"}';
    const evil: ReportDocument = {
      ...doc,
      sections: [{ title: hostile, blocks: [{ type: 'paragraph', text: hostile }, { type: 'table', name: 'T', title: hostile, columns: [{ label: hostile, kind: 'text' }], rows: [[hostile]] }] }],
    };
    const xml = await zipEntry(await writeReportDocx(evil), 'word/document.xml');
    expect(xml).toContain('Тема &lt;w:p/&gt;&lt;/w:t&gt; &amp; &lt;script&gt;');
    const sheet = await zipEntry(await writeReportXlsx(evil), 'xl/worksheets/sheet2.xml');
    expect(sheet).toContain('&lt;script&gt;');
    if (hasPoppler) {
      const file = join(dir, 'evil.pdf');
      writeFileSync(file, await writeReportPdf(evil, await nodePdfMake()));
      expect(flat(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }))).toContain(hostile);
    }
  });
});

describe('npm run report', () => {
  const run = (args: string[]) => spawnSync('npx', ['tsx', 'scripts/report.ts', ...args], { encoding: 'utf8' });

  it('documents itself and refuses bad input with a reason', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--kind');
    expect(help.stdout).toContain('2026-W48');
    const bad = run(['--kind', 'weekly', '--period', '2026-W60', '--format', 'pdf', '--out', join(dir, 'x.pdf'), '--demo-scale', '100']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('нет недели 60');
  });

  it('writes the requested file for a municipality group given repeated and comma-separated', async () => {
    const out = join(dir, 'cli.xlsx');
    const group = ['--municipality', 'arbazhskiy', '--municipality', 'bogorodskiy,afanasevskiy', '--group-name', 'Северный куст'];
    const result = run(['--kind', 'meeting', '--period', '2026-W48', '--format', 'xlsx', '--out', out, '--demo-scale', '500', '--demo-now', '2026-12-03T09:00:00Z', ...group]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const cover = await zipEntry(new Uint8Array(readFileSync(out)), 'xl/worksheets/sheet1.xml');
    expect(cover).toContain('Муниципалитеты: Северный куст (Арбажский округ, Афанасьевский округ, Богородский округ)');
    const unknown = run(['--kind', 'meeting', '--period', '2026-W48', '--format', 'xlsx', '--out', out, '--demo-scale', '100', '--municipality', 'arbazhskiy,atlantida']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('нет муниципалитета «atlantida»');
  });

  it('reports from a snapshot bundle, and refuses one it cannot open', () => {
    const bundle = join(dir, 'snap.curbundle');
    const phrase = join(dir, 'phrase.txt');
    const wrong = join(dir, 'wrong.txt');
    writeFileSync(phrase, 'рассвет камень облако пароль\n');
    writeFileSync(wrong, 'совсем другая фраза для теста\n');
    const created = spawnSync('npx', ['tsx', 'scripts/snapshot.ts', 'create', '--demo-scale', '400', '--demo-now', '2026-12-03T09:00:00Z', '--out', bundle, '--passphrase-file', phrase], { encoding: 'utf8' });
    expect(created.status, created.stderr).toBe(0);

    const out = join(dir, 'from-bundle.xlsx');
    const result = run(['--kind', 'weekly', '--period', '2026-W48', '--format', 'xlsx', '--out', out, '--bundle', bundle, '--passphrase-file', phrase]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('снимок центра');
    // No trusted key given: the signer's fingerprint is printed for comparison, never silently accepted.
    expect(result.stderr).toContain('не сверен');
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');

    const refused = run(['--kind', 'weekly', '--period', '2026-W48', '--format', 'xlsx', '--out', join(dir, 'no.xlsx'), '--bundle', bundle, '--passphrase-file', wrong]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('парольн');
    const both = run(['--kind', 'weekly', '--period', '2026-W48', '--format', 'xlsx', '--out', join(dir, 'no.xlsx'), '--bundle', bundle, '--demo-scale', '100']);
    expect(both.status).toBe(2);
  });
});
