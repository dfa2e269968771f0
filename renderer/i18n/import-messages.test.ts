import { describe, expect, it } from 'vitest';
import { importErrors } from '../../shared/import/errors';
import { fileMessage, problem, type ImportFileMessage, type ImportRowMessage } from '../../shared/import/messages';
import { reportToCsv, type ImportReport } from '../../shared/import/report';
import { importFileText, importRowText } from './import-messages';

const EVERY_FILE_MESSAGE: ImportFileMessage[] = [
  fileMessage.empty(),
  fileMessage.notSpreadsheet(),
  fileMessage.encrypted(),
  fileMessage.xls(),
  fileMessage.corrupt('bad zip'),
  fileMessage.zipBomb(),
  fileMessage.tooLarge(120, 100),
  fileMessage.tooManyRows(300_000),
  fileMessage.noHeader(),
  fileMessage.noRows(),
  fileMessage.missingColumns(['Номер', 'Дата поступления']),
  fileMessage.duplicateColumns(['Номер']),
  fileMessage.csvQuotes(12),
  fileMessage.cancelled(),
  fileMessage.nothingToWrite(),
  fileMessage.writeFailed('QuotaExceededError'),
  fileMessage.unexpected('boom'),
];

describe('import messages', () => {
  it('has a Russian and an English sentence for every file refusal, placeholders filled', () => {
    for (const m of EVERY_FILE_MESSAGE) {
      const ru = importFileText(m, 'ru');
      const en = importFileText(m, 'en');
      expect(ru, m.kind).toMatch(/[А-Яа-яЁё]/);
      expect(en, m.kind).not.toBe(ru);
      expect(`${ru} ${en}`, m.kind).not.toMatch(/\{\w+\}/);
    }
    expect(importFileText(importErrors.missingColumns(['Номер']).reason, 'en')).toBe('Required columns are missing: «Номер».');
    expect(importFileText(importErrors.missingColumns(['Номер']).reason, 'ru')).toBe('Нет обязательных столбцов: «Номер».');
  });

  it('reads rejected rows and warnings in both languages', () => {
    const rejected: ImportRowMessage = {
      kind: 'row-rejected',
      params: { errors: [{ field: 'Дата поступления', problem: problem('no-such-date', { raw: '31.02.2025' }) }, { field: 'Номер', problem: problem('number-missing', {}) }] },
    };
    expect(importRowText(rejected, 'ru')).toBe('«Дата поступления»: нет такой даты: «31.02.2025»; «Номер»: номер не указан');
    expect(importRowText(rejected, 'en')).toBe('«Дата поступления»: no such date: «31.02.2025»; «Номер»: no number');
    const dropped: ImportRowMessage = { kind: 'value-dropped', params: { field: 'Оценка', problem: problem('cell-error', { code: '#DIV/0!' }) } };
    expect(importRowText(dropped, 'en')).toBe('«Оценка»: error in the cell (#DIV/0!) — value not imported');
    expect(importRowText({ kind: 'duplicate-number', params: { number: '77', earlierRow: 3 } }, 'en')).toBe('Number 77 already appeared in row 3: the last row was imported.');
    expect(importRowText({ kind: 'formula-cells', params: { count: 2 } }, 'ru')).toMatch(/^В файле 2 ячеек с формулами/);
  });

  it('shows sentences stored before message kinds as written', () => {
    expect(importFileText('Файл пустой.', 'en')).toBe('Файл пустой.');
    expect(importRowText('«Номер»: номер не указан', 'en')).toBe('«Номер»: номер не указан');
  });

  it('writes the downloadable report in the language it is given', () => {
    const report: ImportReport = {
      batchId: 'b1',
      fileName: 'f.csv',
      exportType: 'pos',
      startedAt: 0,
      rowsRead: 2,
      created: 1,
      changed: 0,
      unchanged: 0,
      rejectedCount: 1,
      rejected: [{ row: 3, message: { kind: 'row-rejected', params: { errors: [{ field: 'Номер', problem: problem('number-missing', {}) }] } } }],
      warningCount: 0,
      warnings: [],
      error: null,
    };
    const csv = reportToCsv(report, { formatInstant: () => 't', rowMessage: (m) => importRowText(m, 'en'), fileMessage: (m) => importFileText(m, 'en') });
    expect(csv).toContain('«Номер»: no number');
  });
});
