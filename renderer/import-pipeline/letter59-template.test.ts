import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { letter59ColumnTable, letter59TemplateCsv } from '../../tests/fixtures/letter59-template';
import { readSpreadsheet } from '../../shared/import/read/read-file';
import { testContext } from '../../tests/support/convert-context';

const dir = new URL('../../resources/templates/', import.meta.url);

describe('59-ФЗ template shipped with the app', () => {
  it('is the generated one, and its description lists every column', () => {
    expect(readFileSync(new URL('59-fz-register-example.csv', dir), 'utf8')).toBe(letter59TemplateCsv());
    expect(readFileSync(new URL('59-fz-register.md', dir), 'utf8')).toContain(letter59ColumnTable());
  });
  it('imports without a rejected row', async () => {
    const blob = new Blob([readFileSync(new URL('59-fz-register-example.csv', dir))]);
    const { processed } = await readSpreadsheet(blob, { forcedType: null, savedMappings: {}, ctx: testContext() }, new AbortController().signal);
    expect(processed.type).toBe('letter59');
    expect(processed.rejectedCount).toBe(0);
    expect(processed.appeals.size).toBe(3);
    expect(processed.appeals.get('letter59:01-15/1240')?.deadline?.originalDueAt).not.toBeNull();
  });
});
