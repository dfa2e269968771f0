/**
 * Deadline engine: the record's own deadline first, otherwise the most specific rule of the rule set
 * (59-ФЗ calendar days with one extension and the move to the next working day; ИМ hours by
 * importance; ПОС fallback in working days; …). Every result carries an explanation `{ kind, params }`
 * (deadline-explanation.ts) that the interface renders in its language.
 */
import type { DeadlineInfo, Importance, Regime, SourceKind } from './appeal';
import type { WorkCalendar } from './calendar';
import type { DeadlineExtension, DeadlineExplanation, MovedDay } from './deadline-explanation';
import type { DeadlineRule, DeadlineRuleSet } from './deadline-rules';
import { addCalendarDays, HOUR_MS, isWeekend, regionDay, regionDayEnd, regionTimeOn } from './time';

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
function moveToWorkingDay(day: string, calendar: WorkCalendar): { day: string; moved: MovedDay | null } {
  if (calendar.isWorkingDay(day)) return { day, moved: null };
  const target = calendar.nextWorkingDay(day);
  return { day: target, moved: { fromDay: day, toDay: target, weekend: calendar.dayKind(day) === 'weekend' && isWeekend(day) } };
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
  moved: MovedDay | null;
}

function dayBasedDue(rule: DeadlineRule, startDay: string, rules: DeadlineRuleSet, calendar: WorkCalendar): DayDue {
  if (rule.unit === 'working-days') return { dueDay: calendar.addWorkingDays(startDay, Math.ceil(rule.amount)), moved: null };
  const raw = addCalendarDays(startDay, Math.ceil(rule.amount));
  const move = rule.moveToNextWorkingDay ?? rules.moveToNextWorkingDay;
  const moved = move ? moveToWorkingDay(raw, calendar) : { day: raw, moved: null };
  return { dueDay: moved.day, moved: moved.moved };
}

/**
 * Deadline of a record, or null when neither the record nor any rule gives one (a data-quality
 * issue the caller reports). Days are region-local; a deadline «до DD.MM» lasts to the end of that day.
 */
export function computeDeadline(input: DeadlineInput, rules: DeadlineRuleSet, calendar: WorkCalendar, timeZone: string): DeadlineInfo | null {
  const recordDue = input.recordDueAt ?? (input.recordDueDay ? regionDayEnd(input.recordDueDay, timeZone) : null);
  if (rules.useRecordDeadline && recordDue !== null) {
    const explanation: DeadlineExplanation = {
      kind: 'source',
      params: { dueDay: input.recordDueDay ?? null, dueAt: recordDue, extendedDay: input.extendedDueDay ?? null },
    };
    if (input.extendedDueDay) {
      return { dueAt: regionDayEnd(input.extendedDueDay, timeZone), originalDueAt: recordDue, ruleId: 'record', ruleVersion: rules.version, explanation, hourBased: false };
    }
    return { dueAt: recordDue, originalDueAt: null, ruleId: 'record', ruleVersion: rules.version, explanation, hourBased: false };
  }

  const rule = selectDeadlineRule(rules, input);
  if (!rule) return null;
  const start = rule.from === 'registered' ? (input.registeredAt ?? input.receivedAt) : input.receivedAt;
  const ruleRef = { ruleId: rule.id, ruleLabel: rule.label, amount: rule.amount };

  if (rule.unit === 'hours' || rule.unit === 'working-hours') {
    const dueAt =
      rule.unit === 'hours' ? start + rule.amount * HOUR_MS : addWorkingHours(start, rule.amount, calendar, timeZone, rules.workingHours);
    const explanation: DeadlineExplanation = { kind: 'rule-hours', params: { ...ruleRef, unit: rule.unit, startAt: start, dueAt } };
    return { dueAt, originalDueAt: null, ruleId: rule.id, ruleVersion: rules.version, explanation, hourBased: true };
  }

  const startDay = regionDay(start, timeZone);
  const due = dayBasedDue(rule, startDay, rules, calendar);
  let dueAt = regionDayEnd(due.dueDay, timeZone);
  let originalDueAt: number | null = null;
  let extension: DeadlineExtension | null = null;

  if (input.extendedDueDay) {
    originalDueAt = dueAt;
    dueAt = regionDayEnd(input.extendedDueDay, timeZone);
    extension = { kind: 'to-day', day: input.extendedDueDay };
  } else if (input.extensionDays && input.extensionDays > 0 && rule.maxExtensionDays > 0) {
    const days = Math.min(Math.ceil(input.extensionDays), rule.maxExtensionDays);
    const raw = addCalendarDays(due.dueDay, days);
    const move = rule.moveToNextWorkingDay ?? rules.moveToNextWorkingDay;
    const moved = move ? moveToWorkingDay(raw, calendar) : { day: raw, moved: null };
    originalDueAt = dueAt;
    dueAt = regionDayEnd(moved.day, timeZone);
    extension = { kind: 'by-days', days, requested: input.extensionDays, maxDays: rule.maxExtensionDays, rawDay: raw, moved: moved.moved };
  }
  const explanation: DeadlineExplanation = {
    kind: 'rule-days',
    params: { ...ruleRef, unit: rule.unit, startDay, dueDay: due.dueDay, moved: due.moved, extension },
  };
  return { dueAt, originalDueAt, ruleId: rule.id, ruleVersion: rules.version, explanation, hourBased: false };
}
