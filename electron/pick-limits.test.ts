import { describe, expect, it } from 'vitest';
import { checkPick, PICK_LIMITS } from './pick-limits';

const MB = 1024 * 1024;
const limits = { perFile: 10 * MB, total: 15 * MB };

describe('file pick limits (checked on stat, before reading)', () => {
  it('lets files within both limits through', () => {
    expect(checkPick([{ name: 'a.xlsx', size: 10 * MB, isFile: true }, { name: 'b.csv', size: 5 * MB, isFile: true }], limits)).toBeNull();
    expect(checkPick([], limits)).toBeNull();
  });

  it('refuses one file over the importer limit, naming it', () => {
    expect(checkPick([{ name: 'огромный.xlsx', size: 10 * MB + 1, isFile: true }], limits)).toMatch(/«огромный\.xlsx» больше 10 МБ/);
  });

  it('refuses a pick whose files together pass the total', () => {
    const files = [5, 5, 5.5].map((mb, i) => ({ name: `${i}.csv`, size: mb * MB, isFile: true }));
    expect(checkPick(files, limits)).toMatch(/вместе больше 15 МБ/);
  });

  it('refuses what is not a regular file (a device, a FIFO)', () => {
    expect(checkPick([{ name: 'zero', size: 0, isFile: false }], limits)).toMatch(/не файл/);
  });

  it('uses the importer’s limits by default', () => {
    expect(PICK_LIMITS.total).toBeGreaterThanOrEqual(PICK_LIMITS.perFile);
    expect(checkPick([{ name: 'x', size: PICK_LIMITS.perFile + 1, isFile: true }])).not.toBeNull();
  });
});
