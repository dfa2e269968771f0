/**
 * Spikes for a report: the alerts «Аналитика» raises over municipality × topic cells
 * (shared/analytics/spikes.ts), for windows that ended on a day of the report's period.
 *
 * It is the same computation the screens run (renderer/analytics-engine/spike-alerts.ts
 * `computeSpikeAlerts`): the series starts `days + window + baseline` days before the last end day
 * (so the weekday profile is taken over the same span), a single municipality or block filters the
 * series, a group of municipalities filters the alerts. For a 7-day period ending today it returns
 * exactly the alerts «Обзор» shows today. Pure: the caller brings the column store.
 */
import type { ColumnStore } from '../analytics/columns';
import type { DimensionFilters } from '../analytics/pivot';
import { municipalityTopicSeries } from '../analytics/series';
import { DEFAULT_SPIKE_OPTIONS, detectSpikes, episodes, spikeSentence } from '../analytics/spikes';
import { dayNumberToIso, isoToDayNumber } from '../domain/time';
import { countRu, formatNumber } from '../format/ru';
import type { DayRange, ReportScope } from './measures';

export interface ReportSpike {
  /** Same key as the screens' «known» marks: municipality|topic|last day of the window. */
  key: string;
  municipality: string;
  topic: string;
  /** Last day of the window (region-local ISO day). */
  endDay: string;
  observed: number;
  expected: number;
  ratio: number;
  /** Marked as known on a workstation (false where no marks are kept). */
  known: boolean;
}

export const SPIKE_WINDOW_DAYS = DEFAULT_SPIKE_OPTIONS.windowDays;
/** «3 дня». */
export const SPIKE_WINDOW_LABEL = countRu(SPIKE_WINDOW_DAYS, ['день', 'дня', 'дней']);
/** The detection rule in words, under every spike list. */
export const SPIKE_RULE = `Всплеск — не менее ${formatNumber(DEFAULT_SPIKE_OPTIONS.minCount)} обращений по одной теме в одном муниципалитете за ${SPIKE_WINDOW_LABEL}, не меньше чем в ${formatNumber(DEFAULT_SPIKE_OPTIONS.minRatio)} раза больше обычного для этой темы и территории (с учётом дня недели); порог значимости учитывает число проверенных сочетаний — как в разделе «Аналитика».`;

export function reportSpikeKey(municipality: string, topic: string, endDay: string): string {
  return `${municipality}|${topic}|${endDay}`;
}

/** The municipalities a scope admits (one, a group), or null for the whole region. */
export function scopeMunicipalities(scope: ReportScope): readonly string[] | null {
  if (scope.municipalities != null) return scope.municipalities;
  if (scope.municipality != null) return [scope.municipality];
  return null;
}

/**
 * Spike episodes whose window ended within `period` (not later than `today`), strongest last day
 * per episode, newest and strongest first. `known` says which keys are marked.
 */
export function spikesInPeriod(store: ColumnStore, period: DayRange, scope: ReportScope, today: string, known: ReadonlySet<string> = new Set()): ReportSpike[] {
  const o = DEFAULT_SPIKE_OPTIONS;
  const lastEnd = isoToDayNumber(period.to < today ? period.to : today);
  const firstEnd = isoToDayNumber(period.from);
  if (lastEnd < firstEnd) return [];
  const endCount = lastEnd - firstEnd + 1;
  const filters: DimensionFilters = {};
  if (scope.sector != null) filters.sector = scope.sector;
  if (scope.organisation != null) filters.organisation = scope.organisation;
  // As the screens do: one municipality filters the series, a group filters the alerts.
  if (scope.municipality != null) filters.municipality = scope.municipality;
  const series = municipalityTopicSeries(store, filters, lastEnd - endCount - o.windowDays - o.baselineDays, lastEnd);
  const ends = Array.from({ length: endCount }, (_, i) => series.days - 1 - i);
  const nTopics = series.topics.length;
  const allowed = scope.municipalities != null ? new Set(scope.municipalities) : null;
  return episodes(detectSpikes(series, ends))
    .map((spike) => {
      const municipality = series.municipalities[Math.floor(spike.cell / nTopics)]!;
      const topic = series.topics[spike.cell % nTopics]!;
      const endDay = dayNumberToIso(spike.endDay);
      const key = reportSpikeKey(municipality, topic, endDay);
      return { key, municipality, topic, endDay, observed: spike.observed, expected: spike.expected, ratio: spike.ratio, known: known.has(key) };
    })
    .filter((s) => allowed === null || allowed.has(s.municipality));
}

/** The one Russian line «Аналитика» writes for an alert. */
export function reportSpikeSentence(s: ReportSpike, place: string): string {
  return spikeSentence(s.topic, place, s, SPIKE_WINDOW_DAYS);
}
