import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidateNames, reportFileName, writeNewReportFile } from './report-folder';

describe('report folder', () => {
  it('accepts report files by one plain name and nothing else', () => {
    expect(reportFileName('Еженедельная сводка 2026-W48.pdf')).toBe('Еженедельная сводка 2026-W48.pdf');
    expect(reportFileName('../../etc/passwd.docx')).toBe('etc passwd.docx');
    expect(reportFileName('C:\\Windows\\x.xlsx')).toBe('C Windows x.xlsx');
    expect(reportFileName('script.sh')).toBeNull();
    expect(reportFileName('.pdf')).toBeNull();
    expect(reportFileName('report.PDF')).toBe('report.PDF');
  });

  it('numbers a second file of the same name', () => {
    expect(candidateNames('a.pdf').slice(0, 3)).toEqual(['a.pdf', 'a (2).pdf', 'a (3).pdf']);
  });

  it('never overwrites a file and leaves no temporary file behind', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'report-folder-'));
    const first = await writeNewReportFile(folder, 'week.pdf', new Uint8Array([1]));
    const [second, third] = await Promise.all([writeNewReportFile(folder, 'week.pdf', new Uint8Array([2])), writeNewReportFile(folder, 'week.pdf', new Uint8Array([3]))]);
    expect(first).toBe('week.pdf');
    expect(new Set([second, third])).toEqual(new Set(['week (2).pdf', 'week (3).pdf']));
    expect(readdirSync(folder).sort()).toEqual(['week (2).pdf', 'week (3).pdf', 'week.pdf']);
    expect([...readFileSync(join(folder, 'week.pdf'))]).toEqual([1]);
  });
});
