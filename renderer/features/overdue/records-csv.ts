/**
 * CSV of the centre's own records (escalations, information requests) with Russian headers and
 * region-local times. Excel opens UTF-8 CSV correctly only with a byte-order mark and `;` as the
 * separator in the Russian locale, so both are used.
 */
import Papa from 'papaparse';
import { formatDateTime } from '../../../shared/format/ru';
import type { CurRecordBase } from '../../db/schema';
import type { AppealSnapshot, Escalation, InfoRequest } from '../../db/cur-records-repo';
import { infoRequestKindLabel } from '../../export/appeal-labels';

const BOM = '\ufeff';

/** A CSV column: its header and the cell of a row. */
type CsvColumn<R> = readonly [header: string, cell: (row: R) => string];

/** Cells starting with these are read as formulas by spreadsheets; appeal data is untrusted. */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csv<R>(columns: readonly CsvColumn<R>[], rows: readonly R[]): string {
  const data = rows.map((r) => columns.map(([, cell]) => safeCell(cell(r))));
  return BOM + Papa.unparse({ fields: columns.map(([header]) => header), data }, { delimiter: ';', newline: '\r\n' });
}

/** Every record starts with when and by whom it was made and which appeal it is about. */
function leadColumns(timeZone: string): CsvColumn<CurRecordBase & { appeal: AppealSnapshot }>[] {
  return [
    ['Создано', (r) => formatDateTime(r.createdAt, timeZone)],
    ['Кто', (r) => r.createdBy],
    ['Обращение', (r) => r.appealId],
    ['Номер', (r) => r.appeal.externalId],
    ['Отрасль', (r) => r.appeal.sector],
  ];
}

export interface CsvLabels {
  status: (status: string) => string;
  reason: (reason: string) => string;
}

export function escalationsCsv(rows: readonly Escalation[], timeZone: string, labels: CsvLabels): string {
  return csv<Escalation>(
    [
      ...leadColumns(timeZone),
      ['Организация', (e) => e.appeal.organisation ?? ''],
      ['Причина', (e) => labels.reason(e.reason)],
      ['Кому', (e) => e.assignee],
      ['Комментарий', (e) => e.note],
      ['Статус', (e) => labels.status(e.status)],
      ['Изменено', (e) => formatDateTime(e.updatedAt, timeZone)],
    ],
    rows,
  );
}

export function infoRequestsCsv(rows: readonly InfoRequest[], timeZone: string, labels: CsvLabels): string {
  return csv<InfoRequest>(
    [
      ...leadColumns(timeZone),
      ['Вид запроса', (r) => infoRequestKindLabel(r.kind)],
      ['Орган', (r) => r.body],
      ['Запрос', (r) => r.question],
      ['Срок ответа', (r) => (r.dueAt === null ? 'без срока' : formatDateTime(r.dueAt, timeZone))],
      ['Статус', (r) => labels.status(r.status)],
      ['Ответ получен', (r) => (r.answeredAt === null ? '' : formatDateTime(r.answeredAt, timeZone))],
      ['Ответ', (r) => r.answer ?? ''],
    ],
    rows,
  );
}
