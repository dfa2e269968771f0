/**
 * Mounted once in the operator window: runs the report schedule while the app runs (see
 * schedule-runner.ts). Renders nothing.
 */
import { useEffect, useRef } from 'react';
import type { ScheduledRun } from '../../../shared/report/schedule';
import { now } from '../../runtime/clock';
import { getRegionPack } from '../../runtime/region';
import { getDb } from '../../db/db';
import { appDbName } from '../../runtime/database';
import { loadWeights } from '../../db/rating-weights';
import { useSyncStatus, type SyncStatus } from '../../sync/use-sync-status';
import { platform } from '../../platform';
import { generateInWorker } from './client';
import type { GenerateParams } from './generate';
import { runDueReports, SCHEDULE_AUTHOR } from './schedule-runner';

const CHECK_MS = 60_000;

export function ReportScheduleRunner() {
  const sync = useSyncStatus();
  const syncRef = useRef<SyncStatus>(sync);
  syncRef.current = sync;

  useEffect(() => {
    if (typeof navigator === 'undefined' || !navigator.locks) return;
    const stop = new AbortController();
    const pack = getRegionPack();
    const paramsOf = async (run: ScheduledRun): Promise<GenerateParams> => ({
      kind: run.kind,
      periodCode: run.periodCode,
      scope: {},
      regionId: pack.id,
      now: now(),
      generatedAt: now(),
      dataAsOf: syncRef.current.dataAsOf,
      sources: syncRef.current.sources.map((s) => s.label),
      demo: syncRef.current.isDemo,
      author: SCHEDULE_AUTHOR,
      weights: await loadWeights(getDb()),
      formats: [],
    });
    const check = async () => {
      try {
        // The folder is read at every check: the administrator may choose or forget it at any time.
        const folder = platform.canWriteReportFolder ? await platform.reportFolder() : null;
        await runDueReports({
          db: getDb(),
          now,
          timeZone: pack.timeZone,
          paramsOf,
          generate: (p) => generateInWorker(appDbName(), pack.timeZone, p),
          writeToFolder: folder ? (name, bytes) => platform.writeReportFile(name, bytes) : undefined,
        });
      } catch (error) {
        console.warn('report schedule:', error);
      }
    };
    void navigator.locks
      .request('cur-report-schedule', { signal: stop.signal }, async () => {
        await check();
        await new Promise<void>((resolve) => {
          const timer = setInterval(() => void check(), CHECK_MS);
          stop.signal.addEventListener('abort', () => {
            clearInterval(timer);
            resolve();
          });
        });
      })
      .catch(() => undefined);
    return () => stop.abort();
  }, []);
  return null;
}
