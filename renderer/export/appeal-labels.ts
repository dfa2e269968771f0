/**
 * Russian (and English) names of appeal field values, shared by the registry, the appeal card and
 * every export of appeals, so a status reads the same on screen and in the file.
 */
import { defineMessages, translate, type Locale } from '../i18n';
import type { NormalizedStatus, SourceKind } from '../../shared/domain/appeal';

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
    official: 'Официальный канал',
    other: 'Другой источник',
  },
  {
    pos: 'Feedback platform (POS)',
    im: 'Incident Management',
    letter59: 'Letter (59-FZ)',
    regional: 'Regional system',
    voice: 'Voice',
    survey: 'Survey',
    official: 'Official channel',
    other: 'Other source',
  },
);

export function statusLabel(status: NormalizedStatus, lang: Locale = 'ru'): string {
  return translate(STATUS_LABELS, lang, status);
}

export function sourceLabel(source: SourceKind, lang: Locale = 'ru'): string {
  return translate(SOURCE_LABELS, lang, source);
}
