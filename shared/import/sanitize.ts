/**
 * Formula-injection guard for the spreadsheets and CSV files WE write (reports, exports). Appeal
 * texts come from social media; a cell starting with `=`, `+`, `-`, `@` (or a tab/CR that Excel
 * strips) would run as a formula such as `=HYPERLINK(...)` when the file is opened. Prefixing an
 * apostrophe makes Excel and LibreOffice show it as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function sanitizeCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  // Negative numbers are data, not formulas.
  if (/^-\d+([.,]\d+)?$/.test(value)) return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(text: string, delimiter: string): string {
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV for Russian Excel: `;` separator, CRLF, UTF-8 with BOM (without it Excel reads Cyrillic as
 * Windows-1251), every cell sanitised.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>, delimiter = ';'): string {
  const lines = rows.map((row) => row.map((cell) => quote(sanitizeCell(cell), delimiter)).join(delimiter));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
