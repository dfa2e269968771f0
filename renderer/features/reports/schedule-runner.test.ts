import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RATING_WEIGHTS } from '../../../shared/domain/rating';
import { regionTimeOn } from '../../../shared/domain/time';
import { openDb } from '../../db/db';
import type { CurDatabase } from '../../db/schema';
import type { GenerateParams, GenerateResult } from './generate';
import { runDueReports } from './schedule-runner';
import { loadSchedule, saveSchedule } from './schedule-state';

const TZ = 'Europe/Moscow';
let db: CurDatabase;
afterEach(async () => {
  await db.delete();
});

function deps(at: { now: number }, generated: GenerateParams[]) {
  return {
    db,
    now: () => at.now,
    timeZone: TZ,
    paramsOf: async (run: { kind: GenerateParams['kind']; periodCode: string }): Promise<GenerateParams> => ({
      kind: run.kind,
      periodCode: run.periodCode,
      scope: {},
      regionId: 'kirov',
      now: at.now,
      generatedAt: at.now,
      dataAsOf: null,
      sources: [],
      demo: true,
      author: 'x',
      weights: DEFAULT_RATING_WEIGHTS,
      formats: [],
    }),
    generate: async (params: GenerateParams): Promise<GenerateResult> => {
      generated.push(params);
      return { doc: { title: params.kind, periodLabel: params.periodCode, scopeLabel: 'Регион' } as never, files: params.formats.map((format) => ({ format, fileName: `f.${format}`, bytes: new Uint8Array([1]), sha256: 'ab' })) };
    },
  };
}

describe('report schedule runner', () => {
  it('starts the schedule at the first check, then runs what falls due, and audits it', async () => {
    db = openDb('schedule-runner-1');
    const at = { now: regionTimeOn('2026-11-27', 12 * 60, TZ) };
    const generated: GenerateParams[] = [];
    expect(await runDueReports(deps(at, generated))).toEqual([]);
    at.now = regionTimeOn('2026-11-30', 8 * 60 + 1, TZ);
    const runs = await runDueReports(deps(at, generated));
    expect(runs.map((r) => `${r.kind} ${r.periodCode}`)).toEqual(['weekly 2026-W48']);
    expect(generated[0]).toMatchObject({ kind: 'weekly', periodCode: '2026-W48', formats: ['pdf', 'docx', 'xlsx'], author: 'расписание' });
    expect(await runDueReports(deps(at, generated))).toEqual([]);
    const archive = await db.reportArchive.toArray();
    expect(archive).toHaveLength(1);
    expect(archive[0]!.files.map((f) => f.format)).toEqual(['pdf', 'docx', 'xlsx']);
    expect((await db.audit.toArray()).filter((a) => a.action === 'report.generate')).toHaveLength(1);
  });

  it('makes up runs missed while the app was closed, and skips a disabled kind', async () => {
    db = openDb('schedule-runner-2');
    const state = await loadSchedule(db);
    const closedAt = regionTimeOn('2026-10-20', 12 * 60, TZ);
    await saveSchedule(db, { enabled: { ...state.enabled, quarterly: false }, last: { weekly: closedAt, monthly: closedAt, quarterly: closedAt } });
    const generated: GenerateParams[] = [];
    const runs = await runDueReports(deps({ now: regionTimeOn('2026-11-10', 9 * 60, TZ) }, generated));
    expect(runs.map((r) => `${r.kind} ${r.periodCode}`)).toEqual(['weekly 2026-W43', 'weekly 2026-W44', 'weekly 2026-W45', 'monthly 2026-10']);
    expect((await loadSchedule(db)).last.quarterly).toBe(closedAt);
  });

  it('writes each file into the reports folder after its audit row, and records a failed write', async () => {
    db = openDb('schedule-runner-3');
    const state = await loadSchedule(db);
    const before = regionTimeOn('2026-11-27', 12 * 60, TZ);
    await saveSchedule(db, { ...state, last: { weekly: before, monthly: before, quarterly: before } });
    const at = { now: regionTimeOn('2026-11-30', 8 * 60 + 1, TZ) };
    const writes: { name: string; auditRows: number }[] = [];
    const writeToFolder = async (name: string) => {
      writes.push({ name, auditRows: (await db.audit.where('action').equals('report.write-folder').toArray()).length });
      return name;
    };
    await runDueReports({ ...deps(at, []), writeToFolder });
    // Every write saw its own audit row already written.
    expect(writes).toEqual([
      { name: 'f.pdf', auditRows: 1 },
      { name: 'f.docx', auditRows: 2 },
      { name: 'f.xlsx', auditRows: 3 },
    ]);
    expect((await loadSchedule(db)).folderWrite).toMatchObject({ ok: true, detail: 'f.pdf, f.docx, f.xlsx' });

    at.now = regionTimeOn('2026-12-07', 8 * 60 + 1, TZ);
    const runs = await runDueReports({ ...deps(at, []), writeToFolder: async () => Promise.reject(new Error('Папка для отчётов недоступна')) });
    const after = await loadSchedule(db);
    expect(after.folderWrite).toMatchObject({ ok: false, detail: 'Папка для отчётов недоступна' });
    // The report itself is archived and its run is done: a folder problem never repeats the run.
    expect(after.last.weekly).toBe(regionTimeOn('2026-12-07', 8 * 60, TZ));
    expect(await db.reportArchive.count()).toBe(1 + runs.length);
  });
});
