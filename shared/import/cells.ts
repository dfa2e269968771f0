/**
 * A spreadsheet cell as the readers deliver it: CSV gives strings; XLSX gives strings, numbers
 * (dates arrive as Excel serial numbers), booleans, error cells (`#N/A`) and, for formulas, the
 * cached result only (formulas are never evaluated).
 */
export interface ErrorCell {
  error: string;
}
export type Cell = string | number | boolean | null | ErrorCell;

export interface RawRow {
  /** 1-based row number as a person sees it in the spreadsheet (or record number in a CSV). */
  row: number;
  cells: Cell[];
}

export function isErrorCell(cell: Cell | undefined): cell is ErrorCell {
  return typeof cell === 'object' && cell !== null && 'error' in cell;
}

/** Text of a cell with surrounding whitespace removed; `null` for empty, `-` and `—`. */
export function cellText(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined || isErrorCell(cell)) return null;
  const text = String(cell).replace(/\u00a0/g, ' ').trim();
  if (text === '' || text === '-' || text === '—' || text === '–') return null;
  return text;
}
