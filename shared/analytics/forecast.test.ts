import { describe, expect, it } from 'vitest';
import { backtest, forecast, MIN_HISTORY_DAYS, naiveScale, seasonalNaive } from './forecast';

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
