/**
 * The analytics screen's reads: pivots from the columnar engine in its worker (re-run when the change log
 * moves, so a sync or an import shows up), saved analyses in the settings table, the population
 * for per-capita measures.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { NowBands } from '../../../shared/analytics/dimensions';
import type { PivotResult } from '../../../shared/analytics/pivot';
import { workCalendar } from '../../../shared/domain/calendar';
import { populationOf, type RegionPack } from '../../../shared/domain/region-pack';
import { pivotOffMainThread } from '../../analytics-engine/engine-client';
import { getDb } from '../../db/db';
import { deadlineBands } from '../../db/deadline-bands';
import { getSetting, setSetting } from '../../db/settings-repo';
import { normalizeSpec, pivotQueryOf, type AnalysisSpec, type SavedAnalysis, type Scope } from './model';

export const SAVED_KEY = 'analytics.saved';

export function nowBands(now: number, timeZone: string): NowBands {
  const b = deadlineBands(now, timeZone, workCalendar);
  return { now: b.now, hourRiskEnd: b.hourRiskEnd, dayRiskEnd: b.dayRiskEnd };
}

/**
 * Population of a municipality, or of the whole scope — the region or the group of municipalities
 * in scope (published figures, estimates if that is all there is).
 */
export function populationLookup(pack: RegionPack, members: readonly string[] | null = null) {
  const byId = new Map(pack.municipalities.map((m) => [m.id, populationOf(m, true)?.value ?? null]));
  const inScope = members ? members.map((id) => byId.get(id) ?? null) : [...byId.values()];
  const region = inScope.reduce<number>((s, v) => s + (v ?? 0), 0);
  return (municipality: string | null) => (municipality === null ? region || null : byId.get(municipality) ?? null);
}

/** A number that changes whenever an appeal write lands (the change log's last entry). */
export function useStoreVersion(): number {
  return useLiveQuery(async () => (await getDb().analyticsLog.orderBy('seq').last())?.seq ?? 0, [], 0);
}

export interface PivotState {
  result: PivotResult | null;
  ms: number;
  /** Where the pivot was computed: the analytics worker, or this window when no worker could start. */
  where: 'worker' | 'window' | null;
  error: string | null;
  loading: boolean;
}

export function usePivot(spec: AnalysisSpec, scope: Scope, now: number, pack: RegionPack): PivotState {
  const version = useStoreVersion();
  const [state, setState] = useState<PivotState>({ result: null, ms: 0, where: null, error: null, loading: true });
  const members = scope.municipalities ?? null;
  const population = useMemo(() => populationLookup(pack, members), [pack, members]);
  const key = JSON.stringify([spec.rows, spec.cols, spec.measure, spec.filters, spec.compare, spec.topRows, scope]);
  useEffect(() => {
    let alive = true;
    setState((s) => ({ ...s, loading: true }));
    const query = pivotQueryOf(spec, scope, nowBands(now, pack.timeZone), population);
    // Computed in the analytics worker: a million-row pivot never blocks this window.
    pivotOffMainThread(getDb(), query, pack.municipalities.map((m) => m.id))
      .then(({ result, ms, where }) => alive && setState({ result, ms, where, error: null, loading: false }))
      .catch((error: unknown) => alive && setState({ result: null, ms: 0, where: null, error: String(error), loading: false }));
    return () => {
      alive = false;
    };
    // The query is identified by its key; `now` moves every minute and is read when the key changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version, population]);
  return state;
}

export function useSavedAnalyses(): SavedAnalysis[] {
  return useLiveQuery(async () => {
    const list = await getSetting<SavedAnalysis[]>(getDb(), SAVED_KEY, []);
    return Array.isArray(list) ? list.map((s) => ({ name: String(s.name), savedAt: Number(s.savedAt) || 0, spec: normalizeSpec(s.spec) })) : [];
  }, [], []);
}

export async function saveAnalysis(name: string, spec: AnalysisSpec, at: number): Promise<void> {
  const db = getDb();
  const list = await getSetting<SavedAnalysis[]>(db, SAVED_KEY, []);
  const next = list.filter((s) => s.name !== name);
  next.push({ name, spec, savedAt: at });
  next.sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  await setSetting(db, SAVED_KEY, next);
}

export async function deleteAnalysis(name: string): Promise<void> {
  const db = getDb();
  const list = await getSetting<SavedAnalysis[]>(db, SAVED_KEY, []);
  await setSetting(db, SAVED_KEY, list.filter((s) => s.name !== name));
}
