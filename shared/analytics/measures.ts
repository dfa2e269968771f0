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

/** The k-th smallest value (0-based) of a[lo..hi], rearranging a (Hoare's selection, expected linear). */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
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

/** Median of a list (the list is not changed); NaN for an empty list. Linear time, no full sort. */
export function medianOf(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const a = Float64Array.from(values);
  const mid = n >> 1;
  const upper = select(a, mid);
  if (n % 2) return upper;
  // The largest value below the upper middle is the lower middle.
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) if (a[i]! > lower) lower = a[i]!;
  return (lower + upper) / 2;
}
