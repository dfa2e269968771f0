/**
 * CSV of the centre's own records (escalations, information requests) with Russian headers and
 * region-local times. Excel opens UTF-8 CSV correctly only with a byte-order mark and `;` as the
 * separator in the Russian locale, so both are used.
 */
import Papa from 'papaparse';
import { formatDateTime } from '../../../shared/format/ru';
import type { Escalation, InfoRequest } from '../../db/cur-records-repo';

const BOM = '\ufeff';

/** Cells starting with these are read as formulas by spreadsheets; appeal data is untrusted. */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csv(header: string[], rows: string[][]): string {
  return BOM + Papa.unparse({ fields: header, data: rows.map((r) => r.map(safeCell)) }, { delimiter: ';', newline: '\r\n' });
}

export interface CsvLabels {
  status: (status: string) => string;
  reason: (reason: string) => string;
}

export function escalationsCsv(rows: readonly Escalation[], timeZone: string, labels: CsvLabels): string {
  const header = ['Создано', 'Кто', 'Обращение', 'Номер', 'Отрасль', 'Организация', 'Причина', 'Кому', 'Комментарий', 'Статус', 'Изменено'];
  return csv(
    header,
    rows.map((e) => [
      formatDateTime(e.createdAt, timeZone),
      e.createdBy,
      e.appealId,
      e.appeal.externalId,
      e.appeal.sector,
      e.appeal.organisation ?? '',
      labels.reason(e.reason),
      e.assignee,
      e.note,
      labels.status(e.status),
      formatDateTime(e.updatedAt, timeZone),
    ]),
  );
}

export function infoRequestsCsv(rows: readonly InfoRequest[], timeZone: string, labels: CsvLabels): string {
  const header = ['Создано', 'Кто', 'Обращение', 'Номер', 'Отрасль', 'Орган', 'Запрос', 'Срок ответа', 'Статус', 'Ответ получен', 'Ответ'];
  return csv(
    header,
    rows.map((r) => [
      formatDateTime(r.createdAt, timeZone),
      r.createdBy,
      r.appealId,
      r.appeal.externalId,
      r.appeal.sector,
      r.body,
      r.question,
      formatDateTime(r.dueAt, timeZone),
      labels.status(r.status),
      r.answeredAt === null ? '' : formatDateTime(r.answeredAt, timeZone),
      r.answer ?? '',
    ]),
  );
}
