import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workCalendar } from './calendar';
import {
  hasManualTerm,
  infoRequestDueAt,
  INFO_REQUEST_KINDS,
  lastCompletedQuarter,
  quarterlyStatisticsDueDay,
  type InfoRequestKind,
  type Quarter,
} from './request-terms';
import { addCalendarDays, regionDay, regionDayEnd, regionTimeOn } from './time';

const TZ = 'Europe/Moscow';
const H = 3_600_000;
const at = (day: string, hh = 10, mm = 0) => regionTimeOn(day, hh * 60 + mm, TZ);
const due = (kind: InfoRequestKind, sentAt: number, extra: { quarter?: Quarter; manualDueDay?: string } = {}) =>
  infoRequestDueAt({ kind, sentAt, ...extra }, workCalendar, TZ);

describe('answer terms of requests to bodies, by kind (Kirov 2.3.4–2.3.5)', () => {
  it.each([
    ['official information: 3 clock hours', 'official-information', at('2025-03-12', 10), {}, at('2025-03-12', 13)],
    ['official information over midnight and a weekend', 'official-information', at('2025-03-14', 22, 30), {}, at('2025-03-15', 1, 30)],
    ['quarterly statistics asked in April: Q1 by 5 April', 'quarterly-statistics', at('2025-04-01'), {}, regionDayEnd('2025-04-05', TZ)],
    ['quarterly statistics asked in March: Q4 of last year by 5 January', 'quarterly-statistics', at('2025-03-20'), {}, regionDayEnd('2025-01-05', TZ)],
    ['quarterly statistics for a chosen quarter', 'quarterly-statistics', at('2025-03-20'), { quarter: '2025-Q1' }, regionDayEnd('2025-04-05', TZ)],
    ['quarterly statistics for Q4: 5 January of the next year', 'quarterly-statistics', at('2025-12-01'), { quarter: '2025-Q4' }, regionDayEnd('2026-01-05', TZ)],
    ['staff change: 5 working days', 'staff-change', at('2025-06-10'), {}, regionDayEnd('2025-06-19', TZ)],
    ['staff change over the May holidays (production calendar)', 'staff-change', at('2025-04-30'), {}, regionDayEnd('2025-05-13', TZ)],
    ['staff change over the New Year holidays', 'staff-change', at('2025-12-26'), {}, regionDayEnd('2026-01-14', TZ)],
    ['on request without a term', 'on-request', at('2025-03-12'), {}, null],
    ['on request with a day set', 'on-request', at('2025-03-12'), { manualDueDay: '2025-03-20' }, regionDayEnd('2025-03-20', TZ)],
    ['federal request without a term', 'federal', at('2025-03-12'), {}, null],
    ['federal request with a day set', 'federal', at('2025-03-12'), { manualDueDay: '2025-04-01' }, regionDayEnd('2025-04-01', TZ)],
    ['a day set by hand does not change a regulated term', 'staff-change', at('2025-06-10'), { manualDueDay: '2025-06-11' }, regionDayEnd('2025-06-19', TZ)],
  ] as const)('%s', (_name, kind, sentAt, extra, expected) => {
    expect(due(kind, sentAt, extra)).toBe(expected);
  });

  it('official information in working hours when the centre chooses so', () => {
    // Friday 17:00 → 1 h that day (to 18:00), 2 h on Monday from 09:00.
    const friday = at('2025-03-14', 17);
    expect(infoRequestDueAt({ kind: 'official-information', sentAt: friday }, workCalendar, TZ, { officialInformationHours: 'working' })).toBe(at('2025-03-17', 11));
  });

  it('quarters', () => {
    expect(['2025-01-01', '2025-03-31', '2025-04-01', '2025-07-15', '2025-10-01', '2025-12-31'].map(lastCompletedQuarter)).toEqual([
      '2024-Q4', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q3',
    ]);
    expect((['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'] as const).map(quarterlyStatisticsDueDay)).toEqual(['2025-04-05', '2025-07-05', '2025-10-05', '2026-01-05']);
    expect(() => quarterlyStatisticsDueDay('2025-Q5' as Quarter)).toThrow(RangeError);
  });

  it('only on-request and federal requests take a manual term', () => {
    expect(INFO_REQUEST_KINDS.filter(hasManualTerm)).toEqual(['on-request', 'federal']);
  });

  it('property: a staff-change term ends on a working day 5 working days on, the statistics term on the 5th after the quarter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 3 }), fc.integer({ min: 0, max: 23 }), (offset, hour) => {
        const day = addCalendarDays('2025-01-01', offset);
        const sentAt = at(day, hour);
        const staffDue = due('staff-change', sentAt)!;
        const dueDay = regionDay(staffDue, TZ);
        expect(staffDue).toBe(regionDayEnd(dueDay, TZ));
        expect(workCalendar.isWorkingDay(dueDay)).toBe(true);
        let working = 0;
        for (let d = addCalendarDays(day, 1); d <= dueDay; d = addCalendarDays(d, 1)) if (workCalendar.isWorkingDay(d)) working += 1;
        expect(working).toBe(5);
        const statsDay = regionDay(due('quarterly-statistics', sentAt)!, TZ);
        expect(statsDay.slice(8)).toBe('05');
        // The 5th after the last completed quarter is never more than ~3 months before the request.
        expect(statsDay <= addCalendarDays(day, 5)).toBe(true);
        expect(statsDay > addCalendarDays(day, -95)).toBe(true);
        expect(due('official-information', sentAt)).toBe(sentAt + 3 * H);
      }),
    );
  });
});
