/**
 * Spike episodes over municipality × topic cells whose window ended on a day of a range: the one
 * computation behind the alerts of «Обзор», «Аналитика» and the wall
 * (renderer/analytics-engine/spike-alerts.ts) and the spikes of a report (shared/report/spikes.ts),
 * so both always name the same spikes.
 */
import type { ColumnStore } from './columns';
import type { DimensionFilters } from './pivot';
import { municipalityTopicSeries } from './series';
import { DEFAULT_SPIKE_OPTIONS, detectSpikes, episodes, type Spike } from './spikes';

export interface SpikeCellScope {
  sector?: string | null;
  organisation?: string | null;
  /** One municipality filters the series (its cells alone are tested). */
  municipality?: string | null;
  /** A group filters the alerts: every cell is tested, the group's members are kept. */
  municipalities?: readonly string[] | null;
}

export interface CellSpike {
  municipality: string;
  topic: string;
  spike: Spike;
}

/**
 * Episodes whose window ended on a day from `firstEnd` to `lastEnd` (day numbers), strongest last
 * day per episode, newest and strongest first. The series starts a window and a baseline before
 * the first end day, so the weekday profile is taken over the same span for any range.
 */
export function spikesEndingBetween(store: ColumnStore, scope: SpikeCellScope, firstEnd: number, lastEnd: number): CellSpike[] {
  if (lastEnd < firstEnd) return [];
  const o = DEFAULT_SPIKE_OPTIONS;
  const endCount = lastEnd - firstEnd + 1;
  const filters: DimensionFilters = {};
  if (scope.sector != null) filters.sector = scope.sector;
  if (scope.organisation != null) filters.organisation = scope.organisation;
  if (scope.municipality != null) filters.municipality = scope.municipality;
  const series = municipalityTopicSeries(store, filters, lastEnd - endCount - o.windowDays - o.baselineDays, lastEnd);
  const ends = Array.from({ length: endCount }, (_, i) => series.days - 1 - i);
  const nTopics = series.topics.length;
  const members = scope.municipalities != null ? new Set(scope.municipalities) : null;
  return episodes(detectSpikes(series, ends))
    .map((spike) => ({ municipality: series.municipalities[Math.floor(spike.cell / nTopics)]!, topic: series.topics[spike.cell % nTopics]!, spike }))
    .filter((cell) => members === null || members.has(cell.municipality));
}
