/**
 * Header row detection and mapping by header name. Exports may carry title rows above the header
 * (report name, period), so the header is the row among the first few that names the most known
 * columns. A person can override the mapping; the override is stored per export type.
 */
import { cellText, type Cell } from './cells';
import { EXPORT_TYPES, FIELDS_BY_TYPE, type ExportType } from './fields';

/** Case, «ё», non-breaking spaces, repeated spaces, and trailing punctuation do not matter. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/^\ufeff/, '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u00a0\s]+/g, ' ')
    .replace(/[\s:*.]+$/, '')
    .trim();
}

/** How many fields of `type` a row of headers names. */
function score(type: ExportType, headers: string[]): number {
  const present = new Set(headers);
  let n = 0;
  for (const field of FIELDS_BY_TYPE[type]) {
    if (field.headers.some((h) => present.has(normaliseHeader(h)))) n += field.required ? 3 : 1;
  }
  return n;
}

export interface HeaderDetection {
  /** Index into the rows given. */
  headerIndex: number;
  type: ExportType;
  headers: string[];
  score: number;
}

/** Looks for the header row among the first rows; `null` when no row looks like any known export. */
export function detectHeader(rows: Cell[][], forcedType: ExportType | null = null): HeaderDetection | null {
  let best: HeaderDetection | null = null;
  rows.forEach((cells, index) => {
    const headers = cells.map((c) => normaliseHeader(cellText(c) ?? ''));
    for (const type of forcedType ? [forcedType] : EXPORT_TYPES) {
      const s = score(type, headers);
      if (s >= 4 && (!best || s > best.score)) best = { headerIndex: index, type, headers, score: s };
    }
  });
  return best;
}

/** field key → column index. */
export type HeaderMapping = Record<string, number>;
/** field key → header text chosen by a person (stored per export type). */
export type SavedHeaderMapping = Record<string, string | null>;

export interface MappingResult {
  mapping: HeaderMapping;
  /** Canonical header names of required fields without a column. */
  missingRequired: string[];
  /** Header texts that occur more than once and are mapped (ambiguous). */
  duplicates: string[];
  /** Header texts not used by any field. */
  unused: string[];
}

/**
 * Maps fields to columns. A saved override wins (`null` = deliberately unmapped); otherwise the
 * first matching spelling. A header that appears twice is ambiguous: it is reported, and a
 * required field mapped to it rejects the file, because picking one silently could import the
 * wrong column.
 */
export function mapHeaders(type: ExportType, rawHeaders: string[], saved: SavedHeaderMapping = {}): MappingResult {
  const headers = rawHeaders.map(normaliseHeader);
  const counts = new Map<string, number>();
  for (const h of headers) if (h) counts.set(h, (counts.get(h) ?? 0) + 1);
  const mapping: HeaderMapping = {};
  const duplicates = new Set<string>();
  const missingRequired: string[] = [];
  const used = new Set<number>();
  for (const field of FIELDS_BY_TYPE[type]) {
    const override = saved[field.key];
    const candidates = override === null ? [] : override !== undefined ? [override] : field.headers;
    let found = -1;
    for (const candidate of candidates) {
      const index = headers.indexOf(normaliseHeader(candidate));
      if (index >= 0) {
        found = index;
        break;
      }
    }
    if (found >= 0) {
      const header = headers[found] ?? '';
      if ((counts.get(header) ?? 0) > 1) duplicates.add(rawHeaders[found] ?? header);
      mapping[field.key] = found;
      used.add(found);
    } else if (field.required) {
      missingRequired.push(field.headers[0] ?? field.key);
    }
  }
  const unused = rawHeaders.filter((h, i) => !used.has(i) && normaliseHeader(h) !== '');
  return { mapping, missingRequired, duplicates: [...duplicates], unused };
}
