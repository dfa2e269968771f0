/**
 * The embedded demo region as a sync source: first the simulated year in checkpointed pages —
 * newest days first, so a new workstation is right about «now» after its first pages — then the
 * changes of the simulation as the clock moves. The checkpoint is JSON and holds the exact
 * window and position, so a restart between pages resumes where it stopped.
 */
import type { RegionPack } from '../../../shared/domain/region-pack';
import { DemoModel } from '../../../shared/demo/model';
import { demoReference } from '../../../shared/demo/reference';
import { changeWindow, historyLoadedFrom, initialWindow, readWindow, type DemoWindow } from '../../../shared/demo/stream';
import type { ReferenceRow } from '../../db/schema';
import { syncError } from '../../../shared/messages/sync-error';
import { SyncSourceError, type SyncPage, type SyncSource } from '../source';

export interface DemoSourceOptions {
  /** Appeals per simulated year. */
  scale: number;
  seed: number;
  pack: RegionPack;
  /** The app's clock (frozen by `?demoNow=`; the worker gets it in its init message). */
  now: () => number;
  /** Records per page (default 5,000: the sweet spot of IndexedDB transactions). */
  pageSize?: number;
  /** Order of the first load (default newest first: «now» is right within the first pages). */
  order?: 'asc' | 'desc';
}

export const DEMO_SOURCE_ID = 'demo';
export const DEMO_SOURCE_LABEL = 'Демо-регион';

interface DemoCheckpoint {
  v: 1;
  seed: number;
  scale: number;
  region: string;
  /** The window being read; null after it was read to the end. */
  window: DemoWindow | null;
  horizonStart: number;
  /** Instant the data reflects once the current window is done. */
  asOf: number;
}

function parseCheckpoint(text: string | null, options: DemoSourceOptions): DemoCheckpoint | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as DemoCheckpoint;
    // Another seed, scale or region is another dataset: start over.
    if (value.v !== 1 || value.seed !== options.seed || value.scale !== options.scale || value.region !== options.pack.id) return null;
    return value;
  } catch {
    return null;
  }
}

export function createDemoSource(options: DemoSourceOptions): SyncSource {
  const model = new DemoModel({ seed: options.seed, scale: options.scale, pack: options.pack });
  const pageSize = options.pageSize ?? 5_000;

  function referenceRows(at: number): ReferenceRow[] {
    return demoReference(model).map((item) => ({ key: `${item.kind}:${item.id}`, kind: item.kind, id: item.id, value: item.value, updatedAt: at }));
  }

  return {
    id: DEMO_SOURCE_ID,
    label: DEMO_SOURCE_LABEL,
    isDemo: true,
    async pull(checkpoint: string | null, signal: AbortSignal): Promise<SyncPage> {
      if (signal.aborted) throw new SyncSourceError('network', syncError('aborted'));
      let state = parseCheckpoint(checkpoint, options);
      let reference: ReferenceRow[] = [];
      if (!state) {
        const asOf = options.now();
        const window = initialWindow(model, asOf, undefined, options.order ?? 'desc');
        state = { v: 1, seed: options.seed, scale: options.scale, region: options.pack.id, window, horizonStart: window.horizonStart, asOf };
        reference = referenceRows(asOf);
      }
      let window = state.window;
      if (!window) {
        const now = options.now();
        if (now <= state.asOf) {
          return { changes: [], deletions: [], reference, nextCheckpoint: JSON.stringify(state), hasMore: false, remainingEstimate: 0, dataAsOf: state.asOf };
        }
        window = changeWindow(model, state.horizonStart, state.asOf, now);
      }
      const page = readWindow(model, window, pageSize);
      const next: DemoCheckpoint = { ...state, window: page.next, asOf: window.asOf };
      return {
        changes: page.changes,
        deletions: page.deletions,
        reference,
        nextCheckpoint: JSON.stringify(next),
        hasMore: page.next !== null,
        remainingEstimate: page.remainingEstimate,
        // A window is not ordered by update time: the store is current to its instant only once
        // the whole window is in (until then the previous age stands, as with the HTTP feed).
        dataAsOf: page.next === null ? window.asOf : null,
        ...(window.kind === 'initial' && window.order === 'desc' ? { historyLoadedFrom: historyLoadedFrom(model, page.next) } : {}),
      };
    },
  };
}
