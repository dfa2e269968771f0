/** A file-level failure: the whole file is refused with a Russian message and nothing is written. */
export type ImportErrorCode =
  | 'empty'
  | 'not-spreadsheet'
  | 'encrypted'
  | 'xls'
  | 'corrupt'
  | 'zip-bomb'
  | 'too-large'
  | 'too-many-rows'
  | 'no-header'
  | 'no-rows'
  | 'missing-columns'
  | 'duplicate-columns'
  | 'csv-quotes'
  | 'cancelled'
  | 'write-failed';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    /** Russian, for the person importing. */
    readonly userMessage: string,
  ) {
    super(userMessage);
    this.name = 'ImportError';
  }
}

export const LIMITS = {
  /** Bigger files are refused before reading: split the export by period. */
  maxFileBytes: 100 * 1024 * 1024,
  maxRows: 300_000,
  /** Zip bomb guards for XLSX: entries, total inflated bytes, and inflation ratio of big entries. */
  maxZipEntries: 2_000,
  maxInflatedBytes: 1536 * 1024 * 1024,
  maxInflateRatio: 150,
  ratioCheckAboveBytes: 8 * 1024 * 1024,
  maxSharedStringChars: 200_000_000,
  /** A quoted CSV cell longer than this is an unclosed quote, not data. */
  maxCsvRecordChars: 1_000_000,
} as const;

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} МБ`;
}

export const importErrors = {
  empty: () => new ImportError('empty', 'Файл пустой.'),
  notSpreadsheet: () =>
    new ImportError('not-spreadsheet', 'Это не таблица: поддерживаются файлы XLSX и CSV (выгрузки ПОС, Инцидент Менеджмента, реестр 59-ФЗ).'),
  encrypted: () =>
    new ImportError('encrypted', 'Файл защищён паролем. Откройте его в Excel, снимите пароль (Файл → Сведения → Защита книги) и сохраните заново.'),
  xls: () => new ImportError('xls', 'Старый формат Excel 97–2003 (.xls) не поддерживается. Сохраните файл как XLSX или CSV.'),
  corrupt: (detail: string) => new ImportError('corrupt', `Файл XLSX повреждён и не читается (${detail}).`),
  zipBomb: () =>
    new ImportError('zip-bomb', 'Файл XLSX распаковывается в подозрительно большой объём данных и отклонён ради безопасности.'),
  tooLarge: (bytes: number) =>
    new ImportError('too-large', `Файл слишком большой (${mb(bytes)}). Предел — ${mb(LIMITS.maxFileBytes)}: выгрузите данные за меньший период.`),
  tooManyRows: () =>
    new ImportError('too-many-rows', `В файле больше ${LIMITS.maxRows.toLocaleString('ru-RU')} строк. Разделите выгрузку по периодам.`),
  noHeader: () =>
    new ImportError('no-header', 'Не найдена строка заголовков: в первых строках нет названий столбцов выгрузки ПОС, Инцидент Менеджмента или реестра 59-ФЗ.'),
  noRows: () => new ImportError('no-rows', 'В файле есть заголовки, но нет ни одной строки данных.'),
  missingColumns: (names: string[]) =>
    new ImportError('missing-columns', `Нет обязательных столбцов: ${names.map((n) => `«${n}»`).join(', ')}.`),
  duplicateColumns: (names: string[]) =>
    new ImportError(
      'duplicate-columns',
      `Столбцы повторяются: ${names.map((n) => `«${n}»`).join(', ')}. Непонятно, какой из них загружать — оставьте один или укажите столбец вручную.`,
    ),
  csvQuotes: (row: number) =>
    new ImportError('csv-quotes', `CSV повреждён: незакрытая кавычка около записи ${row}.`),
  cancelled: () => new ImportError('cancelled', 'Импорт отменён. Данные не изменены.'),
} as const;
