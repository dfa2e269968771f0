/**
 * Choropleth classing for the heat map: stated class breaks and colour-blind-safe palettes.
 * Sequential measures use a viridis-like ramp (perceptually uniform, readable in greyscale);
 * only change vs the previous period uses a diverging blue–white–red scale centred on zero.
 */

/** Viridis, 5 classes (dark → light reads low → high on a dark wall: reversed below). */
export const SEQUENTIAL_PALETTE = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const;
/** Blue → neutral → red, 6 classes: three below zero, three above. */
export const DIVERGING_PALETTE = ['#2166ac', '#67a9cf', '#d1e5f0', '#fddbc7', '#ef8a62', '#b2182b'] as const;
/** Units without a value (unknown population, no data). */
export const NO_DATA_COLOUR = '#4a4f57';

export type ScaleKind = 'sequential' | 'diverging';

export interface ClassScale {
  kind: ScaleKind;
  /** Upper bounds of every class but the last (ascending); a value v is in class i when
   *  breaks[i-1] <= v < breaks[i]. */
  breaks: number[];
  colours: string[];
}

/** A "nice" number near x (1, 2, 2.5, 5 × 10^k), used so stated breaks read cleanly. */
export function niceNumber(x: number): number {
  if (!Number.isFinite(x) || x === 0) return 0;
  const sign = Math.sign(x);
  const abs = Math.abs(x);
  const exp = Math.floor(Math.log10(abs));
  const base = 10 ** exp;
  const f = abs / base;
  const nice = f < 1.5 ? 1 : f < 2.25 ? 2 : f < 3.5 ? 2.5 : f < 7.5 ? 5 : 10;
  return sign * nice * base;
}

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

function dedupeAscending(values: number[]): number[] {
  const out: number[] = [];
  for (const v of values) if (out.length === 0 || v > (out[out.length - 1] as number)) out.push(v);
  return out;
}

/** Quantile breaks rounded to nice numbers, for a sequential measure (null values ignored). */
export function sequentialScale(values: ReadonlyArray<number | null>): ClassScale {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const classes = SEQUENTIAL_PALETTE.length;
  if (known.length === 0) return { kind: 'sequential', breaks: [], colours: [SEQUENTIAL_PALETTE[0]] };
  const raw: number[] = [];
  for (let i = 1; i < classes; i += 1) raw.push(niceNumber(quantile(known, i / classes)));
  const min = known[0] as number;
  const breaks = dedupeAscending(raw.filter((b) => b > min));
  return { kind: 'sequential', breaks, colours: SEQUENTIAL_PALETTE.slice(0, breaks.length + 1) };
}

/** Symmetric breaks around zero for a change measure (shares, e.g. +0.12 = +12 %). */
export function divergingScale(values: ReadonlyArray<number | null>): ClassScale {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const maxAbs = known.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const top = niceNumber(maxAbs) || 0.1;
  const third = niceNumber(top / 3) || top / 3;
  const inner = Math.min(third, top);
  const outer = Math.max(inner * 2, inner);
  return { kind: 'diverging', breaks: [-outer, -inner, 0, inner, outer], colours: [...DIVERGING_PALETTE] };
}

export function classIndex(scale: ClassScale, value: number): number {
  let i = 0;
  while (i < scale.breaks.length && value >= (scale.breaks[i] as number)) i += 1;
  return i;
}

export function colourFor(scale: ClassScale, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA_COLOUR;
  return scale.colours[Math.min(classIndex(scale, value), scale.colours.length - 1)] ?? NO_DATA_COLOUR;
}

export interface LegendEntry {
  colour: string;
  /** Lower bound (inclusive) or null for the first class. */
  from: number | null;
  /** Upper bound (exclusive) or null for the last class. */
  to: number | null;
}

export function legendOf(scale: ClassScale): LegendEntry[] {
  return scale.colours.map((colour, i) => ({
    colour,
    from: i === 0 ? null : (scale.breaks[i - 1] ?? null),
    to: i < scale.breaks.length ? (scale.breaks[i] ?? null) : null,
  }));
}
