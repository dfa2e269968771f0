/**
 * Appeals of a roadmap's slice (topics × territory) per day, read from the columnar analytic
 * index (shared/analytics/columns.ts): one pass over typed arrays, a few milliseconds per million
 * rows, so the effect panel never scans the store.
 */
import type { ColumnStore } from '../analytics/columns';
import { FLAG } from '../analytics/facts';
import { DEFAULT_EFFECT_OPTIONS, effectWindows, estimateEffect, lastYearWindow, type DayWindow, type EffectComparison, type EffectOptions, type EffectVerdict, type EffectWindows } from './effect';

export interface AppealSlice {
  /** Categories; appeals in any of them count. */
  topics: readonly string[];
  /** Municipality ids; empty = every municipality. */
  municipalities: readonly string[];
  /** Count the complement of `municipalities` instead (a comparison territory). */
  outsideMunicipalities?: boolean;
}

function codeSet(store: ColumnStore, dim: 'category' | 'municipality', values: readonly string[]): Uint8Array {
  const dict = store.dicts[dim];
  const set = new Uint8Array(dict.size);
  for (const v of values) {
    const code = dict.find(v);
    if (code >= 0) set[code] = 1;
  }
  return set;
}

/** Appeals of the slice received on each day of several windows (one array per window). */
export function sliceDailyCounts(store: ColumnStore, slice: AppealSlice, windows: readonly DayWindow[]): number[][] {
  return sliceAndComplementCounts(store, slice, windows, false).inside;
}

/**
 * One pass for the slice and, when asked, its comparison territory (the same topics outside the
 * slice's municipalities) over the same windows.
 */
function sliceAndComplementCounts(store: ColumnStore, slice: AppealSlice, windows: readonly DayWindow[], withOutside: boolean): { inside: number[][]; outside: number[][] } {
  const blank = () => windows.map((w) => new Array<number>(Math.max(0, w.to - w.from + 1)).fill(0));
  const result = { inside: blank(), outside: blank() };
  if (windows.length === 0 || slice.topics.length === 0) return result;
  const topics = codeSet(store, 'category', slice.topics);
  const anyMunicipality = slice.municipalities.length === 0;
  const munis = codeSet(store, 'municipality', slice.municipalities);
  const flip = slice.outsideMunicipalities === true;
  const min = Math.min(...windows.map((w) => w.from));
  const max = Math.max(...windows.map((w) => w.to));
  const { day, flags, dims } = store.cols;
  const cat = dims.category;
  const muni = dims.municipality;
  for (let row = 0; row < store.length; row++) {
    const d = day[row]!;
    if (d < min || d > max || flags[row]! & FLAG.deleted) continue;
    if (topics[cat[row]!] !== 1) continue;
    // `inSlice`: the row belongs to the slice as asked (its territory, or its complement when flipped).
    const inTerritory = anyMunicipality || munis[muni[row]!] === 1;
    const inSlice = flip ? !anyMunicipality && !inTerritory : inTerritory;
    if (!inSlice && !withOutside) continue;
    const out = inSlice ? result.inside : result.outside;
    for (let w = 0; w < windows.length; w++) {
      const win = windows[w]!;
      if (d >= win.from && d <= win.to) out[w]![d - win.from]!++;
    }
  }
  return result;
}

export interface SliceEffect {
  comparison: EffectComparison;
  windows: EffectWindows | null;
  verdict: EffectVerdict;
  /** Daily counts for the chart: target before and after, and control before and after. */
  series: { targetBefore: number[]; targetAfter: number[]; controlBefore: number[]; controlAfter: number[] } | null;
}

/**
 * The effect of work completed on `completionDay` on the slice, seen on `today` (region-local day
 * numbers). A territory comparison needs a territory to compare with: a roadmap over the whole
 * region is compared with the previous year instead (and says so through `comparison`).
 */
export function sliceEffect(
  store: ColumnStore,
  slice: AppealSlice,
  completionDay: number,
  today: number,
  wanted: EffectComparison,
  options: EffectOptions = DEFAULT_EFFECT_OPTIONS,
): SliceEffect {
  const comparison: EffectComparison = wanted === 'territory' && slice.municipalities.length === 0 ? 'last-year' : wanted;
  const windows = effectWindows(completionDay, today, options);
  const afterDays = Math.max(0, today - 1 - completionDay);
  if (!windows) return { comparison, windows, verdict: { kind: 'too-early', afterDays, needDays: options.minAfterDays }, series: null };
  let targetBefore: number[], targetAfter: number[], controlBefore: number[], controlAfter: number[];
  if (comparison === 'last-year') {
    [targetBefore, targetAfter, controlBefore, controlAfter] = sliceDailyCounts(store, slice, [windows.before, windows.after, lastYearWindow(windows.before), lastYearWindow(windows.after)]) as [number[], number[], number[], number[]];
  } else {
    const both = sliceAndComplementCounts(store, slice, [windows.before, windows.after], true);
    [targetBefore, targetAfter] = both.inside as [number[], number[]];
    [controlBefore, controlAfter] = both.outside as [number[], number[]];
  }
  const series = { targetBefore, targetAfter, controlBefore, controlAfter };
  return { comparison, windows, verdict: estimateEffect(series, afterDays, options), series };
}

/** Weekly sums of a daily series (the last week may be shorter), for a chart readable at a glance. */
export function weeklySums(daily: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < daily.length; i += 7) out.push(daily.slice(i, i + 7).reduce((s, x) => s + x, 0));
  return out;
}

/** A measure's slice: its own topics on the roadmap's territory. */
export function measureSlice(roadmap: { municipalities: readonly string[] }, measure: { topics: readonly string[] }): AppealSlice {
  return { topics: measure.topics, municipalities: roadmap.municipalities };
}

/** The roadmap as a whole is measured from its first completed measure (null: none done yet). */
export function roadmapEffectDay(measures: readonly { status: string; completedDay: string | null }[]): string | null {
  let first: string | null = null;
  for (const m of measures) if (m.status === 'done' && m.completedDay && (first === null || m.completedDay < first)) first = m.completedDay;
  return first;
}
