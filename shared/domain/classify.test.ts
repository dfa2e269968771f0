import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeadlineInfo } from './appeal';
import { workCalendar } from './calendar';
import { classifyAt, finishedAtOf } from './classify';
import { makeAppeal } from '../../tests/support/domain-appeal';
import { regionDayEnd, regionTimeOn } from './time';

const TZ = 'Europe/Moscow';
const H = 3_600_000;
const at = (day: string, hh = 10, mm = 0) => regionTimeOn(day, hh * 60 + mm, TZ);
const dayDeadline = (day: string): DeadlineInfo => ({ dueAt: regionDayEnd(day, TZ), originalDueAt: null, ruleId: 'fz59', ruleVersion: 1, explanation: '', hourBased: false });
const hourDeadline = (dueAt: number): DeadlineInfo => ({ dueAt, originalDueAt: null, ruleId: 'im-high', ruleVersion: 1, explanation: '', hourBased: true });

describe('classifyAt', () => {
  it('open, not at risk', () => {
    const c = classifyAt(makeAppeal({ deadline: dayDeadline('2025-04-14') }), at('2025-04-01'), workCalendar, TZ);
    expect(c).toEqual({ state: 'open', atRisk24h: false, atRisk3wd: false, atRisk3h: false, overdueMs: 0, overdueHours: 0, overdueDays: 0, finishedAt: null });
  });

  it('at risk within 3 working days across the May holidays, not yet within 24 h', () => {
    // now Wednesday 30.04.2025; 3 working days later is 07.05 (1–4 May off)
    const appeal = makeAppeal({ deadline: dayDeadline('2025-05-07') });
    const c = classifyAt(appeal, at('2025-04-30'), workCalendar, TZ);
    expect(c).toMatchObject({ state: 'open', atRisk3wd: true, atRisk24h: false });
    expect(classifyAt(makeAppeal({ deadline: dayDeadline('2025-05-08') }), at('2025-04-30'), workCalendar, TZ).atRisk3wd).toBe(false);
  });

  it('at risk within 24 h', () => {
    const c = classifyAt(makeAppeal({ deadline: dayDeadline('2025-04-14') }), at('2025-04-14', 9), workCalendar, TZ);
    expect(c).toMatchObject({ state: 'open', atRisk24h: true, atRisk3wd: true });
  });

  it('hour-based rules use the 3 h band for every at-risk flag', () => {
    const due = at('2025-03-12', 17);
    expect(classifyAt(makeAppeal({ source: 'im', deadline: hourDeadline(due) }), at('2025-03-12', 13), workCalendar, TZ)).toMatchObject({
      state: 'open', atRisk3h: false, atRisk24h: false, atRisk3wd: false,
    });
    expect(classifyAt(makeAppeal({ source: 'im', deadline: hourDeadline(due) }), at('2025-03-12', 14, 30), workCalendar, TZ)).toMatchObject({
      state: 'open', atRisk3h: true, atRisk24h: true, atRisk3wd: true,
    });
  });

  it('overdue now, with days and hours', () => {
    const appeal = makeAppeal({ deadline: dayDeadline('2025-04-14') });
    const c = classifyAt(appeal, at('2025-04-17', 12), workCalendar, TZ);
    expect(c.state).toBe('overdue');
    expect(c.overdueDays).toBe(3);
    expect(c.overdueMs).toBe(at('2025-04-17', 12) - regionDayEnd('2025-04-14', TZ));
    expect(c.overdueHours).toBe(60); // 00:00 15.04 → 12:00 17.04
    // one minute past midnight counts as one day
    expect(classifyAt(appeal, at('2025-04-15', 0, 1), workCalendar, TZ)).toMatchObject({ state: 'overdue', overdueDays: 1, overdueHours: 1 });
    // the last millisecond of the due day is still on time
    expect(classifyAt(appeal, regionDayEnd('2025-04-14', TZ), workCalendar, TZ).state).toBe('open');
  });

  it('answered on time and late', () => {
    const onTime = makeAppeal({ deadline: dayDeadline('2025-04-14'), answeredAt: at('2025-04-14', 23, 59), status: 'answered' });
    expect(classifyAt(onTime, at('2025-05-01'), workCalendar, TZ)).toMatchObject({ state: 'answered-on-time', overdueMs: 0 });
    const late = makeAppeal({ deadline: dayDeadline('2025-04-14'), answeredAt: at('2025-04-16', 10), status: 'answered' });
    expect(classifyAt(late, at('2025-05-01'), workCalendar, TZ)).toMatchObject({ state: 'answered-late', overdueDays: 2, overdueHours: 34 });
    const lateIm = makeAppeal({ source: 'im', deadline: hourDeadline(at('2025-03-12', 17)), closedAt: at('2025-03-12', 17, 30), status: 'closed' });
    expect(classifyAt(lateIm, at('2025-03-13'), workCalendar, TZ)).toMatchObject({ state: 'answered-late', overdueDays: 1, overdueHours: 1 });
  });

  it('an answer after `now` does not count yet', () => {
    const appeal = makeAppeal({ deadline: dayDeadline('2025-04-14'), answeredAt: at('2025-04-20'), status: 'answered' });
    expect(classifyAt(appeal, at('2025-04-16'), workCalendar, TZ).state).toBe('overdue');
  });

  it('a final status without a date is finished at its last update', () => {
    const appeal = makeAppeal({ deadline: dayDeadline('2025-04-14'), status: 'rejected', updatedAt: at('2025-04-02') });
    expect(finishedAtOf(appeal)).toBe(at('2025-04-02'));
    expect(classifyAt(appeal, at('2025-05-01'), workCalendar, TZ).state).toBe('answered-on-time');
  });

  it('no deadline', () => {
    const c = classifyAt(makeAppeal({ deadline: null, answeredAt: at('2025-03-13') }), at('2025-04-01'), workCalendar, TZ);
    expect(c).toMatchObject({ state: 'no-deadline', finishedAt: at('2025-03-13') });
  });
});

describe('classifyAt properties', () => {
  it('states agree with the definitions for any instants', () => {
    const t = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 0, 1) });
    fc.assert(
      fc.property(t, t, fc.option(t), fc.boolean(), (dueAt, now, answeredAt, hourBased) => {
        const deadline: DeadlineInfo = { dueAt, originalDueAt: null, ruleId: 'x', ruleVersion: 1, explanation: '', hourBased };
        const c = classifyAt(makeAppeal({ deadline, answeredAt, status: answeredAt === null ? 'assigned' : 'answered' }), now, workCalendar, TZ);
        const answered = answeredAt !== null && answeredAt <= now;
        const expected = answered ? (answeredAt! <= dueAt ? 'answered-on-time' : 'answered-late') : now > dueAt ? 'overdue' : 'open';
        expect(c.state).toBe(expected);
        expect(c.overdueMs > 0).toBe(expected === 'overdue' || expected === 'answered-late');
        if (c.state === 'open' && !hourBased) expect(c.atRisk24h).toBe(dueAt - now <= 24 * H);
        if (c.atRisk24h || c.atRisk3wd || c.atRisk3h) expect(c.state).toBe('open');
      }),
      { numRuns: 300 },
    );
  });
});
