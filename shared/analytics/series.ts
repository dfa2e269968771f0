/** Daily series out of the column store: one slice's counts, and the municipality × topic grid. */
import type { ColumnStore } from './columns';
import type { NowBands } from './dimensions';
import { FLAG } from './facts';
import { compileFilters, type DimensionFilters, type DimensionLists } from './pivot';
import type { CellSeries } from './spikes';

const NO_BANDS: NowBands = { now: 0, hourRiskEnd: 0, dayRiskEnd: 0 };

/** Appeals received per day over [fromDay, toDay] that pass the filters. */
export function dailyCounts(
  store: ColumnStore,
  filters: DimensionFilters,
  fromDay: number,
  toDay: number,
  bands: NowBands = NO_BANDS,
  among: DimensionLists = {},
): number[] {
  const days = toDay - fromDay + 1;
  const counts = new Array<number>(Math.max(0, days)).fill(0);
  const filter = compileFilters(store, filters, { bands, fromDay, toDay }, among);
  if (filter.impossible) return counts;
  const { day, flags } = store.cols;
  for (let row = 0; row < store.length; row++) {
    const d = day[row]! - fromDay;
    if (d < 0 || d >= days || flags[row]! & FLAG.deleted) continue;
    if (filter.matches(row)) counts[d]!++;
  }
  return counts;
}

/** Index of the first day with any appeal in the filtered slice, or -1. */
export function firstActiveDay(counts: readonly number[]): number {
  return counts.findIndex((n) => n > 0);
}

export interface MunicipalityTopicSeries extends CellSeries {
  /** Cell c is municipality `municipalities[c / topics.length | 0]`, topic `topics[c % topics.length]`. */
  municipalities: string[];
  topics: string[];
}

/**
 * Daily counts per municipality × category over [fromDay, toDay] (appeals without either are not
 * cells: a spike needs a place and a topic to mean anything).
 */
export function municipalityTopicSeries(store: ColumnStore, filters: DimensionFilters, fromDay: number, toDay: number): MunicipalityTopicSeries {
  const days = toDay - fromDay + 1;
  const municipalities = store.dicts.municipality.values;
  const topics = store.dicts.category.values;
  const nTopics = topics.length;
  const cells = municipalities.length * nTopics;
  const counts = new Uint32Array(cells * days);
  const filter = compileFilters(store, filters, { bands: NO_BANDS, fromDay, toDay });
  const { day, flags, dims } = store.cols;
  const muniCol = dims.municipality;
  const topicCol = dims.category;
  const emptyMuni = store.dicts.municipality.find('');
  const emptyTopic = store.dicts.category.find('');
  if (!filter.impossible) {
    for (let row = 0; row < store.length; row++) {
      const d = day[row]! - fromDay;
      if (d < 0 || d >= days || flags[row]! & FLAG.deleted) continue;
      const m = muniCol[row]!;
      const t = topicCol[row]!;
      if (m === emptyMuni || t === emptyTopic) continue;
      if (!filter.matches(row)) continue;
      counts[(m * nTopics + t) * days + d]!++;
    }
  }
  // 1970-01-01 (day 0) was a Thursday: weekday 3 with Monday = 0.
  const firstWeekday = (((fromDay + 3) % 7) + 7) % 7;
  return { cells, days, firstDay: fromDay, counts, firstWeekday, municipalities: [...municipalities], topics: [...topics] };
}
