import { describe, expect, it } from 'vitest';
import { columnLetter, EXCEL_CELL_LIMIT, escapeXml, excelSerial, fitCell, rowXml, sheetNameOf, STYLE } from './xlsx-xml';

describe('SpreadsheetML text', () => {
  it('escapes markup and drops characters XML 1.0 cannot carry', () => {
    expect(escapeXml('<b>"a" & \'b\'</b>')).toBe('&lt;b&gt;&quot;a&quot; &amp; \'b\'&lt;/b&gt;');
    expect(escapeXml('a\u0000b\u0007c\u000bd\u001fe\ufffff')).toBe('abcdef');
    // Tab and line feed are legal; CR is kept as a reference so the parser does not fold it.
    expect(escapeXml('a\tb\nc\rd')).toBe('a\tb\nc&#13;d');
    // A lone surrogate is dropped; a pair (emoji) is kept.
    expect(escapeXml('x\ud800y\udc00z😀')).toBe('xyz😀');
    // Excel would read `_x0041_` as "A"; the escaped underscore keeps it literal.
    expect(escapeXml('_x0041_ and _x00e9_')).toBe('_x005F_x0041_ and _x005F_x00e9_');
  });

  it('cuts text at Excel’s cell limit with a visible note and never splits a surrogate pair', () => {
    expect(fitCell('короткий')).toBe('короткий');
    const long = 'я'.repeat(100_000);
    const cut = fitCell(long);
    expect(cut.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
    expect(cut).toMatch(/… \[обрезано, всего символов: 100000\]$/);
    expect(fitCell('я'.repeat(EXCEL_CELL_LIMIT))).toHaveLength(EXCEL_CELL_LIMIT);
    const emoji = '😀'.repeat(20_000);
    const cutEmoji = fitCell(emoji);
    expect(cutEmoji.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
    const body = cutEmoji.slice(0, cutEmoji.indexOf(' …'));
    expect(body).toBe('😀'.repeat(body.length / 2));
  });

  it('names columns like Excel', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702, 16_383].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  it('counts days from Excel’s 1899-12-30', () => {
    expect(excelSerial(new Date(Date.UTC(1900, 0, 1)))).toBe(2);
    expect(excelSerial(new Date(Date.UTC(2025, 10, 3, 12)))).toBe(45964.5);
  });

  it('keeps sheet names within Excel’s rules', () => {
    expect(sheetNameOf('Реестр')).toBe('Реестр');
    expect(sheetNameOf('a/b:c*d?[e]\\f')).toBe('a b c d  e  f');
    expect(sheetNameOf('x'.repeat(40))).toHaveLength(31);
    expect(sheetNameOf(' / ')).toBe('Данные');
  });

  it('writes cells with references, styles and skips empty or non-finite values', () => {
    const xml = rowXml(7, [{ t: 'text', v: '=1+1' }, null, { t: 'number', v: 2.5 }, { t: 'number', v: 45000, style: STYLE.date }, { t: 'number', v: Number.NaN }]);
    expect(xml).toBe(
      '<row r="7"><c r="A7" t="inlineStr"><is><t xml:space="preserve">=1+1</t></is></c><c r="C7"><v>2.5</v></c><c r="D7" s="2"><v>45000</v></c></row>',
    );
    expect(rowXml(1, [{ t: 'text', v: 'Номер' }], true)).toContain('s="1" t="inlineStr"');
  });
});
