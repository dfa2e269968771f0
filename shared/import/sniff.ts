/**
 * File format and text encoding detection from the first bytes, without a DOM. The file name is a
 * hint only: a renamed file is judged by its content.
 */

export type FileKind =
  | 'xlsx'
  /** OLE compound file holding `EncryptionInfo`: a password-protected XLSX. */
  | 'encrypted'
  /** OLE compound file without encryption: Excel 97–2003 `.xls`. */
  | 'xls'
  | 'text'
  | 'empty'
  /** Some other binary (PDF, image, archive…). */
  | 'binary';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** UTF-16LE bytes of an ASCII name, as stream names appear in a compound file's directory. */
function containsUtf16(bytes: Uint8Array, name: string): boolean {
  outer: for (let i = 0; i + name.length * 2 <= bytes.length; i++) {
    for (let j = 0; j < name.length; j++) {
      if (bytes[i + j * 2] !== name.charCodeAt(j) || bytes[i + j * 2 + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * `head` should be the first 64 KiB (or the whole file when smaller); `tail` the last 64 KiB of a
 * compound file, where its directory usually sits.
 */
export function sniffFileKind(head: Uint8Array, tail: Uint8Array = new Uint8Array(0)): FileKind {
  if (head.length === 0) return 'empty';
  if (startsWith(head, ZIP) || startsWith(head, ZIP_EMPTY)) return 'xlsx';
  if (startsWith(head, CFB)) {
    return containsUtf16(head, 'EncryptionInfo') || containsUtf16(tail, 'EncryptionInfo') ? 'encrypted' : 'xls';
  }
  // Text has no NUL bytes (UTF-16 files are not produced by the exports we read) and few control codes.
  let control = 0;
  const n = Math.min(head.length, 8192);
  for (let i = 0; i < n; i++) {
    const b = head[i] ?? 0;
    if (b === 0) return 'binary';
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > n * 0.01 ? 'binary' : 'text';
}

export type TextEncodingName = 'utf-8' | 'windows-1251';

export interface EncodingGuess {
  encoding: TextEncodingName;
  /** Bytes to skip (a UTF-8 byte-order mark). */
  bomLength: number;
}

/**
 * UTF-8 when the bytes are valid UTF-8 (Windows-1251 Cyrillic text almost never is), otherwise
 * Windows-1251, the encoding of Russian Excel «CSV (разделители — точка с запятой)».
 */
export function detectEncoding(head: Uint8Array): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  let i = 0;
  const n = head.length;
  while (i < n) {
    const b = head[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let extra: number;
    if (b >= 0xc2 && b <= 0xdf) extra = 1;
    else if (b >= 0xe0 && b <= 0xef) extra = 2;
    else if (b >= 0xf0 && b <= 0xf4) extra = 3;
    else return { encoding: 'windows-1251', bomLength: 0 };
    // A sequence cut by the end of the sample is not evidence against UTF-8.
    if (i + extra >= n) break;
    for (let k = 1; k <= extra; k++) {
      const c = head[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return { encoding: 'windows-1251', bomLength: 0 };
    }
    i += extra + 1;
  }
  return { encoding: 'utf-8', bomLength: 0 };
}

/**
 * `;` (Russian Excel) or `,` or tab: the candidate that splits the most lines of the sample into the
 * same number (> 1) of fields, counting only separators outside quotes. Title rows above the
 * header have fewer fields, so consistency is judged over the widest lines.
 */
export function detectDelimiter(sample: string): ';' | ',' | '\t' {
  const lines: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of sample) {
    if (ch === '"') quoted = !quoted;
    if ((ch === '\n' || ch === '\r') && !quoted) {
      if (current.trim()) lines.push(current);
      current = '';
      if (lines.length >= 50) break;
      continue;
    }
    current += ch;
  }
  if (current.trim() && lines.length < 50) lines.push(current);
  let best: ';' | ',' | '\t' = ';';
  let bestScore = -1;
  for (const delimiter of [';', ',', '\t'] as const) {
    const counts = lines.map((line) => {
      let n = 0;
      let q = false;
      for (const ch of line) {
        if (ch === '"') q = !q;
        else if (ch === delimiter && !q) n++;
      }
      return n;
    });
    const max = Math.max(0, ...counts);
    if (max === 0) continue;
    const consistent = counts.filter((c) => c === max).length;
    const s = consistent * 1000 + max;
    if (s > bestScore) {
      bestScore = s;
      best = delimiter;
    }
  }
  return best;
}

/**
 * Splits decoded CSV text at the last line break that lies outside quotes, so each piece can be
 * parsed on its own while quoted multi-line cells stay whole. `text` must start at a record
 * boundary (the previous remainder plus new text does). Doubled quotes inside a quoted cell toggle
 * twice, so the parity stays right.
 */
export function splitCompleteRecords(text: string): { complete: string; rest: string } {
  let quoted = false;
  let lastBreak = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) lastBreak = i;
  }
  if (lastBreak < 0) return { complete: '', rest: text };
  return { complete: text.slice(0, lastBreak + 1), rest: text.slice(lastBreak + 1) };
}
