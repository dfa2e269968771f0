import { describe, expect, it } from 'vitest';
import { makeTestAppeals } from '../../../tests/support/registry-appeals';
import { appealTimeline } from './timeline';

const NOW = Date.parse('2025-11-18T09:00:00+03:00');

describe('appeal timeline', () => {
  it('orders the record dates, places an extension before the answer and ends with the current status', () => {
    const a = makeTestAppeals({ count: 1, seed: 1, now: NOW })[0]!;
    a.receivedAt = 1_000;
    a.registeredAt = 2_000;
    a.answeredAt = 9_000;
    a.closedAt = 10_000;
    a.status = 'closed';
    a.statusRaw = 'Закрыто';
    a.deadline = { dueAt: 8_000, originalDueAt: 5_000, ruleId: 'fz59', ruleVersion: 1, explanation: 'x', hourBased: false };
    expect(appealTimeline(a).map((e) => e.kind)).toEqual(['received', 'registered', 'extended', 'answered', 'closed', 'current']);
    expect(appealTimeline(a).find((e) => e.kind === 'answered')).toMatchObject({ late: true });
  });

  it('shows an open appeal with what it has', () => {
    const a = makeTestAppeals({ count: 1, seed: 2, now: NOW })[0]!;
    a.registeredAt = null;
    a.answeredAt = null;
    a.closedAt = null;
    a.status = 'assigned';
    a.deadline = null;
    expect(appealTimeline(a).map((e) => e.kind)).toEqual(['received', 'current']);
  });
});
