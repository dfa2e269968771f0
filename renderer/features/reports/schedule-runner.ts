/**
 * Running the report schedule while the app runs: every minute (and at start, which makes up runs
 * missed while the app was closed) each enabled kind's due runs are generated in all three formats
 * in the report worker and put in the archive, audited as any generation; in Electron the files are
 * also written into the folder the administrator chose (each audited before it is written). One
 * window runs it: a Web Lock makes the other windows wait.
 */
import { workCalendar } from '../../../shared/domain/calendar';
import { dueRuns, SCHEDULED_KINDS, type ScheduledRun } from '../../../shared/report/schedule';
import type { CurDatabase } from '../../db/schema';
import { archiveReport } from './archive';
import { REPORT_FORMATS, type GenerateParams, type GenerateResult } from './generate';
import { loadSchedule, saveSchedule, type ScheduleState } from './schedule-state';
import { logAudit } from '../../db/audit-repo';

export const SCHEDULE_AUTHOR = 'расписание';

export interface ScheduleDeps {
  db: CurDatabase;
  now(): number;
  timeZone: string;
  /** Parameters of a run (data age, sources, demo flag, weights come from the app at run time). */
  paramsOf(run: ScheduledRun): Promise<GenerateParams>;
  generate(params: GenerateParams): Promise<GenerateResult>;
  /** Writes a file into the reports folder, returning the name used; absent when no folder is chosen. */
  writeToFolder?: (fileName: string, bytes: Uint8Array<ArrayBuffer>) => Promise<string>;
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
      if (deps.writeToFolder) state.folderWrite = await writeFiles(deps, run, result);
      state.last[kind] = run.dueAt;
      changed = true;
      done.push(run);
      await saveSchedule(deps.db, state);
    }
  }
  if (changed) await saveSchedule(deps.db, state);
  return done;
}

/**
 * Writes a run's files into the reports folder, each audited first (no audit row, no file). A
 * failure (folder gone, disk full) leaves the report in the archive and is shown in the schedule.
 */
async function writeFiles(deps: ScheduleDeps, run: ScheduledRun, result: GenerateResult): Promise<NonNullable<ScheduleState['folderWrite']>> {
  const written: string[] = [];
  try {
    for (const file of result.files) {
      await logAudit(deps.db, { action: 'report.write-folder', details: { kind: run.kind, period: run.periodCode, fileName: file.fileName } });
      written.push(await deps.writeToFolder!(file.fileName, file.bytes as Uint8Array<ArrayBuffer>));
    }
    return { at: deps.now(), ok: true, detail: written.join(', ') };
  } catch (error) {
    return { at: deps.now(), ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
