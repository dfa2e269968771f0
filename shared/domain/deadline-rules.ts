/**
 * Deadline rules as versioned data. A rule matches by source, regime, category and importance; the
 * most specific match wins (ties: the earlier rule, so a region's overrides placed first win).
 * Facts marked [U] in the domain brief (ПОС fallback terms, whether ИМ hours are working hours) are
 * settings here, not code.
 */
import { z } from 'zod';
import { IMPORTANCES, REGIMES, SOURCE_KINDS } from './appeal';

export const DEADLINE_UNITS = ['calendar-days', 'working-days', 'hours', 'working-hours'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

export const deadlineRuleSchema = z.object({
  id: z.string().min(1),
  /** Russian name of the rule, used in explanations: «59-ФЗ», «ИМ, важность «Высокая»». */
  label: z.string().min(1),
  match: z
    .object({
      source: z.enum(SOURCE_KINDS).optional(),
      regime: z.enum(REGIMES).optional(),
      category: z.string().min(1).optional(),
      importance: z.enum(IMPORTANCES).optional(),
    })
    .default({}),
  unit: z.enum(DEADLINE_UNITS),
  amount: z.number().positive(),
  /** Day-based rules count from registration (59-ФЗ art. 12.1) or from receipt. */
  from: z.enum(['registered', 'received']).default('registered'),
  /** Longest single extension allowed, in calendar days (59-ФЗ art. 12.2: 30). 0 = none. */
  maxExtensionDays: z.number().int().nonnegative().default(0),
  /** Overrides the rule set's setting for this rule. */
  moveToNextWorkingDay: z.boolean().optional(),
});
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;
export type DeadlineRuleInput = z.input<typeof deadlineRuleSchema>;

export const deadlineRuleSetSchema = z.object({
  version: z.number().int().positive(),
  /** Use the deadline the source gives (ПОС «Дата планируемого завершения работ») before any rule. */
  useRecordDeadline: z.boolean().default(true),
  /** Carry a calendar-day deadline that falls on a non-working day to the next working day. */
  moveToNextWorkingDay: z.boolean().default(true),
  /** Working hours for `working-hours` rules, minutes after local midnight; shortened days end earlier. */
  workingHours: z
    .object({
      startMinutes: z.number().int().min(0).max(1440),
      endMinutes: z.number().int().min(0).max(1440),
      shortenedByMinutes: z.number().int().min(0).max(1440),
    })
    .default({ startMinutes: 9 * 60, endMinutes: 18 * 60, shortenedByMinutes: 60 }),
  rules: z.array(deadlineRuleSchema),
});
export type DeadlineRuleSet = z.infer<typeof deadlineRuleSetSchema>;

/**
 * Version 1 of the product's defaults:
 * - 59-ФЗ (any source, regime fz59, and letters): 30 calendar days from registration, one extension
 *   of up to 30 days, moved to the next working day;
 * - ИМ: 4 h for «Высокая», 9 h for «Обычная» and «ЛС» (one centre's practice, [T]); astronomical
 *   hours by default, switch a rule's unit to `working-hours` to count working time only;
 * - ПОС messages without their own deadline: 10 working days ([U], configurable per category);
 * - other sources: 30 calendar days, as for letters.
 */
export const DEFAULT_DEADLINE_RULES: DeadlineRuleSet = deadlineRuleSetSchema.parse({
  version: 1,
  useRecordDeadline: true,
  moveToNextWorkingDay: true,
  rules: [
    { id: 'fz59', label: '59-ФЗ', match: { regime: 'fz59' }, unit: 'calendar-days', amount: 30, from: 'registered', maxExtensionDays: 30 },
    { id: 'letter59', label: '59-ФЗ (письмо)', match: { source: 'letter59' }, unit: 'calendar-days', amount: 30, from: 'registered', maxExtensionDays: 30 },
    { id: 'im-high', label: 'ИМ, важность «Высокая»', match: { source: 'im', importance: 'high' }, unit: 'hours', amount: 4, from: 'received' },
    { id: 'im-normal', label: 'ИМ, важность «Обычная»', match: { source: 'im', importance: 'normal' }, unit: 'hours', amount: 9, from: 'received' },
    { id: 'im-private', label: 'ИМ, личное сообщение («ЛС»)', match: { source: 'im', importance: 'private' }, unit: 'hours', amount: 9, from: 'received' },
    { id: 'im', label: 'ИМ, важность не указана', match: { source: 'im' }, unit: 'hours', amount: 9, from: 'received' },
    { id: 'pos', label: 'ПОС, сообщение', match: { source: 'pos' }, unit: 'working-days', amount: 10, from: 'received' },
    { id: 'default', label: 'срок по умолчанию', match: {}, unit: 'calendar-days', amount: 30, from: 'registered' },
  ],
});

/** A region pack's overrides go first so they win over defaults of the same specificity. */
export function withOverrides(rules: DeadlineRuleSet, overrides: readonly DeadlineRule[]): DeadlineRuleSet {
  if (overrides.length === 0) return rules;
  return { ...rules, rules: [...overrides, ...rules.rules] };
}
