import { describe, expect, it } from 'vitest';
import { sanitizeCell, toCsv } from './sanitize';
import { diffAppeal, changedFields } from './diff';
import { convertPosRow } from './convert-pos';
import { mapHeaders } from './headers';
import { testContext } from '../../tests/support/convert-context';

describe('sanitizeCell', () => {
  it('neutralises formula injection', () => {
    expect(sanitizeCell('=HYPERLINK("http://evil","клик")')).toBe(`'=HYPERLINK("http://evil","клик")`);
    expect(sanitizeCell('+7 912 000')).toBe("'+7 912 000");
    expect(sanitizeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(sanitizeCell('\t=1+1')).toBe("'\t=1+1");
    expect(sanitizeCell('-5')).toBe('-5');
    expect(sanitizeCell('обычный текст')).toBe('обычный текст');
    expect(sanitizeCell(null)).toBe('');
  });
  it('writes a BOM, ; separators and quotes', () => {
    const csv = toCsv([['a;b', 'say "hi"', '=cmd|x'], [1, null, 'x\ny']]);
    expect(csv).toBe('\ufeff"a;b";"say ""hi""";\'=cmd|x\r\n1;;"x\ny"\r\n');
  });
});

describe('diffAppeal', () => {
  const headers = ['Номер', 'Дата поступления', 'Статус', 'Категория'];
  const { mapping } = mapHeaders('pos', headers);
  const make = (status: string, batchId: string) => {
    const r = convertPosRow(['100', '01.11.2025', status, 'Медицина'], 5, mapping, testContext({ batchId, now: batchId === 'a' ? 1 : 2 }));
    if (!r.ok) throw new Error(JSON.stringify(r.reason));
    return r.appeal;
  };
  it('ignores the import origin and write time, sees content changes', () => {
    const stored = { ...make('Назначен исполнитель', 'a'), muniKey: '' };
    expect(diffAppeal(make('Назначен исполнитель', 'b'), stored)).toBe('unchanged');
    expect(diffAppeal(make('Отправлен ответ заявителю', 'b'), stored)).toBe('changed');
    expect(changedFields(make('Отправлен ответ заявителю', 'b'), stored)).toEqual(['statusRaw', 'status']);
    expect(diffAppeal(make('x', 'b'), undefined)).toBe('new');
  });
});
