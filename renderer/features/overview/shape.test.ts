import { describe, expect, it } from 'vitest';
import { overviewPeriods } from './periods';
import {
  EMPTY_COUNTERS,
  EMPTY_DEADLINES,
  metricDelta,
  periodValue,
  sectorIds,
  shapeOverview,
  type DeadlineCounts,
  type OverviewCounters,
  type OverviewInput,
} from './shape';

function counters(partial: Partial<OverviewCounters>): OverviewCounters {
  return { ...EMPTY_COUNTERS, ...partial };
}

function deadlines(partial: Partial<DeadlineCounts>): DeadlineCounts {
  return { ...EMPTY_DEADLINES, ...partial };
}

const periods = overviewPeriods({ from: '2025-11-01', to: '2025-11-18' }, '2025-11-18');

function input(overrides: Partial<OverviewInput> = {}): OverviewInput {
  return {
    periods,
    sector: null,
    sectorOrder: ['housing', 'roads'],
    period: {
      total: counters({ received: 10, open: 4, answered: 6, answeredOnTime: 3, answeredLate: 1, repeat: 2, postponed: 1, rated: 4, satisfied: 3, answerHoursSum: 60, answerHoursCount: 6 }),
      bySector: new Map([['housing', counters({ received: 10, answered: 6, answerHoursSum: 60, answerHoursCount: 6 })]]),
    },
    previous: {
      total: counters({ received: 8, answered: 4, answeredOnTime: 1, answeredLate: 1, rated: 2, satisfied: 2, answerHoursSum: 20, answerHoursCount: 4 }),
      bySector: new Map([['housing', counters({ received: 8 })]]),
    },
    today: counters({ received: 5, repeat: 1 }),
    yesterday: counters({ received: 3 }),
    week: counters({ received: 28, repeat: 14 }),
    deadlines: {
      total: deadlines({ open: 7, overdue: 3, atRisk24h: 1, atRisk3wd: 2 }),
      bySector: new Map([['housing', deadlines({ open: 7, overdue: 3, atRisk24h: 1, atRisk3wd: 2 })]]),
    },
    ...overrides,
  };
}

describe('periods', () => {
  it('compares with the previous equal period, across month ends', () => {
    expect(overviewPeriods({ from: '2025-11-01', to: '2025-11-18' }, '2025-11-18').previous).toEqual({ from: '2025-10-14', to: '2025-10-31' });
    expect(overviewPeriods({ from: '2025-03-01', to: '2025-03-01' }, '2025-03-01').previous).toEqual({ from: '2025-02-28', to: '2025-02-28' });
  });

  it('derives today, yesterday and the seven days before today', () => {
    expect(periods.today).toEqual({ from: '2025-11-18', to: '2025-11-18' });
    expect(periods.yesterday).toEqual({ from: '2025-11-17', to: '2025-11-17' });
    expect(periods.week).toEqual({ from: '2025-11-11', to: '2025-11-17' });
  });
});

describe('metric values', () => {
  it('derives shares and averages, null without a denominator', () => {
    // Five answered, one of them closed without an answer time: the average is over the four timed.
    const c = counters({ answered: 5, answeredOnTime: 3, answeredLate: 1, answerHoursSum: 10, answerHoursCount: 4, rated: 0 });
    expect(periodValue('onTimeShare', c)).toBe(0.75);
    expect(periodValue('avgAnswerHours', c)).toBe(2.5);
    expect(periodValue('avgAnswerHours', counters({ answered: 2 }))).toBeNull();
    expect(periodValue('satisfaction', c)).toBeNull();
    expect(periodValue('onTimeShare', EMPTY_COUNTERS)).toBeNull();
  });

  it('gives share deltas in percentage points and none when a side is missing', () => {
    expect(metricDelta(0.75, 0.5, 'share')).toBe(25);
    expect(metricDelta(10, 8, 'count')).toBe(2);
    expect(metricDelta(null, 8, 'count')).toBeNull();
  });
});

describe('shapeOverview', () => {
  it('shapes totals with deltas against the previous period', () => {
    const model = shapeOverview(input());
    expect(model.total.period.received.value).toBe(10);
    expect(model.total.period.received.delta).toBe(2);
    expect(model.total.period.onTimeShare.value).toBe(0.75);
    expect(model.total.period.onTimeShare.delta).toBe(25);
    expect(model.total.period.avgAnswerHours.value).toBe(10);
    expect(model.total.period.avgAnswerHours.delta).toBe(5);
    expect(model.total.period.satisfaction.value).toBe(0.75);
    expect(model.total.now.overdue.value).toBe(3);
    expect(model.total.now.overdue.delta).toBeNull();
    expect(model.isEmpty).toBe(false);
  });

  it('compares today with yesterday and with the 7-day average', () => {
    const model = shapeOverview(input());
    expect(model.today.received.value).toBe(5);
    expect(model.today.received.delta).toBe(2);
    expect(model.today.received.deltaWeek).toBe(1);
    expect(model.today.repeat.deltaWeek).toBe(-1);
  });

  it('lists every sector of the pack, a sector without appeals as zeros', () => {
    const model = shapeOverview(input());
    expect(model.sectors.map((s) => s.sector)).toEqual(['housing', 'roads']);
    const roads = model.sectors[1]!;
    expect(roads.period.received.value).toBe(0);
    expect(roads.period.received.delta).toBe(0);
    expect(roads.period.onTimeShare.value).toBeNull();
    expect(roads.now.overdue.value).toBe(0);
  });

  it('keeps sectors found in the data but missing from the pack', () => {
    expect(sectorIds(['a'], new Map([['b', 1]]), new Map([['a', 1], ['c', 2]]))).toEqual(['a', 'b', 'c']);
  });

  it('links every number to exactly the appeals behind it', () => {
    const model = shapeOverview(input());
    expect(model.total.period.received.filter).toEqual({ from: '2025-11-01', to: '2025-11-18' });
    expect(model.total.period.repeat.filter).toEqual({ from: '2025-11-01', to: '2025-11-18', repeat: true });
    expect(model.total.now.overdue.filter).toEqual({ deadline: 'overdue', sort: 'due-asc' });
    expect(model.sectors[0]!.now.atRisk24h.filter).toEqual({ sector: 'housing', deadline: 'at-risk-24h', sort: 'due-asc' });
    expect(model.today.received.filter).toEqual({ from: '2025-11-18', to: '2025-11-18' });
  });

  it('restricts rows and links to the chosen sector', () => {
    const model = shapeOverview(input({ sector: 'housing' }));
    expect(model.sectors.map((s) => s.sector)).toEqual(['housing']);
    expect(model.total.period.postponed.filter).toEqual({ from: '2025-11-01', to: '2025-11-18', sector: 'housing', postponed: true });
  });

  it('is empty only when nothing was received and nothing is open', () => {
    const empty = shapeOverview(
      input({
        period: { total: EMPTY_COUNTERS, bySector: new Map() },
        previous: { total: EMPTY_COUNTERS, bySector: new Map() },
        today: EMPTY_COUNTERS,
        yesterday: EMPTY_COUNTERS,
        week: EMPTY_COUNTERS,
        deadlines: { total: EMPTY_DEADLINES, bySector: new Map() },
      }),
    );
    expect(empty.isEmpty).toBe(true);
    expect(empty.total.period.satisfaction.value).toBeNull();
    const openOnly = shapeOverview(
      input({ period: { total: EMPTY_COUNTERS, bySector: new Map() }, today: EMPTY_COUNTERS }),
    );
    expect(openOnly.isEmpty).toBe(false);
  });
});
