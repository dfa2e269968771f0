import { describe, expect, it } from 'vitest';
import { demoYear } from '../demo';
import { DemoModel } from '../demo/model';
import { KIROV_PACK } from '../domain/packs';
import { isoToDayNumber, regionDay } from '../domain/time';
import { ColumnStore } from './columns';
import { factsOf } from './facts';
import { municipalityTopicSeries } from './series';
import { detectSpikes, episodes, poissonTail, spikeSentence, type CellSeries } from './spikes';

function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}
/** Poisson draws by inversion (small λ). */
function poisson(lambda: number, next: () => number): number {
  let k = 0;
  let p = Math.exp(-lambda);
  let cdf = p;
  const u = next();
  while (u > cdf && k < 1000) {
    k++;
    p *= lambda / k;
    cdf += p;
  }
  return k;
}

function quietGrid(cells: number, days: number, seed: number): CellSeries {
  const next = rng(seed);
  const counts = new Uint32Array(cells * days);
  const rates = Array.from({ length: cells }, () => 0.05 + next() * 2);
  for (let c = 0; c < cells; c++) for (let d = 0; d < days; d++) counts[c * days + d] = poisson(rates[c]!, next);
  return { cells, days, firstDay: 20_000, counts, firstWeekday: 0 };
}

describe('spike detection', () => {
  it('computes Poisson tails', () => {
    expect(poissonTail(0, 3)).toBe(1);
    expect(poissonTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    expect(poissonTail(14, 2.1)).toBeGreaterThan(0);
    expect(poissonTail(14, 2.1)).toBeLessThan(1e-6);
  });

  it('finds a planted spike the day it starts, and raises few alerts across 2,000 quiet cells', () => {
    const grid = quietGrid(2_000, 60, 3);
    grid.counts[777 * 60 + 50] = 12;
    const ends = Array.from({ length: 28 }, (_, i) => 31 + i);
    const alerts = episodes(detectSpikes(grid, ends));
    expect(alerts.some((a) => a.cell === 777 && a.endDay - grid.firstDay === 50)).toBe(true);
    const others = alerts.filter((a) => a.cell !== 777);
    // Four weeks over 2,000 cells: at most a few false alarms per week.
    expect(others.length / 4).toBeLessThanOrEqual(3);
  });

  it('explains an alert in one Russian line', () => {
    expect(spikeSentence('Водоснабжение', 'Слободской район', { observed: 14, expected: 2.1, ratio: 6.666 }, 3)).toBe(
      'Водоснабжение, Слободской район: 14 за 3 дня при обычных 2,1 — в 6,7 раза больше',
    );
  });

  it('finds the demo region’s planted incidents within a day, with few other alerts per week', () => {
    const scale = 40_000;
    const asOf = Date.UTC(2025, 10, 18, 9);
    const appeals = demoYear({ seed: 42, scale, pack: KIROV_PACK }, asOf);
    const store = new ColumnStore(appeals.length);
    for (const a of appeals) store.upsert(factsOf(a, isoToDayNumber(regionDay(a.receivedAt, KIROV_PACK.timeZone))));
    const toDay = isoToDayNumber(regionDay(asOf, KIROV_PACK.timeZone)) - 1;
    const fromDay = toDay - 300;
    const series = municipalityTopicSeries(store, {}, fromDay, toDay);
    const ends = Array.from({ length: series.days - 40 }, (_, i) => 40 + i);
    const alerts = detectSpikes(series, ends);
    const model = new DemoModel({ seed: 42, scale, pack: KIROV_PACK });
    const planted = new Map<string, { startDay: number; cellKey: string }>();
    for (let day = fromDay + 40; day <= toDay - 1; day++) {
      for (const incident of model.incidentsOn(day)) {
        const muni = model.region.municipalities[incident.municipalityIndex]!.id;
        planted.set(`${incident.startDay}`, { startDay: incident.startDay, cellKey: `${muni}|${incident.category.category}` });
      }
    }
    expect(planted.size).toBeGreaterThanOrEqual(5);
    const cellKey = (cell: number) => `${series.municipalities[Math.floor(cell / series.topics.length)]}|${series.topics[cell % series.topics.length]}`;
    for (const p of planted.values()) {
      const found = alerts.some((a) => cellKey(a.cell) === p.cellKey && a.endDay >= p.startDay && a.endDay <= p.startDay + 1);
      expect(found, `incident ${p.cellKey} from day ${p.startDay}`).toBe(true);
    }
    const isPlanted = (a: { cell: number; endDay: number }) =>
      [...planted.values()].some((p) => cellKey(a.cell) === p.cellKey && a.endDay >= p.startDay && a.endDay <= p.startDay + 6);
    const falseAlarms = episodes(alerts.filter((a) => !isPlanted(a)));
    const weeks = ends.length / 7;
    expect(falseAlarms.length / weeks).toBeLessThanOrEqual(3);
  }, 120_000);
});
