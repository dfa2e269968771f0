import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankAppeal, type Appeal, type DeadlineInfo, type NormalizedStatus, type Outcome } from './appeal';
import { workCalendar } from './calendar';
import { classifyAt } from './classify';
import { computeMeasures } from '../../tests/support/reference-measures';
import { carriesNewDate, heldDueAt, isPostponed } from './postponement';
import { regionDayEnd, regionTimeOn } from './time';

const TZ = 'Europe/Moscow';
const H = 3_600_000;
const at = (day: string, hh = 10) => regionTimeOn(day, hh * 60, TZ);
const OLD = regionDayEnd('2025-03-20', TZ);
const NEW = regionDayEnd('2025-04-10', TZ);

/** Deadlines as each source gives them: moved (old date kept), the source's own, or our rule's. */
const moved: DeadlineInfo = { dueAt: NEW, originalDueAt: OLD, ruleId: 'record', ruleVersion: 1, explanation: '', hourBased: false };
const sourceOwn: DeadlineInfo = { dueAt: NEW, originalDueAt: null, ruleId: 'record', ruleVersion: 1, explanation: '', hourBased: false };
const ruleOnly: DeadlineInfo = { dueAt: OLD, originalDueAt: null, ruleId: 'fz59', ruleVersion: 1, explanation: '', hourBased: false };
const imHours: DeadlineInfo = { dueAt: at('2025-03-12', 18), originalDueAt: null, ruleId: 'im-normal', ruleVersion: 1, explanation: '', hourBased: true };

function appeal(status: NormalizedStatus, deadline: DeadlineInfo | null, outcome: Outcome | null = null, extra: Partial<Appeal> = {}): Appeal {
  return { ...blankAppeal('pos', '1', at('2025-03-12', 9)), status, statusRaw: status, deadline, outcome, sectorMapped: true, sector: 'housing', ...extra };
}

describe('postponed group', () => {
  it.each([
    ['ПОС «Перенос срока обработки утвержден» (extended)', 'extended', null, true],
    ['59-ФЗ «Срок продлен» (extended)', 'extended', null, true],
    ['ИМ «Отложено» (postponed)', 'postponed', null, true],
    ['ИМ «Итог: Отложено» after the answer', 'closed', 'postponed', true],
    ['ПОС «Запланировано» resolution', 'answered', 'postponed', true],
    ['assigned', 'assigned', null, false],
    ['answered, resolved', 'answered', 'resolved', false],
    ['«Не решено»', 'unresolved', 'unresolved', false],
  ] as const)('%s → postponed: %s', (_name, status, outcome, expected) => {
    expect(isPostponed({ status, outcome })).toBe(expected);
  });
});

describe('a postponed appeal is overdue only against its new date', () => {
  // [case, status, deadline, now, expected state, held-to instant]
  it.each([
    ['ПОС postponement, old date passed, new date ahead', 'extended', moved, at('2025-03-25'), 'open', NEW],
    ['ПОС postponement, new date passed', 'extended', moved, at('2025-04-11'), 'overdue', NEW],
    ['ПОС postponement, platform date (already the new one)', 'extended', sourceOwn, at('2025-03-25'), 'open', NEW],
    ['59-ФЗ extension without a new date in the register', 'extended', ruleOnly, at('2025-05-30'), 'open', null],
    ['ИМ «Отложено», reaction hours long past', 'postponed', { ...imHours }, at('2025-06-01'), 'open', null],
    ['ИМ «Отложено» with a date from the source', 'postponed', sourceOwn, at('2025-04-11'), 'overdue', NEW],
    ['not postponed, same rule deadline passed', 'assigned', ruleOnly, at('2025-03-25'), 'overdue', OLD],
  ] as const)('%s', (_name, status, deadline, now, state, held) => {
    const a = appeal(status, deadline);
    expect(heldDueAt(a)).toBe(held);
    const c = classifyAt(a, now, workCalendar, TZ);
    expect(c.state).toBe(state);
    if (held === null) expect(c).toMatchObject({ atRisk24h: false, atRisk3wd: false, atRisk3h: false, overdueMs: 0 });
  });

  it('knows which deadlines carry the new date', () => {
    expect(carriesNewDate(moved)).toBe(true);
    expect(carriesNewDate(sourceOwn)).toBe(true);
    expect(carriesNewDate(ruleOnly)).toBe(false);
    expect(carriesNewDate(imHours)).toBe(false);
  });

  it('measures count it as postponed and not as overdue', () => {
    const appeals = [
      appeal('extended', ruleOnly, null, { externalId: '1', id: 'pos:1' }),
      appeal('postponed', imHours, null, { externalId: '2', id: 'pos:2' }),
      appeal('extended', moved, null, { externalId: '3', id: 'pos:3' }),
      appeal('assigned', ruleOnly, null, { externalId: '4', id: 'pos:4' }),
    ];
    const m = computeMeasures(appeals, { from: '2025-03-01', to: '2025-03-31', now: at('2025-03-25'), timeZone: TZ, calendar: workCalendar });
    expect(m).toMatchObject({ received: 4, open: 4, postponed: 3, overdue: 1 });
    const later = computeMeasures(appeals, { from: '2025-03-01', to: '2025-03-31', now: at('2025-04-11'), timeZone: TZ, calendar: workCalendar });
    expect(later).toMatchObject({ postponed: 3, overdue: 2 });
  });

  it('property: a postponed appeal without a new date is never overdue; with one, exactly after it', () => {
    const statuses = fc.constantFrom<NormalizedStatus>('extended', 'postponed', 'assigned', 'routed', 'new', 'other');
    const deadlines = fc.constantFrom(moved, sourceOwn, ruleOnly, imHours);
    fc.assert(
      fc.property(statuses, deadlines, fc.integer({ min: -2000, max: 4000 }), (status, deadline, hoursFromReceipt) => {
        const a = appeal(status, deadline);
        const now = a.receivedAt + hoursFromReceipt * H;
        const c = classifyAt(a, now, workCalendar, TZ);
        const postponed = isPostponed(a);
        if (postponed && !carriesNewDate(deadline)) {
          expect(c.state).toBe('open');
          expect(c.overdueMs).toBe(0);
        } else {
          expect(c.state === 'overdue').toBe(now > deadline.dueAt);
        }
      }),
    );
  });
});
