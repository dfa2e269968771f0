/**
 * The measured effect of a roadmap measure (or of the roadmap as a whole): appeals on its topics
 * and territory in equal windows before and after the completion day, adjusted by a control —
 * the same windows a year earlier (seasonality) or a comparison territory on the same topics —
 * as a difference-in-differences on counts:
 *
 *   ratio = (after / before) / (control after / control before)
 *
 * Its interval is quasi-Poisson: log(ratio) has variance Σ 1/count (Poisson), inflated by the
 * over-dispersion the daily counts show (Pearson χ² / df, never below 1). An effect is claimed only
 * when the interval excludes «no change»; when the data cannot show anything yet (too few days
 * after, too few appeals, no comparison data) the verdict says which, instead of a number. No
 * official method was found (domain brief): this is an estimate, not a proof of cause.
 */

export type EffectComparison = 'last-year' | 'territory';

export interface EffectOptions {
  /** Longest window on each side, days. */
  maxWindowDays: number;
  /** Fewest days after completion before anything is estimated. */
  minAfterDays: number;
  /** Fewest appeals in the target's before window and in each control window. */
  minCount: number;
  /** Two-sided confidence level of the interval. */
  level: number;
}

export const DEFAULT_EFFECT_OPTIONS: EffectOptions = { maxWindowDays: 90, minAfterDays: 28, minCount: 20, level: 0.95 };

/** Days as day numbers (days since 1970-01-01), inclusive bounds. */
export interface DayWindow {
  from: number;
  to: number;
}

export interface EffectWindows {
  before: DayWindow;
  after: DayWindow;
  /** Days in each window. */
  days: number;
}

/**
 * Equal windows around the completion day (the day itself belongs to neither): after runs to the
 * last complete day (`today − 1`) and at most `maxWindowDays`; null when there is no day after yet.
 */
export function effectWindows(completionDay: number, today: number, options: EffectOptions = DEFAULT_EFFECT_OPTIONS): EffectWindows | null {
  const days = Math.min(options.maxWindowDays, today - 1 - completionDay);
  if (days < 1) return null;
  return { before: { from: completionDay - days, to: completionDay - 1 }, after: { from: completionDay + 1, to: completionDay + days }, days };
}

/** The same window a year earlier, shifted by 364 days so weekdays line up. */
export function lastYearWindow(w: DayWindow): DayWindow {
  return { from: w.from - 364, to: w.to - 364 };
}

/** Daily counts of the four windows (each array one entry per day of its window). */
export interface EffectSeries {
  targetBefore: readonly number[];
  targetAfter: readonly number[];
  controlBefore: readonly number[];
  controlAfter: readonly number[];
}

export interface EffectEstimate {
  targetBefore: number;
  targetAfter: number;
  controlBefore: number;
  controlAfter: number;
  /** Target after / before − 1 (unadjusted). */
  rawChange: number;
  /** Adjusted change: ratio − 1 (−0.3 = 30 % fewer than the control predicts). */
  change: number;
  low: number;
  high: number;
  /** What the target would have had after, had it moved like the control. */
  expectedAfter: number;
  /** Over-dispersion used (1 = Poisson). */
  dispersion: number;
}

export type EffectVerdict =
  | { kind: 'too-early'; afterDays: number; needDays: number }
  | { kind: 'too-few'; before: number; after: number; need: number }
  | { kind: 'no-comparison'; controlBefore: number; controlAfter: number; need: number }
  | { kind: 'decrease'; estimate: EffectEstimate }
  | { kind: 'increase'; estimate: EffectEstimate }
  | { kind: 'no-effect'; estimate: EffectEstimate };

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** The standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('p must be in (0, 1)');
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** Pearson χ² / df of daily counts around each window's own mean (≥ 1). */
export function dispersionOf(windows: readonly (readonly number[])[]): number {
  let chi = 0;
  let n = 0;
  let groups = 0;
  for (const w of windows) {
    if (w.length === 0) continue;
    const mean = sum(w) / w.length;
    groups++;
    n += w.length;
    if (mean <= 0) continue;
    for (const x of w) chi += ((x - mean) * (x - mean)) / mean;
  }
  const df = n - groups;
  return df > 0 ? Math.max(1, chi / df) : 1;
}

/**
 * The verdict from the four windows' daily counts. `afterDays` is how many complete days have
 * passed since completion (the window may be shorter than the wait only when capped).
 */
export function estimateEffect(series: EffectSeries, afterDays: number, options: EffectOptions = DEFAULT_EFFECT_OPTIONS): EffectVerdict {
  if (afterDays < options.minAfterDays) return { kind: 'too-early', afterDays: Math.max(0, afterDays), needDays: options.minAfterDays };
  const a0 = sum(series.targetBefore);
  const a1 = sum(series.targetAfter);
  const c0 = sum(series.controlBefore);
  const c1 = sum(series.controlAfter);
  if (a0 < options.minCount) return { kind: 'too-few', before: a0, after: a1, need: options.minCount };
  if (c0 < options.minCount || c1 < options.minCount) return { kind: 'no-comparison', controlBefore: c0, controlAfter: c1, need: options.minCount };
  // A target that fell to zero still has an estimate: half an appeal keeps the logarithm finite.
  const after = a1 > 0 ? a1 : 0.5;
  const logRatio = Math.log(after / a0) - Math.log(c1 / c0);
  const dispersion = dispersionOf([series.targetBefore, series.targetAfter, series.controlBefore, series.controlAfter]);
  const se = Math.sqrt(dispersion * (1 / a0 + 1 / after + 1 / c0 + 1 / c1));
  const z = normalQuantile(1 - (1 - options.level) / 2);
  const estimate: EffectEstimate = {
    targetBefore: a0,
    targetAfter: a1,
    controlBefore: c0,
    controlAfter: c1,
    rawChange: a1 / a0 - 1,
    change: Math.exp(logRatio) - 1,
    low: Math.exp(logRatio - z * se) - 1,
    high: Math.exp(logRatio + z * se) - 1,
    expectedAfter: (a0 * c1) / c0,
    dispersion,
  };
  if (estimate.high < 0) return { kind: 'decrease', estimate };
  if (estimate.low > 0) return { kind: 'increase', estimate };
  return { kind: 'no-effect', estimate };
}

/** Whether a verdict claims an effect (either direction). */
export function claimsEffect(v: EffectVerdict): boolean {
  return v.kind === 'decrease' || v.kind === 'increase';
}
