import { describe, expect, it } from 'vitest';
import { testContext } from '../../tests/support/convert-context';
import type { Cell } from './cells';
import { CONVERTERS } from './processor';

/** Each export's first date, as its header reads: the row's other required field after the number. */
const FIRST_DATE = {
  pos: { key: 'receivedAt', label: 'Дата поступления', number: 'Номер' },
  im: { key: 'createdAt', label: 'Дата создания', number: 'Номер инцидента' },
  letter59: { key: 'registeredAt', label: 'Дата регистрации', number: 'Регистрационный номер' },
} as const;

describe('the start every converter shares', () => {
  for (const [type, field] of Object.entries(FIRST_DATE) as [keyof typeof FIRST_DATE, (typeof FIRST_DATE)[keyof typeof FIRST_DATE]][]) {
    const convert = (cells: Cell[]) => CONVERTERS[type](cells, 7, { number: 0, [field.key]: 1 }, testContext());

    it(`${type}: takes the number and the first date, and stamps the import`, () => {
      const result = convert(['42', '12.03.2025 10:00']);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.appeal.id).toBe(`${type}:42`);
      expect(result.appeal.import).toEqual({ batchId: 'b1', fileName: 'test.xlsx', row: 7 });
    });

    it(`${type}: rejects a row without its first date, naming the column`, () => {
      expect(convert(['42', null])).toEqual({ ok: false, reason: { kind: 'row-rejected', params: { errors: [{ field: field.label, problem: { kind: 'date-missing', params: {} } }] } } });
    });

    it(`${type}: rejects a row with neither, giving both reasons`, () => {
      const result = convert([null, 'вчера']);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.reason).toEqual({
        kind: 'row-rejected',
        params: {
          errors: [
            { field: field.number, problem: { kind: 'number-missing', params: {} } },
            { field: field.label, problem: { kind: 'not-a-date', params: { raw: 'вчера' } } },
          ],
        },
      });
    });
  }
});
