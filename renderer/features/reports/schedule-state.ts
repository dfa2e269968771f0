/**
 * The report schedule's settings row: which kinds run on schedule and when each last ran. A kind
 * that has never run starts its schedule at the first check (no backfill of the past).
 */
import type { ScheduledKind } from '../../../shared/report/schedule';
import { getSetting, setSetting } from '../../db/settings-repo';
import type { CurDatabase } from '../../db/schema';

export const SCHEDULE_KEY = 'reports.schedule';

export interface ScheduleState {
  enabled: Record<ScheduledKind, boolean>;
  /** When each kind last ran (or its schedule started); null before the first check. */
  last: Record<ScheduledKind, number | null>;
  /** The last write into the reports folder (Electron): what was written, or why it failed. */
  folderWrite?: { at: number; ok: boolean; detail: string } | null;
}

export const DEFAULT_SCHEDULE: ScheduleState = {
  enabled: { weekly: true, monthly: true, quarterly: true },
  last: { weekly: null, monthly: null, quarterly: null },
};

export async function loadSchedule(db: CurDatabase): Promise<ScheduleState> {
  const stored = await getSetting<Partial<ScheduleState> | null>(db, SCHEDULE_KEY, null);
  return {
    enabled: { ...DEFAULT_SCHEDULE.enabled, ...(stored?.enabled ?? {}) },
    last: { ...DEFAULT_SCHEDULE.last, ...(stored?.last ?? {}) },
    folderWrite: stored?.folderWrite ?? null,
  };
}

export function saveSchedule(db: CurDatabase, state: ScheduleState): Promise<void> {
  return setSetting(db, SCHEDULE_KEY, state);
}
