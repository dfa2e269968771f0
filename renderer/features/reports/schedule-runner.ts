/**
 * Running the report schedule while the app runs: every minute (and at start, which makes up runs
 * missed while the app was closed) each enabled kind's due runs are generated in all three formats
 * in the report worker and put in the archive, audited as any generation. One window runs it: a
 * Web Lock makes the other windows wait.
 */
import { workCalendar } from '../../../shared/domain/calendar';
import { dueRuns, SCHEDULED_KINDS, type ScheduledRun } from '../../../shared/report/schedule';
import type { CurDatabase } from '../../db/schema';
import { archiveReport } from './archive';
import { REPORT_FORMATS, type GenerateParams, type GenerateResult } from './generate';
import { loadSchedule, saveSchedule } from './schedule-state';

export const SCHEDULE_AUTHOR = 'расписание';

export interface ScheduleDeps {
  db: CurDatabase;
  now(): number;
  timeZone: string;
  /** Parameters of a run (data age, sources, demo flag, weights come from the app at run time). */
  paramsOf(run: ScheduledRun): Promise<GenerateParams>;
  generate(params: GenerateParams): Promise<GenerateResult>;
}

/** Generates every due run; returns what ran. A failed run stays due and is tried at the next check. */
export async function runDueReports(deps: ScheduleDeps): Promise<ScheduledRun[]> {
  const state = await loadSchedule(deps.db);
  const at = deps.now();
  const done: ScheduledRun[] = [];
  let changed = false;
  for (const kind of SCHEDULED_KINDS) {
    const last = state.last[kind];
    if (last === null) {
      state.last[kind] = at;
      changed = true;
      continue;
    }
    if (!state.enabled[kind]) continue;
    for (const run of dueRuns(kind, last, at, deps.timeZone, workCalendar)) {
      const params = await deps.paramsOf(run);
      const result = await deps.generate({ ...params, formats: [...REPORT_FORMATS], author: SCHEDULE_AUTHOR });
      await archiveReport(deps.db, { ...params, formats: [...REPORT_FORMATS], author: SCHEDULE_AUTHOR }, result.doc, result.files);
      state.last[kind] = run.dueAt;
      changed = true;
      done.push(run);
      await saveSchedule(deps.db, state);
    }
  }
  if (changed) await saveSchedule(deps.db, state);
  return done;
}
