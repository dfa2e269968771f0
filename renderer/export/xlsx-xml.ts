/**
 * The SpreadsheetML text of a one-sheet workbook, written piece by piece so a sheet of any length
 * can be streamed: the fixed package parts, the sheet's head, one row at a time, the sheet's tail.
 * Strings are inline (`t="inlineStr"`): a shared-string table would have to be held whole in memory
 * until the end. Styles: 0 default, 1 bold header, 2 date, 3 date and time.
 */

const NS = 'http://schemas.openxmlformats.org';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel refuses a cell longer than this (UTF-16 code units). */
export const EXCEL_CELL_LIMIT = 32_767;

export const STYLE = { header: 1, date: 2, datetime: 3 } as const;

/** A cell as the sheet stores it: inline text, a number, or a number shown through a date style. */
export type XlsxCell = { t: 'text'; v: string } | { t: 'number'; v: number; style?: number } | null;

// Characters XML 1.0 cannot carry at all (C0 controls except tab/LF/CR, U+FFFE/U+FFFF, unpaired
// surrogates). Appeal texts come from social media and may hold anything; dropping these is the
// only way to keep the file readable.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Excel reads `_xHHHH_` in a string as an escaped character; escaping the underscore keeps the text literal.
const EXCEL_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;

// Anything escapeXml would change; most cells have none of it and skip the replacements.
const NEEDS_ESCAPE = /[&<>"\r_\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(INVALID_XML, '')
    .replace(EXCEL_ESCAPE, '_x005F_$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
}

/** Cuts text to Excel's cell limit with a visible note, never splitting a surrogate pair. */
export function fitCell(text: string): string {
  if (text.length <= EXCEL_CELL_LIMIT) return text;
  const marker = ` … [обрезано, всего символов: ${text.length}]`;
  let end = EXCEL_CELL_LIMIT - marker.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + marker;
}

// Every row asks for the same few column names.
const letters: string[] = [];

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let name = letters[index];
  if (name !== undefined) return name;
  name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  if (index < 256) letters[index] = name;
  return name;
}

/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug included). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** The serial number of a Date whose UTC fields are the wall-clock time Excel should show. */
export function excelSerial(wallClock: Date): number {
  return (wallClock.getTime() - EXCEL_EPOCH_UTC) / 86_400_000;
}

/** Sheet names: at most 31 characters, none of `[]:*?/\`, not blank. */
export function sheetNameOf(name: string): string {
  const cut = name
    .replace(INVALID_XML, '')
    .replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31).replace(/^'+|'+$/g, '');
  return cut || 'Данные';
}

function cellXml(ref: string, cell: XlsxCell, headerStyle: boolean): string {
  if (cell === null) return '';
  const style = headerStyle ? ` s="${STYLE.header}"` : cell.t === 'number' && cell.style ? ` s="${cell.style}"` : '';
  if (cell.t === 'number') return Number.isFinite(cell.v) ? `<c r="${ref}"${style}><v>${cell.v}</v></c>` : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(fitCell(cell.v))}</t></is></c>`;
}

/** One `<row>`; `rowNumber` is 1-based as in Excel. */
export function rowXml(rowNumber: number, cells: XlsxCell[], header = false): string {
  let xml = `<row r="${rowNumber}">`;
  for (let i = 0; i < cells.length; i++) xml += cellXml(`${columnLetter(i)}${rowNumber}`, cells[i]!, header);
  return `${xml}</row>`;
}

/** Everything before the first row: frozen header pane and column widths (characters). */
export function sheetHead(widths: number[]): string {
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return (
    `${XML_HEAD}<worksheet xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`
  );
}

export const SHEET_TAIL = '</sheetData></worksheet>';

/** The fixed parts of the package besides the sheet, by path. */
export function packageParts(sheetName: string): [path: string, xml: string][] {
  const rel = `${NS}/officeDocument/2006/relationships`;
  const ct = 'application/vnd.openxmlformats-officedocument';
  return [
    [
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="${NS}/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${ct}.spreadsheetml.styles+xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="${NS}/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${rel}">` +
        `<bookViews><workbookView/></bookViews><sheets><sheet name="${escapeXml(sheetNameOf(sheetName))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${NS}/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', STYLES],
  ];
}

const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${NS}/spreadsheetml/2006/main">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/><numFmt numFmtId="165" formatCode="dd.mm.yyyy hh:mm"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
