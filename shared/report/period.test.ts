import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, daysBetween, weekday } from '../domain/time';
import { isoWeekOf, isoWeeksInYear, monthsOf, parsePeriod, PeriodParseError, periodTitle, previousOf, sameLastYear, weekPeriod } from './period';

describe('report periods', () => {
  it('parses the four period forms', () => {
    expect(parsePeriod('2026-W48')).toMatchObject({ unit: 'week', from: '2026-11-23', to: '2026-11-29' });
    expect(parsePeriod('2026-11')).toMatchObject({ unit: 'month', from: '2026-11-01', to: '2026-11-30' });
    expect(parsePeriod('2026-Q4')).toMatchObject({ unit: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(parsePeriod('2024-02')).toMatchObject({ to: '2024-02-29' });
    expect(parsePeriod('01.11.2026-15.11.2026')).toMatchObject({ unit: 'range', from: '2026-11-01', to: '2026-11-15' });
  });

  it('rejects bad periods with a Russian message', () => {
    for (const bad of ['2026-W54', '2025-W53', '2026-13', '2026-Q5', '31.02.2026-01.03.2026', '15.11.2026-01.11.2026', 'вчера']) {
      expect(() => parsePeriod(bad), bad).toThrow(PeriodParseError);
    }
    expect(parsePeriod('2026-W53').from).toBe('2026-12-28');
  });

  it('ISO weeks start on Monday and hold the day they are computed from', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), (offset) => {
        const day = addCalendarDays('2020-01-01', offset);
        const { year, week } = isoWeekOf(day);
        const p = weekPeriod(year, week);
        expect(weekday(p.from)).toBe(1);
        expect(day >= p.from && day <= p.to).toBe(true);
        expect(week).toBeLessThanOrEqual(isoWeeksInYear(year));
      }),
    );
  });

  it('steps back to the previous unit and to the same period last year', () => {
    expect(previousOf(parsePeriod('2026-01'))).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
    expect(previousOf(parsePeriod('2026-Q1'))).toMatchObject({ from: '2025-10-01', to: '2025-12-31' });
    expect(previousOf(parsePeriod('2026-W01'))).toMatchObject({ from: '2025-12-22', to: '2025-12-28', code: '2025-W52' });
    expect(previousOf(parsePeriod('11.11.2026-20.11.2026'))).toMatchObject({ from: '2026-11-01', to: '2026-11-10' });
    expect(sameLastYear(parsePeriod('2024-02'))).toMatchObject({ from: '2023-02-01', to: '2023-02-28' });
    expect(sameLastYear(parsePeriod('29.02.2024-29.02.2024'))).toMatchObject({ from: '2023-02-28' });
    const r = parsePeriod('2026-W10');
    expect(daysBetween(sameLastYear(r).from, sameLastYear(r).to)).toBe(6);
  });

  it('splits a quarter into its months and names periods in Russian', () => {
    expect(monthsOf(parsePeriod('2026-Q4')).map((m) => m.from)).toEqual(['2026-10-01', '2026-11-01', '2026-12-01']);
    expect(monthsOf(parsePeriod('15.01.2026-10.02.2026')).map((m) => [m.from, m.to])).toEqual([
      ['2026-01-15', '2026-01-31'],
      ['2026-02-01', '2026-02-10'],
    ]);
    expect(periodTitle(parsePeriod('2026-W48'))).toBe('48-я неделя 2026 года');
    expect(periodTitle(parsePeriod('2026-11'))).toBe('ноябрь 2026 года');
    expect(periodTitle(parsePeriod('2026-Q4'))).toBe('IV квартал 2026 года');
  });
});
