/**
 * Streaming readers for the XML parts of an XLSX package (workbook, relationships, shared strings,
 * worksheet), fed text chunk by chunk so a 200k-row sheet never exists as one string. Pure: the zip
 * container is opened by the caller. Formulas are never evaluated: a formula cell yields its cached
 * result, an error cell an `ErrorCell`.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Cell, RawRow } from './cells';

export class XlsxFormatError extends Error {}

function newParser(): SaxesParser {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('error', (e) => {
    throw new XlsxFormatError(e.message);
  });
  return parser;
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

export interface WorkbookSheet {
  name: string;
  relId: string;
}

export function parseWorkbookXml(xml: string): WorkbookSheet[] {
  const sheets: WorkbookSheet[] = [];
  const parser = newParser();
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (localName(tag.name) === 'sheet') {
      const attrs = tag.attributes as Record<string, string>;
      const relId = attrs['r:id'] ?? Object.entries(attrs).find(([k]) => localName(k) === 'id')?.[1] ?? '';
      sheets.push({ name: attrs.name ?? '', relId });
    }
  });
  parser.write(xml).close();
  return sheets;
}

/** Relationship id → target path inside the package (resolved against `xl/`). */
export function parseRelsXml(xml: string, base = 'xl/'): Map<string, string> {
  const rels = new Map<string, string>();
  const parser = newParser();
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (localName(tag.name) === 'Relationship') {
      const attrs = tag.attributes as Record<string, string>;
      const target = attrs.Target ?? '';
      rels.set(attrs.Id ?? '', target.startsWith('/') ? target.slice(1) : base + target);
    }
  });
  parser.write(xml).close();
  return rels;
}

/** Shared strings table, fed in chunks. Phonetic runs (`rPh`) are not part of the text. */
export class SharedStringsReader {
  readonly strings: string[] = [];
  private parser = newParser();
  private current: string | null = null;
  private inText = false;
  private phonetic = 0;
  /** Total characters kept, so a hostile file cannot grow the table without bound. */
  chars = 0;

  constructor(private readonly maxChars: number) {
    this.parser.on('opentag', (tag: SaxesTagPlain) => {
      const name = localName(tag.name);
      if (name === 'si') this.current = '';
      else if (name === 'rPh') this.phonetic++;
      else if (name === 't' && this.phonetic === 0) this.inText = true;
    });
    this.parser.on('closetag', (tag: SaxesTagPlain) => {
      const name = localName(tag.name);
      if (name === 'si') {
        this.strings.push(this.current ?? '');
        this.chars += (this.current ?? '').length;
        if (this.chars > this.maxChars) throw new XlsxFormatError('shared-strings-too-large');
        this.current = null;
      } else if (name === 'rPh') this.phonetic--;
      else if (name === 't') this.inText = false;
    });
    this.parser.on('text', (text: string) => {
      if (this.inText && this.current !== null) this.current += text;
    });
  }

  write(chunk: string): void {
    this.parser.write(chunk);
  }

  close(): void {
    this.parser.close();
  }
}

/** `B12` → 1 (zero-based column). */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/**
 * Worksheet rows, fed in chunks; complete rows are handed to `onRow` as they close. Counts
 * formula cells so the importer can warn that cached values were used.
 */
export class SheetReader {
  private parser = newParser();
  private row: RawRow | null = null;
  private nextRow = 1;
  private cellType = 'n';
  private cellCol = 0;
  private value: string | null = null;
  private inValue = false;
  private inInline = false;
  formulaCells = 0;

  constructor(
    private readonly sharedStrings: string[],
    private readonly onRow: (row: RawRow) => void,
    private readonly maxColumns = 500,
  ) {
    this.parser.on('opentag', (tag: SaxesTagPlain) => this.open(tag));
    this.parser.on('closetag', (tag: SaxesTagPlain) => this.closeTag(localName(tag.name)));
    this.parser.on('text', (text: string) => {
      if (this.inValue) this.value = (this.value ?? '') + text;
    });
  }

  private open(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    const attrs = tag.attributes as Record<string, string>;
    if (name === 'row') {
      const r = Number(attrs.r);
      const number = Number.isInteger(r) && r > 0 ? r : this.nextRow;
      this.row = { row: number, cells: [] };
      this.nextRow = number + 1;
    } else if (name === 'c' && this.row) {
      this.cellType = attrs.t ?? 'n';
      this.cellCol = attrs.r ? columnIndex(attrs.r) : this.row.cells.length;
      this.value = null;
    } else if (name === 'v') {
      this.inValue = true;
    } else if (name === 'is') {
      this.inInline = true;
    } else if (name === 't' && this.inInline) {
      this.inValue = true;
    } else if (name === 'f') {
      this.formulaCells++;
    }
  }

  private closeTag(name: string): void {
    if (name === 'v' || (name === 't' && this.inInline)) this.inValue = false;
    else if (name === 'is') this.inInline = false;
    else if (name === 'c' && this.row) {
      if (this.cellCol >= 0 && this.cellCol < this.maxColumns) {
        while (this.row.cells.length < this.cellCol) this.row.cells.push(null);
        this.row.cells[this.cellCol] = this.decode();
      }
    } else if (name === 'row' && this.row) {
      this.onRow(this.row);
      this.row = null;
    }
  }

  private decode(): Cell {
    const v = this.value;
    if (v === null) return null;
    switch (this.cellType) {
      case 's': {
        const s = this.sharedStrings[Number(v)];
        return s === undefined ? null : s;
      }
      case 'b':
        return v === '1' || v === 'true';
      case 'e':
        return { error: v };
      case 'str':
      case 'inlineStr':
      case 'd':
        return v;
      default: {
        const n = Number(v);
        return Number.isFinite(n) ? n : v;
      }
    }
  }

  write(chunk: string): void {
    this.parser.write(chunk);
  }

  close(): void {
    this.parser.close();
  }
}
