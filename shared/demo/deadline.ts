/**
 * Deadlines of simulated appeals, produced by the domain deadline engine exactly as for real
 * records: ПОС carries its own planned completion day (the platform's deadline), other sources get
 * theirs from the rule set (59-ФЗ calendar days with extension, ИМ hours by importance, defaults).
 */
import type { DeadlineInfo } from '../domain/appeal';
import { workCalendar } from '../domain/calendar';
import { computeDeadline, type DeadlineInput } from '../domain/deadline';
import { DEFAULT_DEADLINE_RULES, withOverrides, type DeadlineRuleSet } from '../domain/deadline-rules';
import { addCalendarDays, regionDay } from '../domain/time';
import type { DemoCore, DemoModel } from './model';

const ruleSets = new WeakMap<object, DeadlineRuleSet>();
const caches = new WeakMap<object, Map<string, DeadlineInfo | null>>();

const categoryRules = new WeakMap<object, boolean>();
/** Whether any rule matches by category; if none does, the category cannot change a deadline. */
function categoryMatters(rules: DeadlineRuleSet): boolean {
  let matters = categoryRules.get(rules);
  if (matters === undefined) {
    matters = rules.rules.some((r) => r.match.category !== undefined);
    categoryRules.set(rules, matters);
  }
  return matters;
}

function rulesOf(model: DemoModel): DeadlineRuleSet {
  let rules = ruleSets.get(model);
  if (!rules) {
    rules = withOverrides(DEFAULT_DEADLINE_RULES, model.pack.deadlineOverrides);
    ruleSets.set(model, rules);
  }
  return rules;
}

/** ПОС planned completion day: working days for messages, 30 calendar days (moved off days off) for 59-ФЗ. */
function posDueDay(receivedDay: string, core: DemoCore): string {
  if (core.regime === 'fz59') return workCalendar.nextWorkingDay(addCalendarDays(receivedDay, 30));
  return workCalendar.addWorkingDays(receivedDay, core.fastTrack ? 2 : core.category.termDays);
}

export function demoDeadline(model: DemoModel, core: DemoCore, extended: boolean): DeadlineInfo | null {
  const rules = rulesOf(model);
  const input: DeadlineInput = {
    source: core.source,
    regime: core.regime,
    category: core.source === 'im' ? core.category.imGroup : core.category.category,
    importance: core.importance,
    receivedAt: core.receivedAt,
    registeredAt: core.life.registeredAt,
  };
  // ИМ deadlines are hours from the instant of receipt: nothing to share between appeals.
  if (core.source === 'im') return computeDeadline(input, rules, workCalendar, model.timeZone);
  // Day-based deadlines depend only on the start day and the rule: computed once per key.
  const startDay = core.life.registeredAt !== null ? model.dayAfter(core.life.registeredAt, core.day) : core.day;
  const key =
    core.source === 'pos'
      ? `pos|${core.regime}|${core.fastTrack ? 2 : core.category.termDays}|${core.day}|${extended ? 1 : 0}`
      : `${core.source}|${core.regime}|${categoryMatters(rules) ? input.category : ''}|${startDay}|${extended ? 1 : 0}`;
  let cache = caches.get(model);
  if (!cache) {
    cache = new Map();
    caches.set(model, cache);
  }
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (core.source === 'pos') {
    const due = posDueDay(model.isoDay(core.day), core);
    input.recordDueDay = due;
    if (extended) {
      input.extendedDueDay =
        core.regime === 'fz59' ? workCalendar.nextWorkingDay(addCalendarDays(due, 30)) : workCalendar.addWorkingDays(due, core.category.termDays);
    }
  } else if (extended) {
    input.extensionDays = 30;
  }
  let info = computeDeadline(input, rules, workCalendar, model.timeZone);
  // A rule without extensions (a regional system's default) cannot move the date itself: the
  // simulated source then carries its approved new date, 30 days on, as real systems do, so a
  // postponed appeal is held to it (shared/domain/postponement).
  if (extended && info !== null && info.originalDueAt === null && core.source !== 'pos') {
    input.extendedDueDay = addCalendarDays(regionDay(info.dueAt, model.timeZone), 30);
    info = computeDeadline(input, rules, workCalendar, model.timeZone);
  }
  cache.set(key, info);
  return info;
}
