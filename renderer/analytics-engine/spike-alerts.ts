/**
 * The current spike alerts over municipality × topic cells, read from the analytic engine, and
 * the «known» marks kept in the settings table. Shared by «Аналитика», «Обзор» and the wall so
 * all three show the same alerts, link them to the same appeals and read one set of marks.
 */
import type { ColumnStore } from '../../shared/analytics/columns';
import { spikesEndingBetween } from '../../shared/analytics/spike-cells';
import { DEFAULT_SPIKE_OPTIONS, type Spike } from '../../shared/analytics/spikes';
import { addCalendarDays, dayNumberToIso } from '../../shared/domain/time';
import type { CurDatabase } from '../db/schema';
import { getSetting, setSetting } from '../db/settings-repo';
import { getAnalyticsEngine } from './engine';

export const KNOWN_SPIKES_KEY = 'analytics.knownSpikes';
/** Alerts whose window ended within this many days of today are «current». */
export const SPIKE_LOOKBACK_DAYS = 7;
/** The settings list keeps the newest marks only, so it never grows without bound. */
const MAX_KNOWN = 500;

export interface SpikeAlert {
  /** Stable across recomputations: the cell and the window's last day. */
  key: string;
  municipality: string;
  topic: string;
  spike: Spike;
}

/** The global scope an alert list is computed in (null = the whole region / every sector). */
export interface SpikeScope {
  sector: string | null;
  municipality: string | null;
  /** A group of municipalities (the global scope): alerts of its members only. */
  municipalities?: readonly string[] | null;
}

export function spikeKey(municipality: string, topic: string, endDay: number): string {
  return `${municipality}|${topic}|${dayNumberToIso(endDay)}`;
}

/** Alerts of the last `SPIKE_LOOKBACK_DAYS` days up to `today` (a day number), newest and strongest first. */
export function computeSpikeAlerts(store: ColumnStore, scope: SpikeScope, today: number): SpikeAlert[] {
  return spikesEndingBetween(store, scope, today - SPIKE_LOOKBACK_DAYS + 1, today).map((cell) => ({ key: spikeKey(cell.municipality, cell.topic, cell.spike.endDay), ...cell }));
}

/** Catches the window's engine up (loading or building its index the first time) and computes the alerts. */
export async function loadSpikeAlerts(db: CurDatabase, scope: SpikeScope, today: number): Promise<SpikeAlert[]> {
  const store = await getAnalyticsEngine(db).store();
  return computeSpikeAlerts(store, scope, today);
}

/**
 * The registry condition of exactly an alert's appeals: its window's days, municipality and
 * topic, within the sector the alerts were computed for.
 */
export function spikeRegistryFilter(alert: SpikeAlert, sector: string | null) {
  const to = dayNumberToIso(alert.spike.endDay);
  const from = addCalendarDays(to, -(DEFAULT_SPIKE_OPTIONS.windowDays - 1));
  return { from, to, municipality: alert.municipality, category: alert.topic, ...(sector ? { sector } : {}) };
}

export function readKnownSpikes(db: CurDatabase): Promise<string[]> {
  return getSetting<string[]>(db, KNOWN_SPIKES_KEY, []);
}

/** Marks an alert known, or clears the mark if it is. */
export async function toggleKnownSpike(db: CurDatabase, key: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const list = await readKnownSpikes(db);
    await setSetting(db, KNOWN_SPIKES_KEY, list.includes(key) ? list.filter((k) => k !== key) : [...list, key].slice(-MAX_KNOWN));
  });
}
