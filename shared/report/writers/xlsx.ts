/**
 * XLSX of a report: every table on its own sheet, numbers as numbers (shares as fractions with a
 * percent format), text as inline strings, and a first sheet with the report's header. Written
 * with @zip.js/zip.js, which runs in Node and in a browser worker alike.
 */
import { TextReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import { cellKind, tablesOf, type CellValue, type ColumnKind, type ReportDocument, type ReportTable } from '../model';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel's limits: 31 characters, none of []:*?/\ and unique. */
export function sheetNames(tables: readonly { name: string }[]): string[] {
  const used = new Set<string>(['Отчёт']);
  return tables.map((t) => {
    const base = t.name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 28) || 'Таблица';
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()) || used.has(name); i++) name = `${base.slice(0, 27)} ${i}`;
    used.add(name);
    used.add(name.toLowerCase());
    return name;
  });
}

export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids are dropped; markup characters are escaped, never interpreted.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function column(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Style ids in styles.xml: 0 plain, 1 header, 2 integer, 3 percent, 4 one decimal. */
function styleOf(kind: ColumnKind): number {
  if (kind === 'share') return 3;
  if (kind === 'decimal' || kind === 'points') return 4;
  return 2;
}

function cellXml(ref: string, value: CellValue, kind: ColumnKind, header = false): string {
  if (value === null) return '';
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}" s="${styleOf(kind)}"><v>${value}</v></c>`;
  return `<c r="${ref}" t="inlineStr"${header ? ' s="1"' : ''}><is><t xml:space="preserve">${escapeXml(String(value))}</t></is></c>`;
}

function sheetXml(rows: string[], widths: number[]): string {
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols>${cols}</cols><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

function tableSheet(table: ReportTable): string {
  const rows: string[] = [];
  rows.push(`<row r="1">${cellXml('A1', table.title, 'text', true)}</row>`);
  rows.push(`<row r="2">${table.columns.map((c, i) => cellXml(`${column(i)}2`, c.label, 'text', true)).join('')}</row>`);
  table.rows.forEach((row, r) => {
    const n = r + 3;
    rows.push(`<row r="${n}">${row.map((v, i) => cellXml(`${column(i)}${n}`, v, cellKind(table, r, i))).join('')}</row>`);
  });
  if (table.note) rows.push(`<row r="${table.rows.length + 4}">${cellXml(`A${table.rows.length + 4}`, table.note, 'text')}</row>`);
  return sheetXml(rows, table.columns.map((c, i) => (i === 0 && c.kind === 'text' ? 40 : 16)));
}

function coverSheet(doc: ReportDocument): string {
  const lines = [
    doc.title,
    doc.periodLabel,
    doc.scopeLabel,
    doc.dataAgeLabel,
    doc.generatedLabel,
    `Источники: ${doc.sources.join(', ') || 'не указаны'}`,
    doc.incomplete ? `Неполный период (окончание ${doc.incomplete.end.split('-').reverse().join('.')})` : null,
    doc.demo ? 'Демо-данные' : null,
  ].filter((l): l is string => l !== null);
  return sheetXml(lines.map((l, i) => `<row r="${i + 1}">${cellXml(`A${i + 1}`, l, 'text', i === 0)}</row>`), [90]);
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts><fonts count="2"><font><sz val="11"/><name val="PT Sans"/></font><font><b/><sz val="11"/><name val="PT Sans"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="5"><xf/><xf fontId="1" applyFont="1"/><xf numFmtId="3" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`;

export async function writeReportXlsx(doc: ReportDocument): Promise<Uint8Array> {
  const tables = tablesOf(doc);
  const names = ['Отчёт', ...sheetNames(tables)];
  const sheets = [coverSheet(doc), ...tables.map(tableSheet)];
  const parts: [string, string][] = [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    ],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', STYLES],
    ...sheets.map((xml, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, xml]),
  ];
  const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false });
  for (const [path, xml] of parts) await writer.add(path, new TextReader(xml));
  return writer.close();
}
