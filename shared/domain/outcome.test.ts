import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NORMALIZED_STATUSES, OUTCOMES, type DeadlineInfo } from './appeal';
import { finishedAtOf } from './classify';
import { isOpenStatus } from './status';
import { answerTimelinessOf, hasAnswerTime, isFinished, isPostponed, isRated, isSatisfied } from './outcome';
import { makeAppeal } from '../../tests/support/domain-appeal';

const T = Date.UTC(2025, 10, 18, 6);
const H = 3_600_000;
const due = (dueAt: number): DeadlineInfo => ({ dueAt, originalDueAt: null, ruleId: 'r', ruleVersion: 1, explanation: '', hourBased: false });

describe('outcome predicates', () => {
  it('finished: an answer, a closure, or a final status without dates', () => {
    expect(isFinished(makeAppeal({ status: 'assigned', answeredAt: T }))).toBe(true);
    expect(isFinished(makeAppeal({ status: 'assigned', closedAt: T }))).toBe(true);
    expect(isFinished(makeAppeal({ status: 'closed' }))).toBe(true);
    expect(isFinished(makeAppeal({ status: 'assigned' }))).toBe(false);
  });

  it('postponed by status or by outcome', () => {
    expect(isPostponed(makeAppeal({ status: 'postponed' }))).toBe(true);
    expect(isPostponed(makeAppeal({ status: 'assigned', outcome: 'postponed' }))).toBe(true);
    expect(isPostponed(makeAppeal({ status: 'answered', outcome: 'resolved' }))).toBe(false);
  });

  it('on time up to and including the due instant, by the finish (answer, else closure)', () => {
    expect(answerTimelinessOf(makeAppeal({ answeredAt: T, deadline: due(T) }))).toBe('on-time');
    expect(answerTimelinessOf(makeAppeal({ answeredAt: T + 1, deadline: due(T) }))).toBe('late');
    expect(answerTimelinessOf(makeAppeal({ closedAt: T + H, deadline: due(T) }))).toBe('late');
    expect(answerTimelinessOf(makeAppeal({ answeredAt: T, deadline: null }))).toBeNull();
    expect(answerTimelinessOf(makeAppeal({ status: 'assigned', deadline: due(T) }))).toBeNull();
  });

  it('rated 1–5 only; satisfied 4–5', () => {
    expect([null, 0, 1, 3, 4, 5, 6].map(isRated)).toEqual([false, false, true, true, true, true, false]);
    expect([null, 0, 1, 3, 4, 5, 6].map(isSatisfied)).toEqual([false, false, false, false, true, true, false]);
  });

  it('an answer time from the source figure or the answer instant, not from a closure', () => {
    expect(hasAnswerTime(makeAppeal({ answerHours: 5 }))).toBe(true);
    expect(hasAnswerTime(makeAppeal({ answeredAt: T }))).toBe(true);
    expect(hasAnswerTime(makeAppeal({ closedAt: T, status: 'closed' }))).toBe(false);
  });

  it('timeliness exists exactly for finished appeals with a deadline, and agrees with finishedAtOf', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NORMALIZED_STATUSES),
        fc.constantFrom(null, ...OUTCOMES),
        fc.option(fc.integer({ min: -100, max: 100 }), { nil: null }),
        fc.option(fc.integer({ min: -100, max: 100 }), { nil: null }),
        fc.option(fc.integer({ min: -100, max: 100 }), { nil: null }),
        (status, outcome, answered, closed, dueH) => {
          const a = makeAppeal({
            status,
            outcome,
            answeredAt: answered === null ? null : T + answered * H,
            closedAt: closed === null ? null : T + closed * H,
            deadline: dueH === null ? null : due(T + dueH * H),
            updatedAt: T,
          });
          const finishedAt = finishedAtOf(a);
          expect(isFinished(a)).toBe(a.answeredAt !== null || a.closedAt !== null || !isOpenStatus(status));
          const t = answerTimelinessOf(a);
          expect(t !== null).toBe(isFinished(a) && a.deadline !== null);
          if (t !== null) expect(t === 'on-time').toBe(finishedAt! <= a.deadline!.dueAt);
          expect(isPostponed(a)).toBe(status === 'postponed' || outcome === 'postponed');
        },
      ),
    );
  });
});
