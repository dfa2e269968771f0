/**
 * Deadline engine: the record's own deadline first, otherwise the most specific rule of the rule set
 * (59-ФЗ calendar days with one extension and the move to the next working day; ИМ hours by
 * importance; ПОС fallback in working days; …). Every result carries a Russian explanation.
 */
import type { DeadlineInfo, Importance, Regime, SourceKind } from './appeal';
import type { WorkCalendar } from './calendar';
import type { DeadlineRule, DeadlineRuleSet } from './deadline-rules';
import { formatIsoDay, pluralRu, ruDateTime as formatDateTime } from './ru-text';
import { addCalendarDays, HOUR_MS, isWeekend, regionDay, regionDayEnd, regionTimeOn, weekday } from './time';

export interface DeadlineInput {
  source: SourceKind;
  regime: Regime;
  category?: string | null;
  importance?: Importance | null;
  receivedAt: number;
  registeredAt?: number | null;
  /** Deadline given by the source as a region-local day (ПОС «Дата планируемого завершения работ»). */
  recordDueDay?: string | null;
  /** Deadline given by the source as an instant. */
  recordDueAt?: number | null;
  /** Extension granted, in calendar days (59-ФЗ art. 12.2). */
  extensionDays?: number | null;
  /** New deadline day after an approved extension («Перенос срока обработки утвержден»). */
  extendedDueDay?: string | null;
}

const WEEKDAY_GENITIVE = ['воскресенья', 'понедельника', 'вторника', 'среды', 'четверга', 'пятницы', 'субботы'];
const UNIT_FORMS = {
  'calendar-days': ['календарный день', 'календарных дня', 'календарных дней'],
  'working-days': ['рабочий день', 'рабочих дня', 'рабочих дней'],
  hours: ['час', 'часа', 'часов'],
  'working-hours': ['рабочий час', 'рабочих часа', 'рабочих часов'],
} as const;
const DAY_FORMS = ['день', 'дня', 'дней'] as const;

function amountText(amount: number, unit: DeadlineRule['unit']): string {
  const shown = Number.isInteger(amount) ? String(amount) : String(amount).replace('.', ',');
  return `${shown} ${Number.isInteger(amount) ? pluralRu(amount, UNIT_FORMS[unit]) : UNIT_FORMS[unit][1]}`;
}

function specificity(rule: DeadlineRule): number {
  return Object.values(rule.match).filter((v) => v !== undefined).length;
}

/** The most specific matching rule; among equals the earlier one (a region's overrides come first). */
export function selectDeadlineRule(rules: DeadlineRuleSet, input: Pick<DeadlineInput, 'source' | 'regime' | 'category' | 'importance'>): DeadlineRule | null {
  let best: DeadlineRule | null = null;
  for (const rule of rules.rules) {
    const m = rule.match;
    if (m.source !== undefined && m.source !== input.source) continue;
    if (m.regime !== undefined && m.regime !== input.regime) continue;
    if (m.category !== undefined && m.category.toLowerCase() !== (input.category ?? '').toLowerCase()) continue;
    if (m.importance !== undefined && m.importance !== input.importance) continue;
    if (!best || specificity(rule) > specificity(best)) best = rule;
  }
  return best;
}

/** Moves a non-working day to the next working day; says from what kind of day it moved. */
function moveToWorkingDay(day: string, calendar: WorkCalendar): { day: string; note: string | null } {
  if (calendar.isWorkingDay(day)) return { day, note: null };
  const target = calendar.nextWorkingDay(day);
  const from = calendar.dayKind(day) === 'weekend' && isWeekend(day) ? WEEKDAY_GENITIVE[weekday(day)] : `нерабочего дня ${formatIsoDay(day)}`;
  return { day: target, note: `перенесено с ${from} на ${formatIsoDay(target)}` };
}

/** Instant after `hours` of working time from `start` (working days of the calendar, working hours of the rule set). */
export function addWorkingHours(start: number, hours: number, calendar: WorkCalendar, timeZone: string, workingHours: DeadlineRuleSet['workingHours']): number {
  let remaining = hours * HOUR_MS;
  let day = regionDay(start, timeZone);
  // Ten years of days is far beyond any rule; the bound only protects against an all-holiday calendar.
  for (let i = 0; i < 3660; i += 1, day = addCalendarDays(day, 1)) {
    if (!calendar.isWorkingDay(day)) continue;
    const end = workingHours.endMinutes - (calendar.isShortened(day) ? workingHours.shortenedByMinutes : 0);
    const open = Math.max(regionTimeOn(day, workingHours.startMinutes, timeZone), start);
    const close = regionTimeOn(day, end, timeZone);
    if (close <= open) continue;
    if (close - open >= remaining) return open + remaining;
    remaining -= close - open;
  }
  throw new RangeError('Рабочие часы не найдены в календаре');
}

interface DayDue {
  dueDay: string;
  text: string;
}

function dayBasedDue(rule: DeadlineRule, startDay: string, rules: DeadlineRuleSet, calendar: WorkCalendar): DayDue {
  const base = `${amountText(rule.amount, rule.unit)} с ${formatIsoDay(startDay)}`;
  if (rule.unit === 'working-days') {
    const dueDay = calendar.addWorkingDays(startDay, Math.ceil(rule.amount));
    return { dueDay, text: `${base}: до ${formatIsoDay(dueDay)}` };
  }
  const raw = addCalendarDays(startDay, Math.ceil(rule.amount));
  const move = rule.moveToNextWorkingDay ?? rules.moveToNextWorkingDay;
  const moved = move ? moveToWorkingDay(raw, calendar) : { day: raw, note: null };
  return { dueDay: moved.day, text: moved.note ? `${base}, ${moved.note}` : `${base}: до ${formatIsoDay(raw)}` };
}

/**
 * Deadline of a record, or null when neither the record nor any rule gives one (a data-quality
 * issue the caller reports). Days are region-local; a deadline «до DD.MM» lasts to the end of that day.
 */
export function computeDeadline(input: DeadlineInput, rules: DeadlineRuleSet, calendar: WorkCalendar, timeZone: string): DeadlineInfo | null {
  const recordDue = input.recordDueAt ?? (input.recordDueDay ? regionDayEnd(input.recordDueDay, timeZone) : null);
  if (rules.useRecordDeadline && recordDue !== null) {
    let explanation = `срок из источника: до ${input.recordDueDay ? formatIsoDay(input.recordDueDay) : formatDateTime(recordDue, timeZone)}`;
    if (input.extendedDueDay) {
      explanation += `, продлён до ${formatIsoDay(input.extendedDueDay)}`;
      return { dueAt: regionDayEnd(input.extendedDueDay, timeZone), originalDueAt: recordDue, ruleId: 'record', ruleVersion: rules.version, explanation, hourBased: false };
    }
    return { dueAt: recordDue, originalDueAt: null, ruleId: 'record', ruleVersion: rules.version, explanation, hourBased: false };
  }

  const rule = selectDeadlineRule(rules, input);
  if (!rule) return null;
  const start = rule.from === 'registered' ? (input.registeredAt ?? input.receivedAt) : input.receivedAt;
  const prefix = `${rule.label}: `;

  if (rule.unit === 'hours' || rule.unit === 'working-hours') {
    const dueAt =
      rule.unit === 'hours' ? start + rule.amount * HOUR_MS : addWorkingHours(start, rule.amount, calendar, timeZone, rules.workingHours);
    const explanation = `${prefix}${amountText(rule.amount, rule.unit)} с ${formatDateTime(start, timeZone)}: до ${formatDateTime(dueAt, timeZone)}`;
    return { dueAt, originalDueAt: null, ruleId: rule.id, ruleVersion: rules.version, explanation, hourBased: true };
  }

  const startDay = regionDay(start, timeZone);
  const due = dayBasedDue(rule, startDay, rules, calendar);
  let explanation = prefix + due.text;
  let dueAt = regionDayEnd(due.dueDay, timeZone);
  let originalDueAt: number | null = null;

  if (input.extendedDueDay) {
    originalDueAt = dueAt;
    dueAt = regionDayEnd(input.extendedDueDay, timeZone);
    explanation += `; продлено до ${formatIsoDay(input.extendedDueDay)}`;
  } else if (input.extensionDays && input.extensionDays > 0 && rule.maxExtensionDays > 0) {
    const days = Math.min(Math.ceil(input.extensionDays), rule.maxExtensionDays);
    const raw = addCalendarDays(due.dueDay, days);
    const move = rule.moveToNextWorkingDay ?? rules.moveToNextWorkingDay;
    const moved = move ? moveToWorkingDay(raw, calendar) : { day: raw, note: null };
    originalDueAt = dueAt;
    dueAt = regionDayEnd(moved.day, timeZone);
    explanation += `; продлено на ${days} ${pluralRu(days, DAY_FORMS)}`;
    if (days < input.extensionDays) explanation += ` (запрошено ${input.extensionDays}, допускается не более ${rule.maxExtensionDays})`;
    explanation += moved.note ? `, ${moved.note}` : ` — до ${formatIsoDay(raw)}`;
  }
  return { dueAt, originalDueAt, ruleId: rule.id, ruleVersion: rules.version, explanation, hourBased: false };
}
