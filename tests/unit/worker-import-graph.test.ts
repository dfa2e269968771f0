/**
 * What the two workers bundle, read from esbuild's metafile of each worker entry: the sync worker
 * and the import worker get time, region and the database from their first message, so neither may
 * pull in the UI (app/, features/, ui/), the window's runtime (boot options from the page URL, the
 * region store) or a UI store (zustand, React). A worker that did would read the worker script's
 * own URL for `?demoNow` and stamp rows with the real time.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every module the bundle of `entry` contains, as repo-relative paths (node_modules included). */
async function bundledModules(entry: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    outdir: 'out',
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

const FORBIDDEN = /^renderer\/(app|features|ui|runtime)\/|^node_modules\/(zustand|react|react-dom)\//;
/**
 * Realm state every layer reads and a worker sets itself (no page URL, no store library): who acts
 * for the audit log (the sync worker names the system) and the viewer's scope (the report worker
 * takes it from its message).
 */
const REALM_STATE = new Set(['renderer/runtime/access.ts', 'renderer/runtime/actor.ts']);

function forbiddenIn(modules: readonly string[]): string[] {
  return modules.filter((m) => FORBIDDEN.test(m) && !REALM_STATE.has(m));
}

describe('worker import graphs', () => {
  it('the sync worker bundles the engine and the database but no UI, runtime or UI store', async () => {
    const modules = await bundledModules('renderer/sync/sync.worker.ts');
    expect(modules).toEqual(expect.arrayContaining(['renderer/sync/scheduler.ts', 'renderer/db/open-db.ts', 'shared/import/read/read-file.ts']));
    expect(forbiddenIn(modules)).toEqual([]);
  }, 60_000);

  it('the import worker bundles the pipeline and the database but no UI, runtime or UI store', async () => {
    const modules = await bundledModules('renderer/import-pipeline/import.worker.ts');
    expect(modules).toEqual(expect.arrayContaining(['renderer/import-pipeline/engine.ts', 'renderer/db/open-db.ts']));
    expect(forbiddenIn(modules)).toEqual([]);
  }, 60_000);

  it('the analytics worker bundles the engine and the database but no UI, runtime or UI store', async () => {
    const modules = await bundledModules('renderer/analytics-engine/worker/engine.worker.ts');
    expect(modules).toEqual(expect.arrayContaining(['renderer/analytics-engine/engine.ts', 'shared/analytics/pivot-scan.ts', 'renderer/db/open-db.ts']));
    expect(forbiddenIn(modules)).toEqual([]);
  }, 60_000);

  it('would notice a UI store: the import screen state pulls in zustand and the runtime', async () => {
    const found = forbiddenIn(await bundledModules('renderer/features/import/store.ts'));
    expect(found).toEqual(expect.arrayContaining(['renderer/runtime/clock.ts']));
    expect(found.some((m) => m.startsWith('node_modules/zustand/'))).toBe(true);
  }, 60_000);
});
