/**
 * Spike detection over municipality × topic cells. A cell's last `windowDays` days are compared
 * with what that cell usually gets: its mean daily count over the `baselineDays` before the
 * window, scaled by the region's weekday profile (Mondays are busier than Sundays), under a
 * Poisson model. An alert needs all three: at least `minCount` appeals, at least `minRatio` times
 * the expectation, and a Poisson tail probability below `alpha / cells` (Bonferroni across every
 * cell tested), which keeps false alarms across thousands of cells to a handful.
 */

export interface SpikeOptions {
  windowDays: number;
  baselineDays: number;
  minCount: number;
  minRatio: number;
  /** Family-wise false-alarm rate per evaluation, split over the cells tested. */
  alpha: number;
  /** Smallest expected daily rate: a cell that was silent is not «infinitely» above its past. */
  floorRate: number;
}

export const DEFAULT_SPIKE_OPTIONS: SpikeOptions = {
  windowDays: 3,
  baselineDays: 28,
  minCount: 6,
  minRatio: 2,
  alpha: 0.05,
  floorRate: 0.1,
};

/** Daily counts per cell: `counts[cell * days + d]`, day d = firstDay + d. */
export interface CellSeries {
  cells: number;
  days: number;
  firstDay: number;
  counts: Uint32Array;
  /** Weekday (0 = Monday) of day offset d is (firstWeekday + d) % 7. */
  firstWeekday: number;
}

export interface Spike {
  cell: number;
  /** Last day of the window (day number). */
  endDay: number;
  observed: number;
  expected: number;
  ratio: number;
  pValue: number;
}

/** P(X ≥ k) for X ~ Poisson(λ), by summing the lower tail in log space (k up to thousands). */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  let term = Math.exp(-lambda);
  let cdf = term;
  for (let i = 1; i < k; i++) {
    term *= lambda / i;
    cdf += term;
    if (term < 1e-300 && i > lambda) break;
  }
  const tail = 1 - cdf;
  if (tail > 1e-12) return tail;
  // Far in the tail 1 − cdf loses precision: sum the upper terms directly.
  let logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
  let sum = 0;
  for (let i = k; i < k + 1000; i++) {
    const t = Math.exp(logTerm);
    sum += t;
    if (t < sum * 1e-16) break;
    logTerm += Math.log(lambda) - Math.log(i + 1);
  }
  return sum;
}

function logFactorial(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
}

/** The region's weekday profile over the series (mean 1), so expectations follow the week. */
export function weekdayProfile(series: CellSeries): number[] {
  const perWeekday = new Array<number>(7).fill(0);
  const daysPerWeekday = new Array<number>(7).fill(0);
  for (let d = 0; d < series.days; d++) daysPerWeekday[(series.firstWeekday + d) % 7]!++;
  for (let c = 0; c < series.cells; c++) {
    const base = c * series.days;
    for (let d = 0; d < series.days; d++) perWeekday[(series.firstWeekday + d) % 7]! += series.counts[base + d]!;
  }
  const mean = perWeekday.map((s, w) => (daysPerWeekday[w] ? s / daysPerWeekday[w]! : 0));
  const overall = mean.reduce((s, v) => s + v, 0) / 7;
  return mean.map((v) => (overall > 0 && v > 0 ? v / overall : 1));
}

/**
 * Alerts for windows ending on the given day offsets (each evaluated as if it were «today»).
 * Cost: cells × evaluated days with running sums, so a year of days over ten thousand cells is a
 * few tens of millions of additions.
 */
export function detectSpikes(series: CellSeries, endOffsets: readonly number[], options: Partial<SpikeOptions> = {}): Spike[] {
  const o = { ...DEFAULT_SPIKE_OPTIONS, ...options };
  const profile = weekdayProfile(series);
  const weekdayOf = (d: number) => (series.firstWeekday + d) % 7;
  const threshold = o.alpha / Math.max(1, series.cells);
  const spikes: Spike[] = [];
  for (const end of endOffsets) {
    const windowStart = end - o.windowDays + 1;
    const baseStart = windowStart - o.baselineDays;
    if (baseStart < 0 || end >= series.days) continue;
    let windowWeight = 0;
    for (let d = windowStart; d <= end; d++) windowWeight += profile[weekdayOf(d)]!;
    let baseWeight = 0;
    for (let d = baseStart; d < windowStart; d++) baseWeight += profile[weekdayOf(d)]!;
    for (let c = 0; c < series.cells; c++) {
      const row = c * series.days;
      let observed = 0;
      for (let d = windowStart; d <= end; d++) observed += series.counts[row + d]!;
      if (observed < o.minCount) continue;
      let past = 0;
      for (let d = baseStart; d < windowStart; d++) past += series.counts[row + d]!;
      const rate = Math.max(o.floorRate, past / baseWeight);
      const expected = rate * windowWeight;
      const ratio = observed / expected;
      if (ratio < o.minRatio) continue;
      const pValue = poissonTail(observed, expected);
      if (pValue >= threshold) continue;
      spikes.push({ cell: c, endDay: series.firstDay + end, observed, expected, ratio, pValue });
    }
  }
  return spikes;
}

/**
 * Keeps one alert per cell and episode: consecutive days of the same cell's alert are one spike
 * (the strongest day is kept).
 */
export function episodes(spikes: readonly Spike[], gapDays = 3): Spike[] {
  const byCell = new Map<number, Spike[]>();
  for (const s of spikes) byCell.set(s.cell, [...(byCell.get(s.cell) ?? []), s]);
  const out: Spike[] = [];
  for (const list of byCell.values()) {
    list.sort((a, b) => a.endDay - b.endDay);
    let current: Spike | null = null;
    let lastDay = -Infinity;
    for (const s of list) {
      if (current && s.endDay - lastDay <= gapDays) {
        if (s.ratio * s.observed > current.ratio * current.observed) current = s;
      } else {
        if (current) out.push(current);
        current = s;
      }
      lastDay = s.endDay;
    }
    if (current) out.push(current);
  }
  return out.sort((a, b) => b.endDay - a.endDay || b.ratio - a.ratio);
}

/** «Водоснабжение, Слободской район: 14 за 3 дня при обычных 2,1 — в 6,7 раза больше». */
export function spikeSentence(topic: string, place: string, s: Pick<Spike, 'observed' | 'expected' | 'ratio'>, windowDays: number): string {
  const ru = (v: number) => v.toFixed(1).replace('.', ',');
  const days = windowDays === 1 ? 'день' : windowDays < 5 ? 'дня' : 'дней';
  return `${topic}, ${place}: ${s.observed} за ${windowDays} ${days} при обычных ${ru(s.expected)} — в ${ru(s.ratio)} раза больше`;
}
