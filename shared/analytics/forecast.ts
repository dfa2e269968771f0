/**
 * Forecast of a daily series for the next weeks: additive Holt-Winters (ETS(A,Ad,A)) with weekly
 * seasonality, a damped trend, and the production calendar as a regressor (a non-working day
 * gets the season of a Sunday-like day: holidays look like weekends in appeal counts). The
 * smoothing parameters are chosen on the series itself by one-step squared error over a grid.
 *
 * The prediction band is the usual ETS(A,Ad,A) approximation: σ of one-step residuals widened
 * with the horizon (Hyndman et al., Forecasting with Exponential Smoothing, ch. 6). Beside every
 * forecast, its backtest error: MASE over rolling origins, and the same for the seasonal-naive
 * forecast (the same weekday last week), so an analyst sees whether the method beats the baseline
 * on this slice.
 *
 * Heating season (ЖКХ, heating topics): a documented step regressor H_t = 1 from 1 October to
 * 30 April (the usual bounds of the heating period in the regions; `heatingSeasonDays`). Its
 * effect b is the mean jump of the counts across each switch the history contains (21 days after
 * minus 21 days before, sign by direction, weekly pattern cancelled by whole weeks), averaged over
 * switches; the weekly model runs on y − b·H and the forecast adds b·H back, so a forecast that
 * crosses 1 October or 30 April steps with the season instead of learning it weeks late. A history
 * without a full switch gives no term (b = 0): a yearly effect is not guessed from a part of a year.
 */

export const SEASON = 7;
/** Less history than this cannot estimate a weekly season and a backtest: say so, draw no band. */
export const MIN_HISTORY_DAYS = 8 * SEASON;

export interface HwParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

export interface ForecastInput {
  /** Daily counts, oldest first. */
  values: readonly number[];
  /** Whether each day (history then horizon) is a non-working day; defaults to Sat/Sun by position. */
  nonWorking?: readonly boolean[];
  horizon?: number;
  /** Whether each day (history then horizon) is in the heating season: set for heating-related slices only. */
  heating?: readonly boolean[];
}

export interface ForecastOk {
  ok: true;
  params: HwParams;
  /** Point forecast per day of the horizon (≥ 0). */
  mean: number[];
  /** 95 % band per day. */
  lower: number[];
  upper: number[];
  /** Backtest: mean absolute scaled error over rolling origins (lower is better; < 1 beats naive in-sample). */
  mase: number;
  /** The same error of the seasonal-naive forecast. */
  naiveMase: number;
  origins: number;
  /** Appeals per day the heating season adds (the regressor's effect); null when not used or not estimable. */
  heatingEffect: number | null;
}

export type ForecastResult = ForecastOk | { ok: false; reason: 'too-little-history'; haveDays: number; needDays: number };

/** Season slot of day t: its weekday, or the «non-working» slot for holidays on working weekdays. */
function slotOf(t: number, nonWorking: readonly boolean[] | undefined): number {
  const weekdaySlot = t % SEASON;
  if (!nonWorking) return weekdaySlot;
  return nonWorking[t] ? SEASON : weekdaySlot;
}

interface Fit {
  level: number;
  trend: number;
  season: number[];
  sse: number;
  residuals: number[];
}

/** Runs the recursions over the history; the season has 8 slots (7 weekdays + non-working). */
function fit(values: readonly number[], p: HwParams, nonWorking: readonly boolean[] | undefined): Fit {
  const first = values.slice(0, 2 * SEASON);
  const mean = first.reduce((s, v) => s + v, 0) / first.length;
  const season = new Array<number>(SEASON + 1).fill(0);
  const counts = new Array<number>(SEASON + 1).fill(0);
  first.forEach((v, t) => {
    const s = slotOf(t, nonWorking);
    season[s]! += v - mean;
    counts[s]!++;
  });
  for (let s = 0; s <= SEASON; s++) season[s] = counts[s] ? season[s]! / counts[s]! : 0;
  // A day off with no example yet borrows the lowest weekday season.
  if (!counts[SEASON]) season[SEASON] = Math.min(...season.slice(0, SEASON));
  let level = mean;
  let trend = 0;
  let sse = 0;
  const residuals: number[] = [];
  for (let t = 0; t < values.length; t++) {
    const s = slotOf(t, nonWorking);
    const predicted = level + p.phi * trend + season[s]!;
    const error = values[t]! - predicted;
    if (t >= SEASON) {
      sse += error * error;
      residuals.push(error);
    }
    const prevLevel = level;
    level = prevLevel + p.phi * trend + p.alpha * error;
    trend = p.phi * trend + p.beta * error;
    season[s] = season[s]! + p.gamma * error;
  }
  return { level, trend, season, sse, residuals };
}

const GRID_ALPHA = [0.05, 0.1, 0.2, 0.35, 0.5];
const GRID_BETA = [0, 0.01, 0.05];
const GRID_GAMMA = [0.05, 0.1, 0.2, 0.35];
const GRID_PHI = [0.8, 0.9, 0.98];

export function chooseParams(values: readonly number[], nonWorking?: readonly boolean[]): HwParams {
  let best: HwParams = { alpha: 0.2, beta: 0, gamma: 0.1, phi: 0.9 };
  let bestSse = Infinity;
  for (const alpha of GRID_ALPHA)
    for (const beta of GRID_BETA)
      for (const gamma of GRID_GAMMA)
        for (const phi of GRID_PHI) {
          const p = { alpha, beta: beta * alpha, gamma: gamma * (1 - alpha), phi };
          const { sse } = fit(values, p, nonWorking);
          if (sse < bestSse) {
            bestSse = sse;
            best = p;
          }
        }
  return best;
}

/** Point forecasts for `horizon` days after the history, from fitted state. */
function project(f: Fit, p: HwParams, start: number, horizon: number, nonWorking: readonly boolean[] | undefined): number[] {
  const out: number[] = [];
  let damp = 0;
  for (let h = 1; h <= horizon; h++) {
    damp += p.phi ** h;
    out.push(Math.max(0, f.level + damp * f.trend + f.season[slotOf(start + h - 1, nonWorking)]!));
  }
  return out;
}

export function holtWinters(values: readonly number[], horizon: number, nonWorking?: readonly boolean[], params?: HwParams) {
  const p = params ?? chooseParams(values, nonWorking);
  const f = fit(values, p, nonWorking);
  return { params: p, fit: f, mean: project(f, p, values.length, horizon, nonWorking) };
}

/** Seasonal naive: the same weekday of the last observed week. */
export function seasonalNaive(values: readonly number[], horizon: number): number[] {
  const n = values.length;
  return Array.from({ length: horizon }, (_, i) => values[n - SEASON + (i % SEASON)] ?? 0);
}

/** In-sample mean absolute error of the seasonal-naive one-step forecast: the MASE scale. */
export function naiveScale(values: readonly number[]): number {
  let sum = 0;
  let n = 0;
  for (let t = SEASON; t < values.length; t++) {
    sum += Math.abs(values[t]! - values[t - SEASON]!);
    n++;
  }
  return n > 0 ? sum / n : 0;
}

/**
 * MASE of both methods over rolling origins: at each origin the models see only the past, forecast
 * `horizon` days, and are scored on what followed; errors are scaled by the training part's
 * seasonal-naive error, as MASE defines it.
 */
export function backtest(values: readonly number[], horizon: number, origins: number, nonWorking?: readonly boolean[], heating?: readonly boolean[]) {
  let model = 0;
  let naive = 0;
  let used = 0;
  for (let k = origins; k >= 1; k--) {
    const cut = values.length - k * SEASON - horizon + SEASON;
    if (cut < MIN_HISTORY_DAYS - SEASON) continue;
    const train = values.slice(0, cut);
    const actual = values.slice(cut, cut + horizon);
    if (actual.length === 0) continue;
    const scale = naiveScale(train) || 1;
    const hw = withHeating(train, actual.length, nonWorking, heating).mean;
    const sn = seasonalNaive(train, actual.length);
    model += actual.reduce((s, v, i) => s + Math.abs(v - hw[i]!), 0) / actual.length / scale;
    naive += actual.reduce((s, v, i) => s + Math.abs(v - sn[i]!), 0) / actual.length / scale;
    used++;
  }
  return { mase: used ? model / used : Number.NaN, naiveMase: used ? naive / used : Number.NaN, origins: used };
}

/** Heating-season days from month-day bounds (inclusive), e.g. 1 Oct – 30 Apr. */
export const HEATING_SEASON = { from: '10-01', to: '04-30' } as const;

/** Whether an ISO day (YYYY-MM-DD) is in the heating season (which wraps the new year). */
export function isHeatingDay(isoDay: string, season: { from: string; to: string } = HEATING_SEASON): boolean {
  const md = isoDay.slice(5);
  return season.from <= season.to ? md >= season.from && md <= season.to : md >= season.from || md <= season.to;
}

const SWITCH_WINDOW = 3 * SEASON;

/**
 * The heating step's effect in counts per day: at every switch of `heating` inside the history with
 * three whole weeks on both sides, mean after − mean before (negated for the season's end), averaged.
 */
export function heatingEffect(values: readonly number[], heating: readonly boolean[]): number | null {
  const jumps: number[] = [];
  for (let t = SWITCH_WINDOW; t + SWITCH_WINDOW <= values.length; t++) {
    if (heating[t] === heating[t - 1]) continue;
    let before = 0;
    let after = 0;
    for (let i = 0; i < SWITCH_WINDOW; i++) {
      before += values[t - 1 - i]!;
      after += values[t + i]!;
    }
    const jump = (after - before) / SWITCH_WINDOW;
    jumps.push(heating[t] ? jump : -jump);
  }
  return jumps.length > 0 ? jumps.reduce((s, j) => s + j, 0) / jumps.length : null;
}

/** Holt-Winters on the series without the heating step, with the step added back to the forecast. */
function withHeating(values: readonly number[], horizon: number, nonWorking: readonly boolean[] | undefined, heating: readonly boolean[] | undefined) {
  const effect = heating ? heatingEffect(values, heating) : null;
  const b = effect ?? 0;
  const step = (t: number) => (heating && heating[t] ? b : 0);
  const adjusted = b === 0 ? values : values.map((v, t) => v - step(t));
  const hw = holtWinters(adjusted, horizon, nonWorking);
  const mean = b === 0 ? hw.mean : hw.mean.map((m, h) => Math.max(0, m + step(values.length + h)));
  return { ...hw, mean, effect };
}

export function forecast(input: ForecastInput): ForecastResult {
  const horizon = input.horizon ?? 4 * SEASON;
  const values = input.values;
  if (values.length < MIN_HISTORY_DAYS) return { ok: false, reason: 'too-little-history', haveDays: values.length, needDays: MIN_HISTORY_DAYS };
  const { params, fit: f, mean, effect } = withHeating(values, horizon, input.nonWorking, input.heating);
  const sigma = Math.sqrt(f.residuals.reduce((s, e) => s + e * e, 0) / Math.max(1, f.residuals.length - 1));
  const lower: number[] = [];
  const upper: number[] = [];
  let varianceFactor = 1;
  for (let h = 1; h <= horizon; h++) {
    if (h > 1) {
      const j = h - 1;
      let damp = 0;
      for (let i = 1; i <= j; i++) damp += params.phi ** i;
      const c = params.alpha + params.beta * damp + (j % SEASON === 0 ? params.gamma : 0);
      varianceFactor += c * c;
    }
    const half = 1.96 * sigma * Math.sqrt(varianceFactor);
    lower.push(Math.max(0, mean[h - 1]! - half));
    upper.push(mean[h - 1]! + half);
  }
  const bt = backtest(values, Math.min(horizon, 2 * SEASON), 4, input.nonWorking, input.heating);
  return { ok: true, params, mean, lower, upper, mase: bt.mase, naiveMase: bt.naiveMase, origins: bt.origins, heatingEffect: effect };
}
