import { describe, expect, it } from 'vitest';
import { dataUrlToBlob, tableFromOption } from './chart-table';

describe('tableFromOption', () => {
  it('turns category-axis series into one row per category', () => {
    const table = tableFromOption({
      xAxis: { type: 'category', name: 'Отрасль', data: ['ЖКХ', 'Дороги'] },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', name: 'Поступило', data: [143, { value: 40 }] },
        { type: 'bar', name: 'Просрочено', data: [17] },
      ],
    });
    expect(table).toEqual({
      columns: ['Отрасль', 'Поступило', 'Просрочено'],
      rows: [
        ['ЖКХ', 143, 17],
        ['Дороги', 40, null],
      ],
    });
  });

  it('reads horizontal bars from a category y axis', () => {
    const table = tableFromOption({
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: ['А', 'Б'] },
      series: [{ type: 'bar', name: 'n', data: [1, 2] }],
    });
    expect(table?.rows).toEqual([
      ['А', 1],
      ['Б', 2],
    ]);
  });

  it('reads pies and array datasets', () => {
    expect(tableFromOption({ series: [{ type: 'pie', name: 'Доля', data: [{ name: 'ЖКХ', value: 5 }] }] }, 'Отрасль')).toEqual({
      columns: ['Отрасль', 'Доля'],
      rows: [['ЖКХ', 5]],
    });
    expect(tableFromOption({ dataset: { source: [['день', 'n'], ['2026-11-01', 3]] }, series: [] })).toEqual({
      columns: ['день', 'n'],
      rows: [['2026-11-01', 3]],
    });
  });

  it('returns null when there is nothing tabular', () => {
    expect(tableFromOption(null)).toBeNull();
    expect(tableFromOption({ series: [] })).toBeNull();
    expect(tableFromOption({ series: [{ type: 'scatter', data: [[1, 2]] }] })).toBeNull();
  });
});

describe('dataUrlToBlob', () => {
  it('decodes base64 payloads byte for byte', async () => {
    const blob = dataUrlToBlob('data:image/png;base64,AAEC/w==');
    expect(blob.type).toBe('image/png');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0, 1, 2, 255]);
  });

  it('rejects anything that is not a data URL', () => {
    expect(() => dataUrlToBlob('https://example.com/x.png')).toThrow();
  });
});
