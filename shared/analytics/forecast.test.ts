import { describe, expect, it } from 'vitest';
import { backtest, forecast, heatingEffect, isHeatingDay, MIN_HISTORY_DAYS, naiveScale, seasonalNaive } from './forecast';

/** A seeded series: level with a slow trend, a weekly profile and noise. */
function series(days: number, seed = 1, noise = 6): number[] {
  let s = seed;
  const rnd = () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) - 0.5;
  const week = [1.15, 1.1, 1.05, 1, 0.95, 0.55, 0.45];
  return Array.from({ length: days }, (_, t) => Math.max(0, Math.round((60 + t * 0.05) * week[t % 7]! + noise * rnd() * 2)));
}

describe('forecast (Holt-Winters with weekly season)', () => {
  it('says there is too little history instead of drawing a band', () => {
    const result = forecast({ values: series(MIN_HISTORY_DAYS - 1) });
    expect(result).toEqual({ ok: false, reason: 'too-little-history', haveDays: MIN_HISTORY_DAYS - 1, needDays: MIN_HISTORY_DAYS });
  });

  it('forecasts 4 weeks with a band that contains the point forecast and widens with the horizon', () => {
    const result = forecast({ values: series(200) });
    if (!result.ok) throw new Error('expected a forecast');
    expect(result.mean).toHaveLength(28);
    result.mean.forEach((m, h) => {
      expect(result.lower[h]!).toBeLessThanOrEqual(m);
      expect(result.upper[h]!).toBeGreaterThanOrEqual(m);
    });
    expect(result.upper[27]! - result.lower[27]!).toBeGreaterThan(result.upper[0]! - result.lower[0]!);
    // The weekly shape is learnt: the forecast's weekends sit below its weekdays.
    const next = 200 % 7;
    const slot = (h: number) => (next + h) % 7;
    const weekend = result.mean.filter((_, h) => slot(h) >= 5);
    const weekday = result.mean.filter((_, h) => slot(h) < 5);
    expect(Math.max(...weekend)).toBeLessThan(Math.min(...weekday));
  });

  it('beats seasonal naive on a noisy seasonal series, and reports both errors', () => {
    const values = series(300, 7, 10);
    const bt = backtest(values, 14, 4);
    expect(bt.origins).toBe(4);
    expect(bt.mase).toBeLessThan(bt.naiveMase);
    const result = forecast({ values });
    if (!result.ok) throw new Error('expected a forecast');
    expect(result.mase).toBeCloseTo(bt.mase, 6);
  });

  it('seasonal naive repeats the last week, and its in-sample error is the MASE scale', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 2, 3, 4, 5, 6, 7, 8];
    expect(seasonalNaive(values, 9)).toEqual([2, 3, 4, 5, 6, 7, 8, 2, 3]);
    expect(naiveScale(values)).toBe(1);
  });
});

describe('heating-season regressor', () => {
  it('knows the season bounds across the new year', () => {
    expect(isHeatingDay('2025-10-01')).toBe(true);
    expect(isHeatingDay('2025-09-30')).toBe(false);
    expect(isHeatingDay('2026-01-15')).toBe(true);
    expect(isHeatingDay('2026-04-30')).toBe(true);
    expect(isHeatingDay('2026-05-01')).toBe(false);
  });

  /** Weekly profile plus a step of `step` appeals/day from day `on` (the season's start). */
  function stepped(days: number, on: number, step: number): { values: number[]; heating: boolean[] } {
    const base = series(days + 28, 3, 3);
    const heating = Array.from({ length: days + 28 }, (_, t) => t >= on);
    return { values: base.map((v, t) => v + (heating[t] ? step : 0)).slice(0, days), heating };
  }

  it('estimates the step from a switch in the history', () => {
    const { values, heating } = stepped(200, 100, 40);
    const effect = heatingEffect(values, heating);
    expect(effect).not.toBeNull();
    expect(effect!).toBeGreaterThan(30);
    expect(effect!).toBeLessThan(50);
  });

  it('gives no term without a full switch in the history', () => {
    const values = series(120);
    expect(heatingEffect(values, values.map(() => false))).toBeNull();
    const plain = forecast({ values });
    const heated = forecast({ values, heating: Array.from({ length: 148 }, () => false) });
    if (!plain.ok || !heated.ok) throw new Error('expected forecasts');
    expect(heated.mean).toEqual(plain.mean);
    expect(heated.heatingEffect).toBeNull();
  });

  it('steps with the season when the horizon crosses its start', () => {
    // A year-ago switch (day 30 on, day 250 off) teaches the effect; the horizon starts the next season at day 300 + 7.
    const days = 307;
    const heating = Array.from({ length: days + 28 }, (_, t) => (t >= 30 && t < 250) || t >= days + 7);
    const base = series(days + 28, 5, 3);
    const all = base.map((v, t) => v + (heating[t] ? 35 : 0));
    const values = all.slice(0, days);
    const actual = all.slice(days);
    const plain = forecast({ values });
    const heated = forecast({ values, heating });
    if (!plain.ok || !heated.ok) throw new Error('expected forecasts');
    const mae = (m: number[]) => m.reduce((s, v, i) => s + Math.abs(v - actual[i]!), 0) / m.length;
    expect(heated.heatingEffect!).toBeGreaterThan(25);
    expect(mae(heated.mean)).toBeLessThan(mae(plain.mean) * 0.6);
  });
});
