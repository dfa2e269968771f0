import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  daysBetween,
  eachDay,
  isIsoDay,
  parseIsoDay,
  regionDay,
  regionDayEnd,
  regionDayStart,
  regionTimeOn,
  weekday,
  zonedParts,
  zoneOffsetMs,
} from './time';

describe('calendar-day arithmetic', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'], // leap year
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-01-30', 30, '2024-02-29'],
    ['2023-01-30', 30, '2023-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-03-12', 30, '2025-04-11'],
  ])('%s + %i = %s', (day, n, expected) => {
    expect(addCalendarDays(day, n)).toBe(expected);
    expect(daysBetween(day, expected)).toBe(n);
  });

  it('knows weekdays', () => {
    expect(weekday('2025-04-13')).toBe(0); // Sunday
    expect(weekday('2024-11-02')).toBe(6); // Saturday
  });

  it('rejects malformed and impossible days', () => {
    expect(() => parseIsoDay('2025-02-30')).toThrow(RangeError);
    expect(() => parseIsoDay('12.03.2025')).toThrow(RangeError);
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2023-02-29')).toBe(false);
    expect(isIsoDay(20250101)).toBe(false);
  });

  it('lists days inclusively', () => {
    expect(eachDay('2024-12-30', '2025-01-02')).toEqual(['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02']);
  });
});

describe('time zones are explicit', () => {
  // 2025-03-12 21:30 UTC is already 13 March in Moscow (UTC+3) and in Yekaterinburg (UTC+5).
  const instant = Date.UTC(2025, 2, 12, 21, 30);
  it('gives the region-local day', () => {
    expect(regionDay(instant, 'Europe/Moscow')).toBe('2025-03-13');
    expect(regionDay(instant, 'Asia/Yekaterinburg')).toBe('2025-03-13');
    expect(regionDay(instant, 'UTC')).toBe('2025-03-12');
    expect(regionDay(Date.UTC(2025, 2, 12, 20, 59), 'Europe/Moscow')).toBe('2025-03-12');
  });

  it('finds local midnight and end of day', () => {
    expect(regionDayStart('2025-03-13', 'Europe/Moscow')).toBe(Date.UTC(2025, 2, 12, 21, 0));
    expect(regionDayStart('2025-03-13', 'Asia/Yekaterinburg')).toBe(Date.UTC(2025, 2, 12, 19, 0));
    expect(regionDayEnd('2025-03-13', 'Europe/Moscow')).toBe(Date.UTC(2025, 2, 13, 20, 59, 59, 999));
    expect(regionTimeOn('2025-03-13', 9 * 60, 'Europe/Moscow')).toBe(Date.UTC(2025, 2, 13, 6, 0));
  });

  it('handles a zone with daylight saving', () => {
    // Berlin switches to summer time on 2025-03-30: midnight is UTC+1, noon UTC+2.
    expect(regionDayStart('2025-03-30', 'Europe/Berlin')).toBe(Date.UTC(2025, 2, 29, 23, 0));
    expect(regionTimeOn('2025-03-30', 12 * 60, 'Europe/Berlin')).toBe(Date.UTC(2025, 2, 30, 10, 0));
    expect(zonedParts(Date.UTC(2025, 2, 30, 10, 0), 'Europe/Berlin').hour).toBe(12);
    // on the transition day itself (switch at 01:00 UTC) both sides are exact
    expect(zonedParts(Date.UTC(2025, 2, 30, 0, 59), 'Europe/Berlin')).toMatchObject({ hour: 1, minute: 59 });
    expect(zonedParts(Date.UTC(2025, 2, 30, 1, 0), 'Europe/Berlin')).toMatchObject({ hour: 3, minute: 0 });
    expect(zoneOffsetMs(Date.UTC(2025, 2, 30, 1, 0), 'Europe/Berlin')).toBe(2 * 3_600_000);
    expect(zoneOffsetMs(Date.UTC(2025, 5, 1), 'Europe/Moscow')).toBe(3 * 3_600_000);
  });

  it('agrees with Intl for any instant (property, cached offsets)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }), fc.constantFrom('Europe/Moscow', 'America/New_York', 'Australia/Lord_Howe'), (t, zone) => {
        const intl = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
        expect(regionDay(t, zone)).toBe(intl);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips day numbers across centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const day = addCalendarDays('1970-01-01', n);
        expect(daysBetween('1970-01-01', day)).toBe(n);
        expect(new Date(n * 86_400_000).toISOString().slice(0, 10)).toBe(day.padStart(10, '0'));
      }),
    );
  });
});
