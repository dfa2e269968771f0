/**
 * The importer's messages (shared/import/messages.ts) in Russian and English, for the app and the centre server alike. A file refused as a
 * whole, a rejected row and a warning are stored as `{ kind, params }` and read here, in the
 * language the interface shows; every kind has a sentence in both (the compiler checks it).
 */
import type { FieldProblem, ImportFileMessage, ImportRowMessage, ValueProblem } from './messages';
import { formatNumber, type Locale } from '../format/ru';
import { defineMessages, interpolate, translate } from '../format/messages';

const fileMessages = defineMessages<ImportFileMessage['kind']>(
  {
    empty: 'Файл пустой.',
    'not-spreadsheet': 'Это не таблица: поддерживаются файлы XLSX и CSV (выгрузки ПОС, Инцидент Менеджмента, реестр 59-ФЗ).',
    encrypted: 'Файл защищён паролем. Откройте его в Excel, снимите пароль (Файл → Сведения → Защита книги) и сохраните заново.',
    xls: 'Старый формат Excel 97–2003 (.xls) не поддерживается. Сохраните файл как XLSX или CSV.',
    corrupt: 'Файл XLSX повреждён и не читается ({detail}).',
    'zip-bomb': 'Файл XLSX распаковывается в подозрительно большой объём данных и отклонён ради безопасности.',
    'too-large': 'Файл слишком большой ({megabytes} МБ). Предел — {limitMegabytes} МБ: выгрузите данные за меньший период.',
    'too-many-rows': 'В файле больше {limit} строк. Разделите выгрузку по периодам.',
    'no-header': 'Не найдена строка заголовков: в первых строках нет названий столбцов выгрузки ПОС, Инцидент Менеджмента или реестра 59-ФЗ.',
    'no-rows': 'В файле есть заголовки, но нет ни одной строки данных.',
    'missing-columns': 'Нет обязательных столбцов: {columns}.',
    'duplicate-columns': 'Столбцы повторяются: {columns}. Непонятно, какой из них загружать — оставьте один или укажите столбец вручную.',
    'csv-quotes': 'CSV повреждён: незакрытая кавычка около записи {record}.',
    cancelled: 'Импорт отменён. Данные не изменены.',
    'nothing-to-write': 'Нечего записывать: сначала выберите файл.',
    'write-failed': 'Не удалось записать данные, хранилище не изменено: {detail}',
    unexpected: 'Непредвиденная ошибка импорта, данные не изменены: {detail}',
  },
  {
    empty: 'The file is empty.',
    'not-spreadsheet': 'This is not a spreadsheet: XLSX and CSV files are supported (ПОС, Incident Management and 59-FZ register exports).',
    encrypted: 'The file is password-protected. Open it in Excel, remove the password (File → Info → Protect Workbook) and save it again.',
    xls: 'The old Excel 97–2003 format (.xls) is not supported. Save the file as XLSX or CSV.',
    corrupt: 'The XLSX file is damaged and cannot be read ({detail}).',
    'zip-bomb': 'The XLSX file unpacks into a suspiciously large amount of data and was refused for safety.',
    'too-large': 'The file is too large ({megabytes} MB). The limit is {limitMegabytes} MB: export a shorter period.',
    'too-many-rows': 'The file has more than {limit} rows. Split the export by period.',
    'no-header': 'No header row found: the first rows carry no column names of a ПОС, Incident Management or 59-FZ register export.',
    'no-rows': 'The file has headers but no data rows.',
    'missing-columns': 'Required columns are missing: {columns}.',
    'duplicate-columns': 'Columns repeat: {columns}. It is unclear which to import — keep one or choose the column by hand.',
    'csv-quotes': 'The CSV is damaged: an unclosed quote near record {record}.',
    cancelled: 'Import cancelled. No data was changed.',
    'nothing-to-write': 'Nothing to write: choose a file first.',
    'write-failed': 'The data could not be written; the store is unchanged: {detail}',
    unexpected: 'Unexpected import error; no data was changed: {detail}',
  },
);

const problemMessages = defineMessages<ValueProblem['kind']>(
  {
    'year-out-of-range': 'год вне допустимого диапазона: «{raw}»',
    'no-such-month': 'нет такого месяца: «{raw}»',
    'no-such-date': 'нет такой даты: «{raw}»',
    'bad-time': 'неверное время: «{raw}»',
    'cell-error': 'ошибка в ячейке ({code})',
    'not-a-date': 'не дата: «{raw}» (ожидается ДД.ММ.ГГГГ)',
    'not-yes-no': 'ожидается «Да» или «Нет»: «{raw}»',
    'rating-out-of-range': 'оценка должна быть от 1 до 5: «{raw}»',
    'bad-duration': 'неверная длительность: «{raw}»',
    'duration-format': 'длительность должна быть в виде ч:м:с: «{raw}»',
    'bad-number': 'неверный номер',
    'number-missing': 'номер не указан',
    'invalid-number': 'недопустимый номер «{raw}»',
    'date-missing': 'дата не указана',
    'not-a-link': 'не ссылка http(s)',
  },
  {
    'year-out-of-range': 'year out of range: «{raw}»',
    'no-such-month': 'no such month: «{raw}»',
    'no-such-date': 'no such date: «{raw}»',
    'bad-time': 'invalid time: «{raw}»',
    'cell-error': 'error in the cell ({code})',
    'not-a-date': 'not a date: «{raw}» (expected DD.MM.YYYY)',
    'not-yes-no': 'expected «Да» or «Нет»: «{raw}»',
    'rating-out-of-range': 'the rating must be 1 to 5: «{raw}»',
    'bad-duration': 'invalid duration: «{raw}»',
    'duration-format': 'the duration must read h:m:s: «{raw}»',
    'bad-number': 'invalid number',
    'number-missing': 'no number',
    'invalid-number': 'invalid number «{raw}»',
    'date-missing': 'no date',
    'not-a-link': 'not an http(s) link',
  },
);

const rowMessages = defineMessages<ImportRowMessage['kind'] | 'several' | 'unknown'>(
  {
    'row-rejected': '{errors}',
    'value-dropped': '«{field}»: {problem} — значение не загружено',
    'finished-before-received': '«{field}» раньше даты поступления',
    'duplicate-number': 'Номер {number} уже встречался в строке {earlierRow}: загружена последняя строка.',
    'formula-cells': 'В файле {count} ячеек с формулами: загружены их сохранённые значения, формулы не вычислялись.',
    'duplicate-column': 'Столбец «{column}» повторяется: загружен первый из них.',
    several: '; ',
    unknown: 'неизвестное сообщение',
  },
  {
    'row-rejected': '{errors}',
    'value-dropped': '«{field}»: {problem} — value not imported',
    'finished-before-received': '«{field}» is earlier than the date received',
    'duplicate-number': 'Number {number} already appeared in row {earlierRow}: the last row was imported.',
    'formula-cells': 'The file has {count} cells with formulas: their saved values were imported, formulas were not calculated.',
    'duplicate-column': 'Column «{column}» repeats: the first one was imported.',
    several: '; ',
    unknown: 'unknown message',
  },
);

function quotedList(names: readonly unknown[]): string {
  return names.map((n) => `«${String(n)}»`).join(', ');
}

/** A file-level refusal in the chosen language; a legacy sentence (a string) is shown as written. */
export function importFileText(message: ImportFileMessage | string, lang: Locale): string {
  if (typeof message === 'string') return message;
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(message.params ?? {})) {
    if (Array.isArray(value)) params[key] = quotedList(value);
    else if (typeof value === 'number') params[key] = formatNumber(value, 0, lang);
    else params[key] = String(value);
  }
  if (!(message.kind in fileMessages.ru)) return message.kind;
  return translate(fileMessages, lang, message.kind, params);
}

export function valueProblemText(p: ValueProblem, lang: Locale): string {
  if (!(p.kind in problemMessages.ru)) return p.kind;
  return translate(problemMessages, lang, p.kind, p.params as Record<string, string>);
}

function fieldProblemText(f: FieldProblem, lang: Locale): string {
  return `«${f.field}»: ${valueProblemText(f.problem, lang)}`;
}

/** A rejected row's reason or a warning in the chosen language; a legacy sentence is shown as written. */
export function importRowText(message: ImportRowMessage | string, lang: Locale): string {
  if (typeof message === 'string') return message;
  const t = (key: keyof (typeof rowMessages)['ru'], params?: Record<string, string | number>) => translate(rowMessages, lang, key, params);
  switch (message.kind) {
    case 'row-rejected':
      return message.params.errors.map((e) => fieldProblemText(e, lang)).join(t('several'));
    case 'value-dropped':
      return interpolate(rowMessages[lang]['value-dropped'], { field: message.params.field, problem: valueProblemText(message.params.problem, lang) });
    case 'finished-before-received':
      return t('finished-before-received', { field: message.params.field });
    case 'duplicate-number':
      return t('duplicate-number', { number: message.params.number, earlierRow: message.params.earlierRow ?? '?' });
    case 'formula-cells':
      return t('formula-cells', { count: formatNumber(message.params.count, 0, lang) });
    case 'duplicate-column':
      return t('duplicate-column', { column: message.params.column });
    default:
      return t('unknown');
  }
}
