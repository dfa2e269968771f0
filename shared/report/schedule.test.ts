import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workCalendar } from '../domain/calendar';
import { regionDay, regionTimeOn, weekday } from '../domain/time';
import { formatDateTime } from '../format/ru';
import { dueRuns, MAX_CATCH_UP, nextRun, periodOfRun } from './schedule';

const TZ = 'Europe/Moscow';
const at = (day: string, hhmm: string) => regionTimeOn(day, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), TZ);

describe('report schedule', () => {
  it('runs the weekly summary on Monday 08:00 region time for the week before', () => {
    // 2026-11-30 is a Monday.
    expect(dueRuns('weekly', at('2026-11-30', '07:59'), at('2026-11-30', '08:00'), TZ, workCalendar)).toEqual([
      { kind: 'weekly', periodCode: '2026-W48', dueAt: at('2026-11-30', '08:00') },
    ]);
    expect(dueRuns('weekly', at('2026-11-30', '08:00'), at('2026-12-06', '23:00'), TZ, workCalendar)).toEqual([]);
    expect(formatDateTime(nextRun('weekly', at('2026-12-03', '12:00'), TZ, workCalendar).dueAt, TZ)).toBe('07.12.2026 08:00');
  });

  it('runs the monthly report on the 1st and the quarterly one on the first working day after the quarter', () => {
    expect(nextRun('monthly', at('2026-12-03', '12:00'), TZ, workCalendar)).toMatchObject({ periodCode: '2026-12', dueAt: at('2027-01-01', '08:00') });
    // 1 January is a holiday: the quarterly report waits for the first working day of the year.
    const q = nextRun('quarterly', at('2026-12-03', '12:00'), TZ, workCalendar);
    expect(q.periodCode).toBe('2026-Q4');
    const day = regionDay(q.dueAt, TZ);
    expect(day > '2027-01-01' && workCalendar.isWorkingDay(day)).toBe(true);
    expect(periodOfRun('quarterly', '2026-04-01')).toBe('2026-Q1');
  });

  it('makes up missed runs at the next start, the newest few, oldest first', () => {
    const missed = dueRuns('weekly', at('2026-09-01', '12:00'), at('2026-12-03', '12:00'), TZ, workCalendar);
    expect(missed.map((r) => r.periodCode)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(missed).toHaveLength(MAX_CATCH_UP);
  });

  it('every due run is an 08:00 occurrence inside the window, on the right weekday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 1, max: 60 * 24 * 40 }), (startDays, minutes) => {
        const after = at('2025-01-01', '00:00') + startDays * 86_400_000 + (minutes % 1440) * 60_000;
        const now = after + minutes * 60_000;
        for (const kind of ['weekly', 'monthly', 'quarterly'] as const) {
          for (const run of dueRuns(kind, after, now, TZ, workCalendar)) {
            expect(run.dueAt > after && run.dueAt <= now).toBe(true);
            expect(formatDateTime(run.dueAt, TZ).endsWith('08:00')).toBe(true);
            const day = regionDay(run.dueAt, TZ);
            if (kind === 'weekly') expect(weekday(day)).toBe(1);
            if (kind === 'monthly') expect(day.endsWith('-01')).toBe(true);
            if (kind === 'quarterly') expect(workCalendar.isWorkingDay(day)).toBe(true);
          }
          const next = nextRun(kind, now, TZ, workCalendar);
          expect(next.dueAt).toBeGreaterThan(now);
        }
      }),
      { numRuns: 60 },
    );
  });
});
