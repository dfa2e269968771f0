import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { workCalendar } from '../domain/calendar';
import { addCalendarDays, regionDay, regionDayStart } from '../domain/time';
import { resolveDeadline } from './deadline';

const TZ = 'Europe/Moscow';
/** Friday 2025-12-26 10:00 in Kirov; the New Year holidays follow. */
const FRIDAY = regionDayStart('2025-12-26', TZ) + 10 * 3_600_000;

describe('record deadlines', () => {
  it.each([
    [{ kind: 'calendar-days', days: 3 } as const, '2025-12-29'],
    [{ kind: 'working-days', days: 1 } as const, '2025-12-29'],
    // 30.12 and 31.12 are working; 1–11.01.2026 are holidays and weekends.
    [{ kind: 'working-days', days: 3 } as const, '2026-01-12'],
    [{ kind: 'date', day: '2026-02-01' } as const, '2026-02-01'],
  ])('%j given on Friday 26.12.2025 is due %s', (spec, dueDay) => {
    const resolved = resolveDeadline(spec, FRIDAY, workCalendar, TZ);
    expect(resolved?.dueDay).toBe(dueDay);
    expect(resolved?.dueAt).toBe(regionDayStart(addCalendarDays(dueDay, 1), TZ) - 1);
  });

  it.each([
    { kind: 'working-days', days: 0 },
    { kind: 'calendar-days', days: -1 },
    { kind: 'calendar-days', days: 1.5 },
    { kind: 'date', day: '2026-13-01' },
    { kind: 'date', day: '' },
  ] as const)('a malformed term %j resolves to nothing', (spec) => {
    expect(resolveDeadline(spec, FRIDAY, workCalendar, TZ)).toBeNull();
  });

  it('a working-day term ends on a working day after the day given, never before its calendar-day twin', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 }), fc.integer({ min: 1, max: 60 }), (offset, days) => {
        const givenAt = regionDayStart(addCalendarDays('2025-01-01', offset), TZ) + 12 * 3_600_000;
        const working = resolveDeadline({ kind: 'working-days', days }, givenAt, workCalendar, TZ)!;
        const calendar = resolveDeadline({ kind: 'calendar-days', days }, givenAt, workCalendar, TZ)!;
        expect(workCalendar.isWorkingDay(working.dueDay)).toBe(true);
        expect(working.dueDay > regionDay(givenAt, TZ)).toBe(true);
        expect(working.dueDay >= calendar.dueDay).toBe(true);
        expect(workCalendar.workingDaysBetween(regionDay(givenAt, TZ), working.dueDay)).toBe(days);
      }),
    );
  });
});
