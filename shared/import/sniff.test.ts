import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectEncoding, sniffFileKind, splitCompleteRecords } from './sniff';

const enc = new TextEncoder();
function cp1251(text: string): Uint8Array {
  // Cyrillic А..я map to 0xC0..0xFF in Windows-1251; ASCII stays.
  return Uint8Array.from([...text].map((ch) => {
    const c = ch.charCodeAt(0);
    if (c < 0x80) return c;
    if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
    if (c === 0x401) return 0xa8;
    if (c === 0x451) return 0xb8;
    throw new Error(ch);
  }));
}

describe('sniffFileKind', () => {
  it('recognises zip, compound files, text and binaries', () => {
    expect(sniffFileKind(Uint8Array.from([0x50, 0x4b, 3, 4, 0]))).toBe('xlsx');
    const cfb = new Uint8Array(600);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(sniffFileKind(cfb)).toBe('xls');
    const name = [...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0]);
    cfb.set(name, 300);
    expect(sniffFileKind(cfb)).toBe('encrypted');
    expect(sniffFileKind(enc.encode('Номер;Дата\r\n1;2'))).toBe('text');
    expect(sniffFileKind(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]))).toBe('binary');
    expect(sniffFileKind(new Uint8Array(0))).toBe('empty');
  });
});

describe('detectEncoding', () => {
  it('sees a BOM, plain UTF-8 and Windows-1251', () => {
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(enc.encode('Номер;Дата поступления'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    const bytes = cp1251('Номер;Дата поступления;Ёлка');
    expect(detectEncoding(bytes).encoding).toBe('windows-1251');
    expect(new TextDecoder('windows-1251').decode(bytes)).toBe('Номер;Дата поступления;Ёлка');
  });
  it('does not blame UTF-8 for a sequence cut at the end of the sample', () => {
    const bytes = enc.encode('Дата');
    expect(detectEncoding(bytes.slice(0, bytes.length - 1)).encoding).toBe('utf-8');
  });
});

describe('detectDelimiter', () => {
  it('picks ; or , by consistent field counts, ignoring quoted separators and title rows', () => {
    expect(detectDelimiter('Отчёт, ноябрь\nНомер;Дата;Текст\n1;01.01.2025;"а, б, в"\n2;02.01.2025;г\n')).toBe(';');
    expect(detectDelimiter('Номер,Дата,Текст\n1,01.01.2025,"а; б"\n2,02.01.2025,г\n')).toBe(',');
  });
});

describe('splitCompleteRecords', () => {
  it('never cuts inside a quoted multi-line cell', () => {
    const { complete, rest } = splitCompleteRecords('1;"строка\nещё ""строка""\n";x\n2;"начало\nпро');
    expect(complete).toBe('1;"строка\nещё ""строка""\n";x\n');
    expect(rest).toBe('2;"начало\nпро');
  });
});
