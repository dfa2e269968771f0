import { describe, expect, it } from 'vitest';
import { detectHeader, mapHeaders, normaliseHeader } from './headers';
import { POS_FIELDS } from './fields';

const POS_HEADERS = POS_FIELDS.map((f) => f.headers[0] as string);

describe('header detection', () => {
  it('normalises case, ё, spaces and trailing punctuation', () => {
    expect(normaliseHeader('\ufeff  Населённый\u00a0 пункт: ')).toBe('населенный пункт');
  });
  it('finds the header below title rows', () => {
    const rows = [['Выгрузка сообщений ПОС'], ['Период: 01.11.2025 — 20.11.2025'], [], POS_HEADERS, ['1', '2']];
    const found = detectHeader(rows);
    expect(found?.headerIndex).toBe(3);
    expect(found?.type).toBe('pos');
  });
  it('tells ИМ from ПОС by its columns', () => {
    const found = detectHeader([['Номер инцидента', 'Дата создания', 'Группа тем', 'Тема', 'Урл блога', 'Важность']]);
    expect(found?.type).toBe('im');
  });
  it('returns null for a sheet without known headers', () => {
    expect(detectHeader([['a', 'b', 'c'], ['1', '2', '3']])).toBeNull();
  });
});

describe('mapHeaders', () => {
  it('maps by name whatever the column order', () => {
    const reversed = [...POS_HEADERS].reverse();
    const { mapping, missingRequired } = mapHeaders('pos', reversed);
    expect(missingRequired).toEqual([]);
    expect(reversed[mapping.number as number]).toBe('Номер');
    expect(reversed[mapping.receivedAt as number]).toBe('Дата поступления');
    expect(reversed[mapping.orgCurrent as number]).toBe('Организация, в которой находится сообщение');
  });
  it('names missing required columns', () => {
    const { missingRequired } = mapHeaders('pos', ['Категория', 'Статус']);
    expect(missingRequired).toEqual(['Номер', 'Дата поступления']);
  });
  it('reports duplicate headers', () => {
    const { duplicates } = mapHeaders('pos', ['Номер', 'Дата поступления', 'Статус', 'Статус']);
    expect(duplicates).toEqual(['Статус']);
  });
  it('applies a saved override and a deliberate unmapping', () => {
    const { mapping, unused } = mapHeaders('pos', ['№ п/п', 'Номер обращения', 'Дата поступления', 'Статус'], {
      number: 'Номер обращения',
      status: null,
    });
    expect(mapping.number).toBe(1);
    expect(mapping.status).toBeUndefined();
    expect(unused).toContain('Статус');
  });
});
