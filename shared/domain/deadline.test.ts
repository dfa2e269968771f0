import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workCalendar } from './calendar';
import { addWorkingHours, computeDeadline, selectDeadlineRule, type DeadlineInput } from './deadline';
import { DEFAULT_DEADLINE_RULES, deadlineRuleSetSchema, withOverrides, type DeadlineRuleSet } from './deadline-rules';
import { addCalendarDays, regionDay, regionDayEnd, regionDayStart, regionTimeOn } from './time';

const TZ = 'Europe/Moscow';
const at = (day: string, hh = 10, mm = 0) => regionTimeOn(day, hh * 60 + mm, TZ);
const fz59 = (registeredDay: string, extra: Partial<DeadlineInput> = {}): DeadlineInput => ({
  source: 'letter59',
  regime: 'fz59',
  receivedAt: at(registeredDay, 9),
  registeredAt: at(registeredDay),
  ...extra,
});
const compute = (input: DeadlineInput, rules: DeadlineRuleSet = DEFAULT_DEADLINE_RULES) => computeDeadline(input, rules, workCalendar, TZ)!;

describe('59-ФЗ: 30 calendar days from registration', () => {
  it.each([
    // [registered, due day, moved from (a weekend day or a holiday) or null]
    ['2025-03-12', '2025-04-11', null],
    ['2025-03-14', '2025-04-14', { fromDay: '2025-04-13', weekend: true }],
    ['2025-03-13', '2025-04-14', { fromDay: '2025-04-12', weekend: true }],
    // May holidays: 1 May is a holiday, 2 May a transfer, 3–4 a weekend
    ['2025-04-01', '2025-05-05', { fromDay: '2025-05-01', weekend: false }],
    // lands on the transferred working Saturday 02.11.2024: stays there
    ['2024-10-03', '2024-11-02', null],
    // New Year holidays and the 9 January 2026 transfer
    ['2025-12-02', '2026-01-12', { fromDay: '2026-01-01', weekend: false }],
    // leap year
    ['2024-01-30', '2024-02-29', null],
    // 2020 decree non-working days (30.03–30.04, 6–8.05)
    ['2020-03-10', '2020-05-12', { fromDay: '2020-04-09', weekend: false }],
  ] as const)('registered %s → due %s', (registered, dueDay, moved) => {
    const info = compute(fz59(registered));
    expect(info.dueAt).toBe(regionDayEnd(dueDay, TZ));
    expect(info.explanation).toEqual({
      kind: 'rule-days',
      params: {
        ruleId: 'fz59',
        ruleLabel: '59-ФЗ',
        amount: 30,
        unit: 'calendar-days',
        startDay: registered,
        dueDay,
        moved: moved && { ...moved, toDay: dueDay },
        extension: null,
      },
    });
    expect(info).toMatchObject({ ruleId: 'fz59', ruleVersion: 1, hourBased: false, originalDueAt: null });
  });

  it('applies to 59-ФЗ appeals from ПОС by regime, and to letters of any regime', () => {
    expect(compute({ ...fz59('2025-03-12'), regime: 'message' }).explanation).toMatchObject({ kind: 'rule-days', params: { ruleId: 'letter59', dueDay: '2025-04-11', moved: null } });
    const info = compute({ ...fz59('2025-03-14'), source: 'pos' });
    expect(info.ruleId).toBe('fz59');
    expect(info.explanation).toMatchObject({ kind: 'rule-days', params: { ruleLabel: '59-ФЗ', moved: { fromDay: '2025-04-13', weekend: true } } });
  });

  it('counts from receipt when there is no registration date', () => {
    const info = compute({ source: 'letter59', regime: 'fz59', receivedAt: at('2025-03-12') });
    expect(info.dueAt).toBe(regionDayEnd('2025-04-11', TZ));
  });

  it('does not move when the setting is off', () => {
    const rules = { ...DEFAULT_DEADLINE_RULES, moveToNextWorkingDay: false };
    const info = compute(fz59('2025-03-14'), rules);
    expect(info.dueAt).toBe(regionDayEnd('2025-04-13', TZ));
    expect(info.explanation).toMatchObject({ kind: 'rule-days', params: { dueDay: '2025-04-13', moved: null } });
  });

  it('extends once by up to 30 days, moving again if needed', () => {
    const info = compute(fz59('2025-03-14', { extensionDays: 30 }));
    expect(info.originalDueAt).toBe(regionDayEnd('2025-04-14', TZ));
    expect(info.dueAt).toBe(regionDayEnd('2025-05-14', TZ));
    expect(info.explanation).toMatchObject({
      kind: 'rule-days',
      params: { dueDay: '2025-04-14', extension: { kind: 'by-days', days: 30, requested: 30, maxDays: 30, rawDay: '2025-05-14', moved: null } },
    });
    const moved = compute(fz59('2025-03-12', { extensionDays: 22 })); // 11.04 + 22 = 03.05 (Saturday, May holidays)
    expect(moved.dueAt).toBe(regionDayEnd('2025-05-05', TZ));
    expect(moved.explanation).toMatchObject({
      params: { extension: { kind: 'by-days', days: 22, rawDay: '2025-05-03', moved: { fromDay: '2025-05-03', toDay: '2025-05-05', weekend: true } } },
    });
  });

  it('caps an extension at 30 days and says so', () => {
    const info = compute(fz59('2025-03-14', { extensionDays: 45 }));
    expect(info.dueAt).toBe(regionDayEnd('2025-05-14', TZ));
    expect(info.explanation).toMatchObject({ params: { extension: { kind: 'by-days', days: 30, requested: 45, maxDays: 30 } } });
  });

  it('takes an explicit extended day', () => {
    const info = compute(fz59('2025-03-12', { extendedDueDay: '2025-04-25' }));
    expect(info.originalDueAt).toBe(regionDayEnd('2025-04-11', TZ));
    expect(info.dueAt).toBe(regionDayEnd('2025-04-25', TZ));
    expect(info.explanation).toMatchObject({ params: { extension: { kind: 'to-day', day: '2025-04-25' } } });
  });
});

describe('the record’s own deadline comes first', () => {
  it('uses ПОС «Дата планируемого завершения работ»', () => {
    const info = compute({ source: 'pos', regime: 'message', receivedAt: at('2025-03-12'), recordDueDay: '2025-03-20' });
    expect(info).toEqual({
      dueAt: regionDayEnd('2025-03-20', TZ),
      originalDueAt: null,
      ruleId: 'record',
      ruleVersion: 1,
      explanation: { kind: 'source', params: { dueDay: '2025-03-20', dueAt: regionDayEnd('2025-03-20', TZ), extendedDay: null } },
      hourBased: false,
    });
  });

  it('keeps the original when the source extended it', () => {
    const info = compute({ source: 'pos', regime: 'message', receivedAt: at('2025-03-12'), recordDueDay: '2025-03-20', extendedDueDay: '2025-04-03' });
    expect(info.originalDueAt).toBe(regionDayEnd('2025-03-20', TZ));
    expect(info.dueAt).toBe(regionDayEnd('2025-04-03', TZ));
    expect(info.explanation).toMatchObject({ kind: 'source', params: { dueDay: '2025-03-20', extendedDay: '2025-04-03' } });
  });

  it('accepts an instant and can be switched off', () => {
    const due = at('2025-03-20', 18);
    expect(compute({ source: 'regional', regime: 'message', receivedAt: at('2025-03-12'), recordDueAt: due }).explanation).toEqual({
      kind: 'source',
      params: { dueDay: null, dueAt: due, extendedDay: null },
    });
    const rules = { ...DEFAULT_DEADLINE_RULES, useRecordDeadline: false };
    expect(compute({ source: 'pos', regime: 'message', receivedAt: at('2025-03-12'), recordDueDay: '2025-03-20' }, rules).ruleId).toBe('pos');
  });
});

describe('ИМ: hours by importance', () => {
  const im = (importance: DeadlineInput['importance'], receivedAt = at('2025-03-12', 13)): DeadlineInput => ({ source: 'im', regime: 'message', importance, receivedAt });
  it.each([
    ['high', 4, 'im-high'],
    ['normal', 9, 'im-normal'],
    ['private', 9, 'im-private'],
    [null, 9, 'im'],
  ] as const)('%s → %i h', (importance, hours, ruleId) => {
    const info = compute(im(importance));
    const dueAt = at('2025-03-12', 13) + hours * 3_600_000;
    expect(info.dueAt).toBe(dueAt);
    expect(info).toMatchObject({ ruleId, hourBased: true });
    expect(info.explanation).toMatchObject({ kind: 'rule-hours', params: { ruleId, amount: hours, unit: 'hours', startAt: at('2025-03-12', 13), dueAt } });
  });

  it('counts working hours when configured (shortened day, holiday, weekend)', () => {
    const rules = deadlineRuleSetSchema.parse({
      ...DEFAULT_DEADLINE_RULES,
      rules: DEFAULT_DEADLINE_RULES.rules.map((r) => (r.id === 'im-normal' ? { ...r, unit: 'working-hours' } : r)),
    });
    // Friday 07.03.2025 is shortened (ends 17:00); 8 March is a holiday, then Sunday.
    const info = compute(im('normal', at('2025-03-07', 16)), rules);
    expect(info.dueAt).toBe(at('2025-03-10', 17));
    expect(info.explanation).toMatchObject({ kind: 'rule-hours', params: { unit: 'working-hours', startAt: at('2025-03-07', 16), dueAt: at('2025-03-10', 17) } });
    // received before opening: counting starts at 9:00
    expect(addWorkingHours(at('2025-03-12', 7), 2.5, workCalendar, TZ, rules.workingHours)).toBe(at('2025-03-12', 11, 30));
    // received after closing on a working day
    expect(addWorkingHours(at('2025-03-12', 19), 1, workCalendar, TZ, rules.workingHours)).toBe(at('2025-03-13', 10));
  });

  it('refuses a calendar without working hours', () => {
    expect(() => addWorkingHours(at('2025-03-12'), 1, workCalendar, TZ, { startMinutes: 600, endMinutes: 600, shortenedByMinutes: 0 })).toThrow(RangeError);
  });
});

describe('ПОС fallback in working days', () => {
  it('counts 10 working days over the New Year holidays', () => {
    const info = compute({ source: 'pos', regime: 'message', receivedAt: at('2025-12-26') });
    expect(info.dueAt).toBe(regionDayEnd('2026-01-21', TZ));
    expect(info.explanation).toMatchObject({ kind: 'rule-days', params: { ruleId: 'pos', unit: 'working-days', amount: 10, startDay: '2025-12-26', dueDay: '2026-01-21' } });
  });

  it('is configurable per category, and a region’s override wins', () => {
    const rules = withOverrides(DEFAULT_DEADLINE_RULES, [
      deadlineRuleSetSchema.shape.rules.element.parse({ id: 'kirov-med', label: 'ПОС, медицина', match: { source: 'pos', category: 'Медицина' }, unit: 'working-days', amount: 5, from: 'received' }),
    ]);
    const info = compute({ source: 'pos', regime: 'message', category: 'медицина', receivedAt: at('2025-04-30') }, rules);
    // 30.04 → 5, 6, 7, 12, 13 May 2025 (1–4 and 8–11 May off)
    expect(info.dueAt).toBe(regionDayEnd('2025-05-13', TZ));
    expect(info.ruleId).toBe('kirov-med');
    expect(withOverrides(DEFAULT_DEADLINE_RULES, [])).toBe(DEFAULT_DEADLINE_RULES);
  });

  it('other sources fall to the default of 30 calendar days', () => {
    expect(compute({ source: 'voice', regime: 'message', receivedAt: at('2025-03-12') }).ruleId).toBe('default');
  });

  it('returns null when no rule matches', () => {
    const rules = { ...DEFAULT_DEADLINE_RULES, rules: DEFAULT_DEADLINE_RULES.rules.filter((r) => r.match.source === 'im') };
    expect(computeDeadline({ source: 'pos', regime: 'message', receivedAt: at('2025-03-12') }, rules, workCalendar, TZ)).toBeNull();
    expect(selectDeadlineRule(rules, { source: 'pos', regime: 'message' })).toBeNull();
  });

  it('counts days in the region’s zone, not the machine’s', () => {
    // 23:30 Moscow on 12.03 is 20:30 UTC; in Yekaterinburg it is already 13.03 01:30.
    const receivedAt = regionDayStart('2025-03-13', TZ) - 30 * 60_000;
    const moscow = computeDeadline({ source: 'letter59', regime: 'fz59', receivedAt }, DEFAULT_DEADLINE_RULES, workCalendar, TZ)!;
    const yekat = computeDeadline({ source: 'letter59', regime: 'fz59', receivedAt }, DEFAULT_DEADLINE_RULES, workCalendar, 'Asia/Yekaterinburg')!;
    expect(moscow.explanation).toMatchObject({ params: { startDay: '2025-03-12' } });
    expect(yekat.explanation).toMatchObject({ params: { startDay: '2025-03-13' } });
  });

  it('accepts fractional day amounts by rounding up', () => {
    const rules = deadlineRuleSetSchema.parse({ version: 2, rules: [{ id: 'x', label: 'X', unit: 'calendar-days', amount: 1.5 }] });
    const info = compute({ source: 'other', regime: 'message', receivedAt: at('2025-03-12') }, rules);
    expect(info.dueAt).toBe(regionDayEnd('2025-03-14', TZ));
    expect(info.explanation).toMatchObject({ kind: 'rule-days', params: { ruleLabel: 'X', amount: 1.5, dueDay: '2025-03-14' } });
    expect(info.ruleVersion).toBe(2);
  });
});

describe('deadline properties', () => {
  const instantArb = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2027, 10, 1) });

  it('a moved calendar-day deadline always ends a working day, never before the unmoved one', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 60 }), (receivedAt, days) => {
        const rules = deadlineRuleSetSchema.parse({ version: 1, rules: [{ id: 'r', label: 'R', unit: 'calendar-days', amount: days }] });
        const info = computeDeadline({ source: 'other', regime: 'message', receivedAt }, rules, workCalendar, TZ)!;
        const dueDay = regionDay(info.dueAt, TZ);
        expect(workCalendar.isWorkingDay(dueDay)).toBe(true);
        expect(info.dueAt).toBe(regionDayEnd(dueDay, TZ));
        expect(dueDay >= addCalendarDays(regionDay(receivedAt, TZ), days)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('working-hour deadlines fall inside working time and grow with the amount', () => {
    const hoursRules = (amount: number) =>
      deadlineRuleSetSchema.parse({ version: 1, rules: [{ id: 'r', label: 'R', unit: 'working-hours', amount, from: 'received' }] });
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), (receivedAt, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const dueLo = computeDeadline({ source: 'im', regime: 'message', receivedAt }, hoursRules(lo), workCalendar, TZ)!.dueAt;
        const dueHi = computeDeadline({ source: 'im', regime: 'message', receivedAt }, hoursRules(hi), workCalendar, TZ)!.dueAt;
        expect(dueLo <= dueHi).toBe(true);
        expect(dueLo - receivedAt >= lo * 3_600_000).toBe(true);
        const day = regionDay(dueLo, TZ);
        expect(workCalendar.isWorkingDay(day)).toBe(true);
        const minutes = (dueLo - regionDayStart(day, TZ)) / 60_000;
        expect(minutes).toBeGreaterThan(9 * 60);
        expect(minutes).toBeLessThanOrEqual(18 * 60);
      }),
      { numRuns: 150 },
    );
  });
});
