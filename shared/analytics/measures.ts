/**
 * Pivot measures. Each is computed from additive accumulators per cell, so totals are sums of
 * cells evaluated the same way (the median keeps its values instead).
 */
export const MEASURES = [
  'received',
  'answered',
  'inWork',
  'overdue',
  'onTimeShare',
  'medianAnswerHours',
  'meanAnswerHours',
  'satisfiedShare',
  'repeatShare',
  'per10k',
] as const;
export type MeasureId = (typeof MEASURES)[number];

/** Measures shown as a percentage (0–100). */
export const SHARE_MEASURES: ReadonlySet<MeasureId> = new Set(['onTimeShare', 'satisfiedShare', 'repeatShare']);

/** Accumulators one cell keeps. */
export const ACC = {
  n: 0,
  finished: 1,
  overdue: 2,
  onTime: 3,
  late: 4,
  rated: 5,
  satisfied: 6,
  repeat: 7,
  hoursSum: 8,
  hoursN: 9,
} as const;
export const ACC_COUNT = 10;

/** Value of a measure from a cell's accumulators (`at` = offset of the cell in `acc`); NaN = no value. */
export function measureValue(
  measure: MeasureId,
  acc: Float64Array,
  at: number,
  median: () => number,
  population: number | null,
): number {
  const v = (k: number) => acc[at + k]!;
  const share = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : Number.NaN);
  switch (measure) {
    case 'received':
      return v(ACC.n);
    case 'answered':
      return v(ACC.finished);
    case 'inWork':
      return v(ACC.n) - v(ACC.finished);
    case 'overdue':
      return v(ACC.overdue);
    case 'onTimeShare':
      return share(v(ACC.onTime), v(ACC.onTime) + v(ACC.late));
    case 'medianAnswerHours':
      return median();
    case 'meanAnswerHours':
      return v(ACC.hoursN) > 0 ? v(ACC.hoursSum) / v(ACC.hoursN) : Number.NaN;
    case 'satisfiedShare':
      return share(v(ACC.satisfied), v(ACC.rated));
    case 'repeatShare':
      return share(v(ACC.repeat), v(ACC.n));
    case 'per10k':
      return population && population > 0 ? (10_000 * v(ACC.n)) / population : Number.NaN;
  }
}

/** Arrays the median works in place on. */
type NumberArray = Float32Array | Float64Array;

/** The k-th smallest value of a[lo..hi] (inclusive), rearranging that range (Hoare's selection, expected linear). */
export function select(a: NumberArray, lo: number, hi: number, k: number): number {
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/**
 * Median of a[from..to) (NaN when empty), in linear time without a full sort. The values stay in
 * that range, in another order: the caller may take the median of a wider range afterwards.
 */
export function medianInPlace(a: NumberArray, from: number, to: number): number {
  const n = to - from;
  if (n <= 0) return Number.NaN;
  const mid = from + (n >> 1);
  const upper = select(a, from, to - 1, mid);
  if (n % 2) return upper;
  // Selection leaves every value below the upper middle before it: the largest of them is the lower middle.
  let lower = -Infinity;
  for (let i = from; i < mid; i++) if (a[i]! > lower) lower = a[i]!;
  return (lower + upper) / 2;
}

/** Median of a list (the list is not changed); NaN for an empty list. */
export function medianOf(values: ArrayLike<number>): number {
  const a = Float64Array.from(values);
  return medianInPlace(a, 0, a.length);
}
