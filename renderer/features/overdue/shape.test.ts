import { describe, expect, it } from 'vitest';
import {
  ageingBucketOf,
  ageingRows,
  daysOverdue,
  formatCountdown,
  groupByExecutor,
  bucketRange,
  isAfterCursor,
  narrowToBucket,
  listRange,
  offenderFilter,
  rankOffenders,
  type OpenAppealLike,
} from './shape';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 10, 18, 6);

describe('rankOffenders', () => {
  it('puts the worst first and drops rows with nothing overdue or at risk', () => {
    const rows = rankOffenders(
      new Map([
        ['Б', { open: 10, overdue: 2, atRisk24h: 0, atRisk3wd: 1 }],
        ['А', { open: 10, overdue: 5, atRisk24h: 0, atRisk3wd: 0 }],
        ['В', { open: 3, overdue: 2, atRisk24h: 1, atRisk3wd: 1 }],
        ['Г', { open: 9, overdue: 0, atRisk24h: 0, atRisk3wd: 0 }],
        ['', { open: 4, overdue: 1, atRisk24h: 0, atRisk3wd: 0 }],
      ]),
    );
    expect(rows.map((r) => r.key)).toEqual(['А', 'В', 'Б', null]);
    expect(rows[0]!.overdueShare).toBe(0.5);
  });

  it('limits the list', () => {
    const map = new Map([
      ['x', { open: 1, overdue: 1, atRisk24h: 0, atRisk3wd: 0 }],
      ['y', { open: 2, overdue: 2, atRisk24h: 0, atRisk3wd: 0 }],
    ]);
    expect(rankOffenders(map, 1).map((r) => r.key)).toEqual(['y']);
  });
});

describe('ageing', () => {
  it('counts a started day and buckets 1–3, 4–7, 8–30, 30+', () => {
    expect(daysOverdue(NOW - 1, NOW)).toBe(1);
    expect(daysOverdue(NOW + 1, NOW)).toBe(0);
    expect(daysOverdue(NOW - 3 * DAY, NOW)).toBe(3);
    expect(ageingBucketOf(0)).toBeNull();
    expect(ageingBucketOf(3)).toBe('1-3');
    expect(ageingBucketOf(4)).toBe('4-7');
    expect(ageingBucketOf(8)).toBe('8-30');
    expect(ageingBucketOf(30)).toBe('8-30');
    expect(ageingBucketOf(31)).toBe('30+');
  });

  it('gives shares of the total, none when empty', () => {
    const rows = ageingRows({ '1-3': 2, '4-7': 1, '8-30': 1, '30+': 0 });
    expect(rows.map((r) => r.share)).toEqual([0.5, 0.25, 0.25, 0]);
    expect(ageingRows({ '1-3': 0, '4-7': 0, '8-30': 0, '30+': 0 })[0]!.share).toBeNull();
  });
});

describe('groupByExecutor', () => {
  const appeal = (id: string, executor: string | null, dueAt: number, org: string | null = 'Орг'): OpenAppealLike => ({
    id,
    executor,
    orgCurrent: org,
    openDueAt: dueAt,
    deadline: { dueAt, hourBased: false },
  });

  it('groups overdue and at-risk by executor, worst first, unknown executor kept', () => {
    const rows = groupByExecutor(
      [
        appeal('1', 'Иванов', NOW - 2 * DAY),
        appeal('2', 'Петров', NOW - 9 * DAY),
        appeal('3', 'Иванов', NOW + DAY, 'Другая'),
        appeal('4', null, NOW - DAY, null),
        appeal('5', 'Петров', NOW - DAY),
      ],
      NOW,
    );
    expect(rows.map((r) => r.executor)).toEqual(['Петров', 'Иванов', null]);
    expect(rows[0]).toMatchObject({ overdue: 2, atRisk: 0, worstDueAt: NOW - 9 * DAY });
    expect(rows[1]).toMatchObject({ overdue: 1, atRisk: 1, organisations: ['Орг', 'Другая'] });
    expect(rows[2]).toMatchObject({ overdue: 1, organisations: [] });
  });
});

describe('formatCountdown', () => {
  it('shows h:mm:ss and a real minus when late', () => {
    expect(formatCountdown(3 * 3600_000)).toBe('3:00:00');
    expect(formatCountdown(3600_000 + 61_500)).toBe('1:01:01');
    expect(formatCountdown(-(12 * 60_000 + 3000))).toBe('\u22120:12:03');
  });
});

describe('offenderFilter', () => {
  it('links an organisation to its overdue appeals, none for an unknown one', () => {
    expect(offenderFilter('organisation', 'УК', 'overdue', 'housing')).toEqual({
      organisation: 'УК',
      deadline: 'overdue',
      sort: 'due-asc',
      sector: 'housing',
    });
    expect(offenderFilter('organisation', null, 'overdue', null)).toBeNull();
  });
});

describe('listRange', () => {
  const H = 3600_000;
  const edges = { now: NOW, hourRiskEnd: NOW + 3 * H, dayRiskEnd: NOW + 24 * H, workRiskEnd: NOW + 4 * DAY };

  it('reads overdue below now', () => {
    const r = listRange('overdue', edges);
    expect([r.lower, r.upper]).toEqual([-Infinity, NOW]);
    expect(r.accepts(NOW - 1, false)).toBe(true);
    expect(r.accepts(NOW, false)).toBe(false);
  });

  it('gives hour-based deadlines the 3-hour band, as the aggregates count them', () => {
    const r24 = listRange('at-risk-24h', edges);
    expect(r24.accepts(NOW + 5 * H, false)).toBe(true);
    expect(r24.accepts(NOW + 5 * H, true)).toBe(false);
    expect(r24.accepts(NOW + 2 * H, true)).toBe(true);
    const r3 = listRange('at-risk-3wd', edges);
    expect(r3.upper).toBe(NOW + 4 * DAY);
    expect(r3.accepts(NOW + 3 * DAY, false)).toBe(true);
    expect(r3.accepts(NOW + 3 * DAY, true)).toBe(false);
    expect(r3.accepts(NOW - 1, false)).toBe(false);
  });
});

describe('isAfterCursor', () => {
  it('orders by deadline then id, so ties never repeat or skip rows', () => {
    const c = { dueAt: 100, id: 'pos:5' };
    expect(isAfterCursor(100, 'pos:5', c)).toBe(false);
    expect(isAfterCursor(100, 'pos:6', c)).toBe(true);
    expect(isAfterCursor(99, 'pos:9', c)).toBe(false);
    expect(isAfterCursor(101, 'pos:0', c)).toBe(true);
    expect(isAfterCursor(1, 'a', null)).toBe(true);
  });
});

describe('ageing bucket ranges', () => {
  it('tiles the overdue range without gaps, on the ageing edges it is given', () => {
    const edges = { now: NOW, hourRiskEnd: NOW, dayRiskEnd: NOW, workRiskEnd: NOW };
    const ageing = { now: NOW, age3: NOW - 3 * DAY, age7: NOW - 7 * DAY, age30: NOW - 30 * DAY };
    const overdue = listRange('overdue', edges);
    for (const days of [0.5, 3, 3.01, 7, 7.5, 30, 31, 400]) {
      const dueAt = NOW - days * DAY;
      const bucket = ageingBucketOf(daysOverdue(dueAt, NOW))!;
      const hits = (['1-3', '4-7', '8-30', '30+'] as const).filter((b) => narrowToBucket(overdue, b, ageing).accepts(dueAt, false));
      expect(hits).toEqual([bucket]);
    }
    expect(bucketRange('30+', ageing)).toEqual({ lower: -Infinity, upper: NOW - 30 * DAY });
    expect(narrowToBucket(overdue, null, ageing)).toBe(overdue);
  });
});
