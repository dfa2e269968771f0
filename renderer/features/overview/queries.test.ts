import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { upsertAppeals } from '../../db/appeals-repo';
import { makeAppeal, T0 } from '../../../tests/support/store-appeal';
import { loadOverview } from './queries';
import { freshDb } from '../../../tests/support/fresh-db';

const DAY = 86_400_000;
const dl = (dueAt: number) => ({ dueAt, originalDueAt: null, ruleId: 'r', ruleVersion: 1, explanation: '', hourBased: false });
const period = { from: '2025-11-12', to: '2025-11-18' };
const order = ['housing', 'roads', 'energy'];

describe('loadOverview', () => {
  it('shows an empty store as empty, every sector with zeros', async () => {
    const model = await loadOverview(freshDb(), { period, sector: null, sectorOrder: order, now: T0 });
    expect(model.isEmpty).toBe(true);
    expect(model.sectors.map((s) => [s.sector, s.period.received.value, s.now.overdue.value])).toEqual([
      ['housing', 0, 0],
      ['roads', 0, 0],
      ['energy', 0, 0],
    ]);
  });

  it('counts the period, the previous period, today and deadline states from the aggregates', async () => {
    const db = freshDb();
    await upsertAppeals(db, [
      // today (2025-11-18), overdue, no municipality or organisation
      makeAppeal({ externalId: '1', receivedAt: T0 - 3600_000, deadline: dl(T0 - 60_000), municipality: null, orgCurrent: null }),
      // today, repeat, answered on time
      makeAppeal({ externalId: '2', receivedAt: T0 - 2 * 3600_000, isRepeat: true, status: 'answered', answeredAt: T0 - 3600_000, rating: 5 }),
      // yesterday, roads, at risk within 24 h
      makeAppeal({ externalId: '3', sector: 'roads', receivedAt: T0 - DAY, deadline: dl(T0 + 3600_000) }),
      // previous period (8 days ago), answered late
      makeAppeal({ externalId: '4', receivedAt: T0 - 8 * DAY, status: 'answered', answeredAt: T0 - DAY, deadline: dl(T0 - 2 * DAY), rating: 2 }),
      // a sector not in the pack's order
      makeAppeal({ externalId: '5', sector: 'ecology', receivedAt: T0 - 2 * DAY, status: 'postponed' }),
    ]);
    const model = await loadOverview(db, { period, sector: null, sectorOrder: order, now: T0 });
    expect(model.isEmpty).toBe(false);
    expect(model.total.period.received.value).toBe(4);
    expect(model.total.period.received.delta).toBe(3);
    expect(model.total.period.repeat.value).toBe(1);
    expect(model.total.period.postponed.value).toBe(1);
    expect(model.total.period.answered.value).toBe(1);
    expect(model.total.period.onTimeShare.value).toBe(1);
    expect(model.total.period.onTimeShare.delta).toBe(100);
    expect(model.total.period.satisfaction.value).toBe(1);
    expect(model.total.now.overdue.value).toBe(1);
    expect(model.total.now.atRisk24h.value).toBe(1);
    expect(model.today.received.value).toBe(2);
    expect(model.today.received.delta).toBe(1);
    expect(model.sectors.map((s) => s.sector)).toEqual(['housing', 'roads', 'energy', 'ecology']);
    const roads = model.sectors[1]!;
    expect(roads.period.received.value).toBe(1);
    expect(roads.now.atRisk24h.value).toBe(1);
    expect(roads.now.atRisk24h.filter).toEqual({ sector: 'roads', deadline: 'at-risk-24h', sort: 'due-asc' });

    const housing = await loadOverview(db, { period, sector: 'housing', sectorOrder: order, now: T0 });
    expect(housing.sectors.map((s) => s.sector)).toEqual(['housing']);
    expect(housing.total.period.received.value).toBe(2);
    expect(housing.total.now.overdue.value).toBe(1);
  });
});
