/**
 * Runtime validation of the Appeal record (imports, feed, IPC) with precise Russian messages:
 * «Дата поступления» (receivedAt): ожидалось целое число, получено строка «12.03.2025».
 */
import { z } from 'zod';
import { deadlineExplanationSchema } from './deadline-explanation';
import {
  AUTHOR_REACTIONS,
  IMPORTANCES,
  NORMALIZED_STATUSES,
  OUTCOMES,
  REGIMES,
  SOURCE_KINDS,
  type Appeal,
} from './appeal';

/** Plausible range of instants: anything outside is a unit or parsing mistake (seconds vs ms, 1970). */
export const MIN_INSTANT = Date.UTC(2000, 0, 1);
export const MAX_INSTANT = Date.UTC(2100, 0, 1);

const EXPECTED: Record<string, string> = {
  string: 'строка',
  number: 'число',
  int: 'целое число',
  boolean: 'логическое значение (true/false)',
  array: 'список',
  object: 'объект',
  null: 'null',
};

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (typeof input === 'string') return `строка «${input.length > 40 ? `${input.slice(0, 40)}…` : input}»`;
  if (typeof input === 'number') return Number.isNaN(input) ? 'NaN' : `число ${input}`;
  if (typeof input === 'boolean') return `логическое значение ${input}`;
  if (Array.isArray(input)) return 'список';
  return typeof input === 'object' ? 'объект' : typeof input;
}

interface IssueLike {
  code?: string;
  expected?: string;
  input?: unknown;
  values?: readonly unknown[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
}

function issueText(iss: IssueLike, instant: boolean): string {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'поле обязательно';
      return `ожидалось ${EXPECTED[iss.expected ?? ''] ?? iss.expected}, получено ${describe(iss.input)}`;
    case 'invalid_value':
      return `недопустимое значение ${describe(iss.input)}; допустимо: ${(iss.values ?? []).join(', ')}`;
    case 'too_small':
    case 'too_big': {
      if (instant) return 'дата вне допустимого диапазона (2000–2100 гг., миллисекунды от 1970 г.)';
      const bound = iss.code === 'too_small' ? iss.minimum : iss.maximum;
      if (iss.origin === 'string') return iss.code === 'too_small' && bound === 1 ? 'не может быть пустым' : `длина не ${iss.code === 'too_small' ? 'меньше' : 'больше'} ${bound}`;
      if (iss.origin === 'array') return `элементов не ${iss.code === 'too_small' ? 'меньше' : 'больше'} ${bound}`;
      return `значение не ${iss.code === 'too_small' ? 'меньше' : 'больше'} ${bound}`;
    }
    case 'invalid_format':
      return 'неверный формат';
    default:
      return 'неверное значение';
  }
}

/** Zod error option producing «Метка» (field): reason. */
function ru(label: string, field: string, instant = false) {
  return { error: (iss: IssueLike) => `«${label}» (${field}): ${issueText(iss, instant)}` };
}

const str = (label: string, field: string) => z.string(ru(label, field));
const nonEmpty = (label: string, field: string) => z.string(ru(label, field)).min(1, ru(label, field));
const instant = (label: string, field: string) =>
  z.number(ru(label, field, true)).int(ru(label, field, true)).min(MIN_INSTANT, ru(label, field, true)).max(MAX_INSTANT, ru(label, field, true));
const bool = (label: string, field: string) => z.boolean(ru(label, field));

export const personalDataSchema = z.object(
  {
    fullName: str('ФИО заявителя', 'personal.fullName').nullable(),
    phone: str('Телефон заявителя', 'personal.phone').nullable(),
    email: str('E-mail заявителя', 'personal.email').nullable(),
    address: str('Адрес заявителя', 'personal.address').nullable(),
    applicantKey: str('Ключ заявителя', 'personal.applicantKey').nullable(),
  },
  ru('Персональные данные', 'personal'),
);

export const deadlineInfoSchema = z.object(
  {
    dueAt: instant('Срок', 'deadline.dueAt'),
    originalDueAt: instant('Срок до продления', 'deadline.originalDueAt').nullable(),
    ruleId: nonEmpty('Правило срока', 'deadline.ruleId'),
    ruleVersion: z.number(ru('Версия правил', 'deadline.ruleVersion')).int(ru('Версия правил', 'deadline.ruleVersion')).positive(ru('Версия правил', 'deadline.ruleVersion')),
    explanation: deadlineExplanationSchema,
    hourBased: bool('Срок в часах', 'deadline.hourBased'),
  },
  ru('Срок', 'deadline'),
);

export const importOriginSchema = z.object(
  {
    batchId: nonEmpty('Пакет импорта', 'import.batchId'),
    fileName: str('Файл импорта', 'import.fileName'),
    row: z.number(ru('Строка файла', 'import.row')).int(ru('Строка файла', 'import.row')).nonnegative(ru('Строка файла', 'import.row')),
  },
  ru('Происхождение', 'import'),
);

const appealObjectSchema = z.object(
  {
    id: nonEmpty('Идентификатор', 'id'),
    source: z.enum(SOURCE_KINDS, ru('Источник', 'source')),
    externalId: nonEmpty('Номер в источнике', 'externalId'),
    secondaryId: str('Номер ЕПГУ', 'secondaryId').nullable(),
    channel: str('Канал', 'channel').nullable(),
    regime: z.enum(REGIMES, ru('Режим', 'regime')),
    receivedAt: instant('Дата поступления', 'receivedAt'),
    registeredAt: instant('Дата регистрации', 'registeredAt').nullable(),
    deadline: deadlineInfoSchema.nullable(),
    answeredAt: instant('Дата ответа', 'answeredAt').nullable(),
    closedAt: instant('Дата закрытия', 'closedAt').nullable(),
    stage: str('Стадия', 'stage').nullable(),
    statusRaw: str('Статус в источнике', 'statusRaw'),
    status: z.enum(NORMALIZED_STATUSES, ru('Статус', 'status')),
    platformOverdue: bool('Просрочено (платформа)', 'platformOverdue').nullable(),
    fastTrack: bool('Фаст-трек', 'fastTrack'),
    resolutionType: str('Тип решения', 'resolutionType').nullable(),
    outcome: z.enum(OUTCOMES, ru('Итог', 'outcome')).nullable(),
    importance: z.enum(IMPORTANCES, ru('Важность', 'importance')).nullable(),
    answerHours: z.number(ru('Время до ответа, ч', 'answerHours')).nonnegative(ru('Время до ответа, ч', 'answerHours')).nullable(),
    rating: z.number(ru('Оценка', 'rating')).int(ru('Оценка', 'rating')).min(1, ru('Оценка', 'rating')).max(5, ru('Оценка', 'rating')).nullable(),
    reaction: z.enum(AUTHOR_REACTIONS, ru('Реакция автора', 'reaction')).nullable(),
    isRepeat: bool('Повторное', 'isRepeat'),
    originalId: str('Первичное обращение', 'originalId').nullable(),
    category: str('Категория', 'category').nullable(),
    subcategory: str('Подкатегория', 'subcategory').nullable(),
    fact: str('Факт', 'fact').nullable(),
    sector: nonEmpty('Отраслевой блок', 'sector'),
    sectorMapped: bool('Блок сопоставлен', 'sectorMapped'),
    orgReceived: str('Организация (поступило)', 'orgReceived').nullable(),
    orgCurrent: str('Организация (находится)', 'orgCurrent').nullable(),
    municipality: str('Муниципалитет', 'municipality').nullable(),
    settlement: str('Населённый пункт', 'settlement').nullable(),
    address: str('Адрес', 'address').nullable(),
    lat: z.number(ru('Широта', 'lat')).min(-90, ru('Широта', 'lat')).max(90, ru('Широта', 'lat')).nullable(),
    lon: z.number(ru('Долгота', 'lon')).min(-180, ru('Долгота', 'lon')).max(180, ru('Долгота', 'lon')).nullable(),
    executor: str('Исполнитель', 'executor').nullable(),
    text: str('Текст', 'text'),
    url: str('Ссылка', 'url').nullable(),
    tags: z.array(str('Теги', 'tags'), ru('Теги', 'tags')),
    personal: personalDataSchema.nullable(),
    updatedAt: instant('Дата изменения', 'updatedAt'),
    import: importOriginSchema.nullable(),
    qualityFlags: z.array(str('Флаги качества', 'qualityFlags'), ru('Флаги качества', 'qualityFlags')),
  },
  { error: (iss: IssueLike) => `Запись обращения: ${iss.input === undefined ? 'отсутствует' : `ожидался объект, получено ${describe(iss.input)}`}` },
);

/** The Appeal record schema, with cross-field checks. */
export const appealSchema: z.ZodType<Appeal> = appealObjectSchema.superRefine((a, ctx) => {
  if (a.id !== `${a.source}:${a.externalId}`) {
    ctx.addIssue({ code: 'custom', path: ['id'], message: `«Идентификатор» (id): должен быть «${a.source}:${a.externalId}», получено «${a.id}»` });
  }
  for (const [field, label] of [['registeredAt', 'Дата регистрации'], ['answeredAt', 'Дата ответа'], ['closedAt', 'Дата закрытия']] as const) {
    const value = a[field];
    if (value !== null && value < a.receivedAt) {
      ctx.addIssue({ code: 'custom', path: [field], message: `«${label}» (${field}): раньше даты поступления` });
    }
  }
  if (a.deadline && a.deadline.originalDueAt !== null && a.deadline.originalDueAt > a.deadline.dueAt) {
    ctx.addIssue({ code: 'custom', path: ['deadline', 'originalDueAt'], message: '«Срок до продления» (deadline.originalDueAt): позже продлённого срока' });
  }
}) as z.ZodType<Appeal>;

export interface ValidationIssue {
  /** Dotted path, e.g. `deadline.dueAt`. */
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; appeal: Appeal } | { ok: false; errors: ValidationIssue[] };

/** Validates an unknown value as an Appeal; every problem is listed, not only the first. */
export function validateAppeal(value: unknown): ValidationResult {
  const result = appealSchema.safeParse(value);
  if (result.success) return { ok: true, appeal: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })) };
}

/** One line per problem, for logs and the import report. */
export function formatValidationErrors(errors: readonly ValidationIssue[]): string {
  return errors.map((e) => e.message).join('\n');
}
