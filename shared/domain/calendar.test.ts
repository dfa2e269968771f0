import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CALENDAR_DATA, createWorkCalendar, parseCalendarData, validateCalendarExtension, workCalendar } from './calendar';
import { addCalendarDays } from './time';

describe('production calendar: real edges', () => {
  it.each([
    // New Year holidays 2026 and the 9 January transfer
    ['2025-12-30', 1, '2026-01-12'],
    // transferred working Saturday 27.04.2024, then the long May weekend
    ['2024-04-26', 1, '2024-04-27'],
    ['2024-04-27', 1, '2024-05-02'],
    // May holidays 2025: 1–4 and 8–11 May off
    ['2025-04-30', 1, '2025-05-05'],
    ['2025-05-07', 1, '2025-05-12'],
    // working Saturday 01.11.2025, then 3–4 November off
    ['2025-10-31', 1, '2025-11-01'],
    ['2025-10-31', 2, '2025-11-05'],
    // leap year: 29.02.2024 is a working Thursday; 23.02.2024 a holiday Friday
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-21', 2, '2024-02-26'],
    // 2020 decree non-working days: 30.03–30.04 and 6–8.05 (Указы №206, 239, 294)
    ['2020-03-27', 1, '2020-05-12'],
    // 2021: 30.10–03.11 decree days, 4.11 holiday, 5.11 transfer
    ['2021-10-29', 1, '2021-11-08'],
    // working Saturday 20.02.2021
    ['2021-02-19', 1, '2021-02-20'],
    // counting backwards over the New Year holidays
    ['2025-01-09', -1, '2024-12-28'],
    ['2025-01-10', 0, '2025-01-10'],
  ])('addWorkingDays(%s, %i) = %s', (day, n, expected) => {
    expect(workCalendar.addWorkingDays(day, n)).toBe(expected);
  });

  it.each([
    ['2025-01-08', false, 'holiday'],
    ['2025-01-09', true, 'working'],
    ['2024-04-27', true, 'working-weekend'],
    ['2024-04-29', false, 'transfer'],
    ['2020-04-15', false, 'decree'],
    ['2020-07-01', false, 'decree'],
    ['2025-04-12', false, 'weekend'],
    ['2025-04-30', true, 'shortened'],
    ['2026-01-09', false, 'transfer'],
    ['2027-02-20', true, 'working-weekend'],
  ] as const)('%s working=%s (%s)', (day, working, kind) => {
    expect(workCalendar.isWorkingDay(day)).toBe(working);
    expect(workCalendar.dayKind(day)).toBe(kind);
  });

  it('marks shortened days only when they are working days', () => {
    expect(workCalendar.isShortened('2025-11-01')).toBe(true);
    expect(workCalendar.isShortened('2025-11-05')).toBe(false);
  });

  it('covers 2020–2027 and falls back to weekends and statutory holidays outside', () => {
    expect(workCalendar.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(workCalendar.covers(2028)).toBe(false);
    expect(workCalendar.noteFor(2027)).toContain('13.11.2027');
    expect(workCalendar.noteFor(2025)).toBeNull();
    expect(workCalendar.isWorkingDay('2028-01-03')).toBe(false);
    expect(workCalendar.isWorkingDay('2028-01-10')).toBe(true);
    expect(workCalendar.isWorkingDay('2019-06-12')).toBe(false);
  });

  it('lets a user add a new year as data', () => {
    const calendar = createWorkCalendar(BUNDLED_CALENDAR_DATA, {
      '2028': {
        holidays: ['2028-01-01', '2028-01-08', '2028-06-12'],
        transfers: ['2028-01-10'],
        decreeNonWorking: [],
        workingWeekends: ['2028-01-15'],
        shortened: [],
      },
    });
    expect(calendar.covers(2028)).toBe(true);
    expect(calendar.noteFor(2028)).toBeNull();
    expect(calendar.isWorkingDay('2028-01-10')).toBe(false);
    expect(calendar.isWorkingDay('2028-01-15')).toBe(true);
    // statutory days not listed by the user are no longer implied for a covered year
    expect(calendar.isWorkingDay('2028-01-03')).toBe(true);
    expect(calendar.addWorkingDays('2028-01-07', 1)).toBe('2028-01-11');
  });

  it('accepts extensions in the full data format and rejects bad ones', () => {
    const ext = { ...BUNDLED_CALENDAR_DATA, years: { '2028': { holidays: [], transfers: ['2028-03-10'], workingWeekends: [], shortened: [] } } };
    const calendar = createWorkCalendar(BUNDLED_CALENDAR_DATA, parseCalendarData(ext));
    expect(calendar.isWorkingDay('2028-03-10')).toBe(false);
    expect(() =>
      createWorkCalendar(BUNDLED_CALENDAR_DATA, { '2028': { holidays: ['2028-13-01'], transfers: [], decreeNonWorking: [], workingWeekends: [], shortened: [] } }),
    ).toThrow();
  });

  it('checks a user extension with Russian messages', () => {
    const good = { '2028': { holidays: ['2028-01-01'], transfers: ['2028-01-10'], workingWeekends: ['2028-01-15'], shortened: ['2028-02-22'] } };
    const result = validateCalendarExtension(good);
    expect(result.ok).toBe(true);
    if (result.ok) expect(createWorkCalendar(BUNDLED_CALENDAR_DATA, result.years).isWorkingDay('2028-01-15')).toBe(true);
    const bad = validateCalendarExtension({
      '2028': { holidays: ['2029-01-01', '2028-01-15', '2028-01-01'], transfers: [], workingWeekends: ['2028-01-17', '2028-01-15'], shortened: ['2028-01-01'] },
      '28': {},
      '2029': { holidays: ['1.1.2029'], transfers: 'нет', workingWeekends: [], shortened: [] },
      '2030': { holidays: [] },
    });
    expect(bad).toEqual({
      ok: false,
      errors: [
        '«28»: год должен состоять из четырёх цифр',
        '2028, праздничные дни: дата 2029-01-01 относится к другому году',
        '2028, рабочие выходные: 2028-01-17 — не суббота и не воскресенье',
        '2028: 2028-01-15 указан и рабочим, и нерабочим днём',
        '2028: сокращённый день 2028-01-01 указан нерабочим',
        '2029, праздничные дни (№1): ожидалась дата ГГГГ-ММ-ДД',
        '2029, перенесённые выходные: ожидался список дат ГГГГ-ММ-ДД',
        '2030, перенесённые выходные: список отсутствует',
        '2030, рабочие выходные: список отсутствует',
        '2030, сокращённые дни: список отсутствует',
      ],
    });
    expect(validateCalendarExtension([])).toMatchObject({ ok: false });
    expect(validateCalendarExtension(null)).toMatchObject({ ok: false });
  });

  it('counts working days between two days', () => {
    expect(workCalendar.workingDaysBetween('2025-12-30', '2026-01-12')).toBe(1);
    expect(workCalendar.workingDaysBetween('2025-03-10', '2025-03-14')).toBe(4);
    expect(workCalendar.workingDaysBetween('2025-03-14', '2025-03-10')).toBe(0);
    expect(workCalendar.nextWorkingDay('2025-05-01')).toBe('2025-05-05');
    expect(workCalendar.nextWorkingDay('2025-05-05')).toBe('2025-05-05');
  });

  it('rejects fractional counts and bad dates', () => {
    expect(() => workCalendar.addWorkingDays('2025-03-10', 1.5)).toThrow(RangeError);
    expect(() => workCalendar.addWorkingDays('2025-13-10', 1)).toThrow(RangeError);
  });
});

describe('production calendar: properties', () => {
  const dayArb = fc.integer({ min: 0, max: 365 * 8 - 60 }).map((n) => addCalendarDays('2020-01-01', n));
  const countArb = fc.integer({ min: 1, max: 60 });

  it('never lands on a non-working day and always moves forward', () => {
    fc.assert(
      fc.property(dayArb, countArb, (day, n) => {
        const result = workCalendar.addWorkingDays(day, n);
        expect(workCalendar.isWorkingDay(result)).toBe(true);
        expect(result > day).toBe(true);
        expect(workCalendar.workingDaysBetween(day, result)).toBe(n);
      }),
    );
  });

  it('is monotonic in the count and in the start day', () => {
    fc.assert(
      fc.property(dayArb, countArb, countArb, (day, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(workCalendar.addWorkingDays(day, lo) <= workCalendar.addWorkingDays(day, hi)).toBe(true);
        const later = addCalendarDays(day, lo);
        expect(workCalendar.addWorkingDays(day, hi) <= workCalendar.addWorkingDays(later, hi)).toBe(true);
      }),
    );
  });

  it('composes: adding a then b equals adding a + b', () => {
    fc.assert(
      fc.property(dayArb, countArb, countArb, (day, a, b) => {
        expect(workCalendar.addWorkingDays(workCalendar.addWorkingDays(day, a), b)).toBe(workCalendar.addWorkingDays(day, a + b));
      }),
    );
  });
});
