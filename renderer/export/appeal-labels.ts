/**
 * Russian (and English) names of appeal field values, shared by the registry, the appeal card and
 * every export of appeals, so a status reads the same on screen and in the file.
 */
import { defineMessages, translate, type Locale } from '../i18n';
import type { AuthorReaction, Importance, NormalizedStatus, Outcome, SourceKind } from '../../shared/domain/appeal';
import type { InfoRequestKind } from '../../shared/domain/request-terms';

export const STATUS_LABELS = defineMessages<NormalizedStatus>(
  {
    new: 'Новое',
    rejected: 'Отклонено',
    routed: 'Направлено',
    assigned: 'В работе у исполнителя',
    extended: 'Срок продлён',
    answered: 'Дан ответ',
    closed: 'Закрыто',
    postponed: 'Отложено',
    unresolved: 'Не решено',
    other: 'Неизвестный статус',
  },
  {
    new: 'New',
    rejected: 'Rejected',
    routed: 'Routed',
    assigned: 'Assigned',
    extended: 'Extended',
    answered: 'Answered',
    closed: 'Closed',
    postponed: 'Postponed',
    unresolved: 'Unresolved',
    other: 'Unknown status',
  },
);

export const SOURCE_LABELS = defineMessages<SourceKind>(
  {
    pos: 'ПОС',
    im: 'Инцидент Менеджмент',
    letter59: 'Письмо (59-ФЗ)',
    regional: 'Региональная система',
    voice: 'Голосовой канал',
    survey: 'Опрос',
    official: 'Официальная информация органов',
    other: 'Другой источник',
  },
  {
    pos: 'Feedback platform (POS)',
    im: 'Incident Management',
    letter59: 'Letter (59-FZ)',
    regional: 'Regional system',
    voice: 'Voice',
    survey: 'Survey',
    official: 'Official information from bodies',
    other: 'Other source',
  },
);

export function statusLabel(status: NormalizedStatus, lang: Locale = 'ru'): string {
  return translate(STATUS_LABELS, lang, status);
}

export function sourceLabel(source: SourceKind, lang: Locale = 'ru'): string {
  return translate(SOURCE_LABELS, lang, source);
}

/** ИМ «Итог» / ПОС «Тип решения» as the centre counts it. */
export const OUTCOME_LABELS = defineMessages<Outcome>(
  { resolved: 'Решено', unresolved: 'Не решено', postponed: 'Отложено' },
  { resolved: 'Resolved', unresolved: 'Not resolved', postponed: 'Postponed' },
);

/** ИМ «Важность». */
export const IMPORTANCE_LABELS = defineMessages<Importance>(
  { high: 'Высокая', normal: 'Обычная', private: 'Личное сообщение (ЛС)' },
  { high: 'High', normal: 'Normal', private: 'Private message' },
);

/** ИМ «Причина закрытия»: the author's reaction. */
export const REACTION_LABELS = defineMessages<AuthorReaction>(
  { satisfied: 'Автор доволен', neutral: 'Автор нейтрален', dissatisfied: 'Автор недоволен' },
  { satisfied: 'Author satisfied', neutral: 'Author neutral', dissatisfied: 'Author dissatisfied' },
);

/** Data-quality flags set by the importers and the feed. */
export const QUALITY_FLAGS = ['unknown-status', 'unmapped-sector', 'unknown-sector', 'unknown-municipality', 'no-deadline'] as const;
export type QualityFlag = (typeof QUALITY_FLAGS)[number];

export const QUALITY_FLAG_LABELS = defineMessages<QualityFlag>(
  {
    'unknown-status': 'неизвестный статус',
    'unmapped-sector': 'категория не сопоставлена с отраслью',
    'unknown-sector': 'отрасль не из справочника региона',
    'unknown-municipality': 'муниципалитет не определён',
    'no-deadline': 'срок не определён',
  },
  {
    'unknown-status': 'unknown status',
    'unmapped-sector': 'category not mapped to a sector',
    'unknown-sector': 'sector not in the region’s list',
    'unknown-municipality': 'municipality unknown',
    'no-deadline': 'no deadline',
  },
);

/** Kinds of the centre's requests to bodies (shared/domain/request-terms). */
export const INFO_REQUEST_KIND_LABELS = defineMessages<InfoRequestKind>(
  {
    'official-information': 'Официальная информация (3 часа)',
    'quarterly-statistics': 'Квартальная статистика (до 5-го числа)',
    'staff-change': 'Кадровые изменения (5 рабочих дней)',
    'on-request': 'Иная информация (срок по запросу)',
    federal: 'Федеральный запрос (срок по запросу)',
  },
  {
    'official-information': 'Official information (3 hours)',
    'quarterly-statistics': 'Quarterly statistics (by the 5th)',
    'staff-change': 'Staff changes (5 working days)',
    'on-request': 'Other information (term as set)',
    federal: 'Federal request (term as set)',
  },
);

export function outcomeLabel(outcome: Outcome, lang: Locale = 'ru'): string {
  return translate(OUTCOME_LABELS, lang, outcome);
}

export function importanceLabel(importance: Importance, lang: Locale = 'ru'): string {
  return translate(IMPORTANCE_LABELS, lang, importance);
}

export function reactionLabel(reaction: AuthorReaction, lang: Locale = 'ru'): string {
  return translate(REACTION_LABELS, lang, reaction);
}

/** A known flag by its label; a flag this version does not know is shown as it is stored. */
export function qualityFlagLabel(flag: string, lang: Locale = 'ru'): string {
  return (QUALITY_FLAGS as readonly string[]).includes(flag) ? translate(QUALITY_FLAG_LABELS, lang, flag as QualityFlag) : flag;
}

export function infoRequestKindLabel(kind: InfoRequestKind, lang: Locale = 'ru'): string {
  return translate(INFO_REQUEST_KIND_LABELS, lang, kind);
}
