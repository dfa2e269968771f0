/**
 * Spikes for a report: the alerts «Аналитика» raises over municipality × topic cells
 * (shared/analytics/spikes.ts), for windows that ended on a day of the report's period.
 *
 * It is the computation the screens run (shared/analytics/spike-cells.ts): for a 7-day period
 * ending today it returns exactly the alerts «Обзор» shows today. Pure: the caller brings the
 * column store.
 */
import type { ColumnStore } from '../analytics/columns';
import { spikesEndingBetween } from '../analytics/spike-cells';
import { DEFAULT_SPIKE_OPTIONS, spikeSentence } from '../analytics/spikes';
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
  const lastEnd = isoToDayNumber(period.to < today ? period.to : today);
  return spikesEndingBetween(store, scope, isoToDayNumber(period.from), lastEnd).map(({ municipality, topic, spike }) => {
    const endDay = dayNumberToIso(spike.endDay);
    const key = reportSpikeKey(municipality, topic, endDay);
    return { key, municipality, topic, endDay, observed: spike.observed, expected: spike.expected, ratio: spike.ratio, known: known.has(key) };
  });
}

/** The one Russian line «Аналитика» writes for an alert. */
export function reportSpikeSentence(s: ReportSpike, place: string): string {
  return spikeSentence(s.topic, place, s, SPIKE_WINDOW_DAYS);
}
