/**
 * An appeal's deadline state right now, in words and a meaning colour («просрочено на 3 дня» in
 * red, «осталось 5 ч» in amber): shared by the registry, the appeal card and exports.
 */
import type { Appeal } from '../../shared/domain/appeal';
import { formatNumber, pluralRu, type Locale } from '../../shared/format/ru';
import { heldDueAt } from '../../shared/domain/postponement';
import { isOpenStatus } from '../../shared/domain/status';
import { defineMessages, translate } from '../i18n';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const messages = defineMessages(
  {
    overdueBy: 'просрочено на {time}',
    dueIn: 'осталось {time}',
    onTime: 'ответ в срок',
    late: 'ответ с нарушением срока',
    noDeadline: 'без срока',
    closed: 'срок не контролируется',
    postponedNoDate: 'отложено, новый срок не указан',
    day1: 'день',
    day2: 'дня',
    day5: 'дней',
    hours: '{hours} ч',
  },
  {
    overdueBy: 'overdue by {time}',
    dueIn: '{time} left',
    onTime: 'answered on time',
    late: 'answered late',
    noDeadline: 'no deadline',
    closed: 'deadline not tracked',
    postponedNoDate: 'postponed, no new date given',
    day1: 'day',
    day2: 'days',
    day5: 'days',
    hours: '{hours} h',
  },
);

export type DeadlineTone = 'overdue' | 'risk' | 'ok' | 'neutral';

type Row = Pick<Appeal, 'deadline' | 'answeredAt' | 'status' | 'outcome'>;

export function deadlineStateOf(row: Row, now: number, lang: Locale): { text: string; tone: DeadlineTone } {
  const t = (key: keyof (typeof messages)['ru'], params?: Record<string, string | number>) => translate(messages, lang, key, params);
  const span = (ms: number) => {
    if (ms < DAY_MS) return t('hours', { hours: formatNumber(Math.max(1, Math.floor(ms / HOUR_MS)), 0, lang) });
    const days = Math.floor(ms / DAY_MS);
    return `${formatNumber(days, 0, lang)} ${pluralRu(days, [t('day1'), t('day2'), t('day5')])}`;
  };
  if (row.deadline === null) return { text: t('noDeadline'), tone: 'neutral' };
  if (isOpenStatus(row.status)) {
    // A postponed appeal is held only to its new date (shared/domain/postponement).
    const dueAt = heldDueAt(row);
    if (dueAt === null) return { text: t('postponedNoDate'), tone: 'neutral' };
    const left = dueAt - now;
    if (left < 0) return { text: t('overdueBy', { time: span(-left) }), tone: 'overdue' };
    const atRisk = row.deadline.hourBased ? left < 3 * HOUR_MS : left < 3 * DAY_MS;
    return { text: t('dueIn', { time: span(left) }), tone: atRisk ? 'risk' : 'neutral' };
  }
  if (row.answeredAt !== null) return row.answeredAt <= row.deadline.dueAt ? { text: t('onTime'), tone: 'ok' } : { text: t('late'), tone: 'overdue' };
  return { text: t('closed'), tone: 'neutral' };
}
