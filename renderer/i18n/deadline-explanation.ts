/**
 * How a deadline was obtained (shared/domain/deadline-explanation.ts), as a sentence in Russian or
 * English: «59-ФЗ: 30 календарных дней с 14.03.2025, перенесено с воскресенья на 14.04.2025» /
 * «59-FZ: 30 calendar days from 14.03.2025, moved from Sunday to 14.04.2025». A sentence stored
 * before explanations had kinds (or a feed's own text) is shown as written.
 */
import type { DeadlineExplanation, DeadlineExtension, MovedDay } from '../../shared/domain/deadline-explanation';
import { DEFAULT_DEADLINE_RULES } from '../../shared/domain/deadline-rules';
import { weekday } from '../../shared/domain/time';
import { formatDateTime, formatIsoDay, pluralRu, type Locale } from '../../shared/format/ru';
import { defineMessages, translate } from './index';

const explanationMessages = defineMessages(
  {
    source: 'срок из источника: до {due}',
    sourceExtended: ', продлён до {day}',
    posPlanned: 'Срок из выгрузки ПОС: {day}',
    register: 'Срок из реестра: {day}',
    registerExtended: ', продлён до {day}',
    ruleFrom: '{rule}: {amount} с {start}',
    until: ': до {due}',
    moved: ', перенесено с {from} на {to}',
    movedFromHoliday: 'нерабочего дня {day}',
    extendedTo: '; продлено до {day}',
    extendedBy: '; продлено на {days}',
    extensionCapped: ' (запрошено {requested}, допускается не более {max})',
    extendedUntil: ' — до {day}',
  },
  {
    source: 'deadline from the source: until {due}',
    sourceExtended: ', extended to {day}',
    posPlanned: 'Deadline from the ПОС export: {day}',
    register: 'Deadline from the register: {day}',
    registerExtended: ', extended to {day}',
    ruleFrom: '{rule}: {amount} from {start}',
    until: ': until {due}',
    moved: ', moved from {from} to {to}',
    movedFromHoliday: 'the non-working day {day}',
    extendedTo: '; extended to {day}',
    extendedBy: '; extended by {days}',
    extensionCapped: ' (requested {requested}, at most {max} allowed)',
    extendedUntil: ' — until {day}',
  },
);

type Key = keyof (typeof explanationMessages)['ru'];

const WEEKDAY_FROM = {
  ru: ['воскресенья', 'понедельника', 'вторника', 'среды', 'четверга', 'пятницы', 'субботы'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
} as const;

const UNITS = {
  ru: {
    'calendar-days': ['календарный день', 'календарных дня', 'календарных дней'],
    'working-days': ['рабочий день', 'рабочих дня', 'рабочих дней'],
    hours: ['час', 'часа', 'часов'],
    'working-hours': ['рабочий час', 'рабочих часа', 'рабочих часов'],
    days: ['день', 'дня', 'дней'],
  },
  en: {
    'calendar-days': ['calendar day', 'calendar days'],
    'working-days': ['working day', 'working days'],
    hours: ['hour', 'hours'],
    'working-hours': ['working hour', 'working hours'],
    days: ['day', 'days'],
  },
} as const;

type Unit = keyof (typeof UNITS)['ru'];

/** English names of the product's default rules; a region's own rule keeps the label it was given. */
const RULE_LABELS_EN: Readonly<Record<string, string>> = {
  fz59: '59-FZ',
  letter59: '59-FZ (letter)',
  'im-high': 'Incident Management, importance «High»',
  'im-normal': 'Incident Management, importance «Normal»',
  'im-private': 'Incident Management, private message («ЛС»)',
  im: 'Incident Management, importance not given',
  pos: 'ПОС, message',
  default: 'default term',
};

/** A deadline rule's name in the chosen language. */
export function ruleLabel(ruleId: string, label: string, lang: Locale): string {
  if (lang === 'ru') return label;
  const isDefault = DEFAULT_DEADLINE_RULES.rules.some((r) => r.id === ruleId && r.label === label);
  return isDefault ? (RULE_LABELS_EN[ruleId] ?? label) : label;
}

function amountText(amount: number, unit: Unit, lang: Locale): string {
  const whole = Number.isInteger(amount);
  if (lang === 'en') {
    const forms = UNITS.en[unit];
    return `${amount} ${whole && amount === 1 ? forms[0] : forms[1]}`;
  }
  const forms = UNITS.ru[unit];
  return `${whole ? amount : String(amount).replace('.', ',')} ${whole ? pluralRu(amount, forms) : forms[1]}`;
}

export function deadlineExplanationText(explanation: DeadlineExplanation | string, lang: Locale, timeZone: string): string {
  if (typeof explanation === 'string') return explanation;
  const t = (key: Key, params?: Record<string, string | number>) => translate(explanationMessages, lang, key, params);
  const moved = (m: MovedDay | null) =>
    m ? t('moved', { from: m.weekend ? WEEKDAY_FROM[lang][weekday(m.fromDay)]! : t('movedFromHoliday', { day: formatIsoDay(m.fromDay) }), to: formatIsoDay(m.toDay) }) : null;
  const extension = (e: DeadlineExtension | null) => {
    if (!e) return '';
    if (e.kind === 'to-day') return t('extendedTo', { day: formatIsoDay(e.day) });
    let text = t('extendedBy', { days: amountText(e.days, 'days', lang) });
    if (e.days < e.requested) text += t('extensionCapped', { requested: e.requested, max: e.maxDays });
    return text + (moved(e.moved) ?? t('extendedUntil', { day: formatIsoDay(e.rawDay) }));
  };
  switch (explanation.kind) {
    case 'source': {
      const { dueDay, dueAt, extendedDay } = explanation.params;
      const due = dueDay ? formatIsoDay(dueDay) : formatDateTime(dueAt, timeZone, lang);
      return t('source', { due }) + (extendedDay ? t('sourceExtended', { day: formatIsoDay(extendedDay) }) : '');
    }
    case 'pos-planned':
      return t('posPlanned', { day: formatIsoDay(explanation.params.day) });
    case 'register': {
      const { day, extendedDay } = explanation.params;
      return t('register', { day: formatIsoDay(day) }) + (extendedDay ? t('registerExtended', { day: formatIsoDay(extendedDay) }) : '');
    }
    case 'rule-hours': {
      const r = explanation.params;
      const head = t('ruleFrom', { rule: ruleLabel(r.ruleId, r.ruleLabel, lang), amount: amountText(r.amount, r.unit, lang), start: formatDateTime(r.startAt, timeZone, lang) });
      return head + t('until', { due: formatDateTime(r.dueAt, timeZone, lang) });
    }
    case 'rule-days': {
      const r = explanation.params;
      const head = t('ruleFrom', { rule: ruleLabel(r.ruleId, r.ruleLabel, lang), amount: amountText(r.amount, r.unit, lang), start: formatIsoDay(r.startDay) });
      return head + (moved(r.moved) ?? t('until', { due: formatIsoDay(r.dueDay) })) + extension(r.extension);
    }
    default:
      return '';
  }
}
