/**
 * Wall soak: mounts the real wall root in the bench page, rotates it through ≥ 72 simulated
 * hours of scene changes (the pure rotation reducer fed simulated time) while the demo source
 * keeps syncing changes into the store (the same applyPage path as the sync engine), and samples
 * JS heap, DOM node count and live ECharts instances. Reports heap growth after warm-up (%), the
 * DOM growth and the ECharts instance counts, so a leak shows as a number, not as a hunch.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import * as echarts from 'echarts';
import WallScreen from '../../renderer/features/wall';
import { useWallStore } from '../../renderer/features/wall/store';
import { getDb } from '../../renderer/db/db';
import { applyPage } from '../../renderer/sync/apply-page';
import { createDemoSource } from '../../renderer/sync/sources/demo-source';
import { KIROV_PACK } from '../../shared/domain/packs';
import { command, currentDurationMs, SCENE_IDS, type Playlist } from '../../shared/wall';
import type { BenchContext, BenchModule, BenchResult } from './harness-types';

const SIMULATED_HOURS = 72;
/** Scene length in the soak playlist: five scenes × 10 min → 432 scene changes (mounts and
 *  disposals) in 72 h; a leak per change shows as a climb long before that. */
const SCENE_SECONDS = 600;
/** The demo source syncs every 10 simulated minutes (once per scene). */
const SYNC_EVERY_MS = 10 * 60_000;
/** A heap/DOM/ECharts sample every 2 simulated hours, always on the heat-map scene (it holds a
 *  chart), so samples compare like with like. */
const SAMPLE_EVERY_MS = 2 * 3_600_000;
/** Samples before this share of the run are warm-up (caches, JIT, first charts). */
const WARM_UP_SHARE = 0.15;
const SEED_SCALE = 20_000;

const SOAK_PLAYLIST: Playlist = {
  id: 'soak',
  name: 'Soak',
  items: SCENE_IDS.map((scene) => ({ scene, durationSec: SCENE_SECONDS })),
};

interface Sample {
  simulatedHours: number;
  heapBytes: number | null;
  domNodes: number;
  liveCharts: number;
}

function heapBytes(): number | null {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize : null;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Waits until the mounted scene says it shows its data (or a bounded time passes). */
async function sceneSettled(root: HTMLElement, limitMs = 8000): Promise<void> {
  const start = performance.now();
  while (performance.now() - start < limitMs) {
    if (root.querySelector('[data-ready="true"]')) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  await nextFrame();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

const bench: BenchModule = {
  title: 'Wall soak: 72 simulated hours of rotation with continuous sync',
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const db = getDb();
    // The demo region is generated up to the real clock, which is also the wall's clock here:
    // the wall shows the same "month to date" the data covers.
    let demoNow = Date.now();
    const source = createDemoSource({ scale: SEED_SCALE, seed: 7, pack: KIROV_PACK, now: () => demoNow });
    let checkpoint: string | null = (await db.syncState.get(source.id))?.checkpoint ?? null;
    const controller = new AbortController();
    const pullAll = async () => {
      let pages = 0;
      for (;;) {
        const page = await source.pull(checkpoint, controller.signal);
        await applyPage(db, source.id, page, { at: demoNow, progress: null });
        checkpoint = page.nextCheckpoint;
        pages += 1;
        if (!page.hasMore) return pages;
      }
    };
    ctx.log(`seeding the demo region (${SEED_SCALE} appeals/year)…`);
    await pullAll();

    const host = document.createElement('div');
    host.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;z-index:1;overflow:hidden';
    document.body.appendChild(host);
    const root = createRoot(host);
    root.render(createElement(WallScreen));
    await sceneSettled(host, 10_000);
    // After mount: the wall has read its saved playlist by now; the soak playlist replaces it.
    await new Promise((r) => setTimeout(r, 200));
    useWallStore.getState().dispatch({ type: 'command', command: command({ type: 'playlist', playlist: SOAK_PLAYLIST }) });
    await sceneSettled(host, 10_000);

    const seenChartIds = new Set<string>();
    const liveCharts = () => {
      for (const el of host.querySelectorAll('[_echarts_instance_]')) seenChartIds.add(el.getAttribute('_echarts_instance_') ?? '');
      let live = 0;
      for (const id of seenChartIds) {
        const chart = echarts.getInstanceById(id);
        if (chart && !chart.isDisposed()) live += 1;
      }
      return live;
    };

    const totalMs = SIMULATED_HOURS * 3_600_000;
    const samples: Sample[] = [];
    let simulated = 0;
    let sinceSync = 0;
    let sinceSample = SAMPLE_EVERY_MS;
    let changes = 0;
    let maxLive = 0;
    const store = useWallStore.getState();
    while (simulated < totalMs) {
      // Jump to the end of the current scene: exactly one scene change per step.
      const state = useWallStore.getState().wall;
      const step = Math.max(1, currentDurationMs(state) - state.elapsedMs);
      store.dispatch({ type: 'tick', ms: step });
      simulated += step;
      sinceSync += step;
      sinceSample += step;
      changes += 1;
      if (sinceSync >= SYNC_EVERY_MS) {
        demoNow += sinceSync;
        sinceSync = 0;
        await pullAll();
      }
      // Presenter traffic now and then: focus a unit, clear it, change the measure.
      if (changes % 37 === 0) store.dispatch({ type: 'command', command: command({ type: 'focus', focus: { kind: 'municipality', id: KIROV_PACK.municipalities[changes % KIROV_PACK.municipalities.length]!.id } }) });
      if (changes % 37 === 5) store.dispatch({ type: 'command', command: command({ type: 'focus', focus: null }) });
      if (changes % 53 === 0) store.dispatch({ type: 'command', command: command({ type: 'measure', measure: changes % 2 ? 'overdue' : 'per10k' }) });
      await sceneSettled(host);
      maxLive = Math.max(maxLive, liveCharts());
      const onScene = host.querySelector('[data-testid="wall"]')?.getAttribute('data-scene');
      const loaded = host.querySelector('[data-ready="true"]') !== null;
      // Only loaded heat-map scenes are sampled: a scene still loading has fewer nodes and no chart.
      if (sinceSample >= SAMPLE_EVERY_MS && onScene === 'heatmap' && loaded) {
        sinceSample = 0;
        collectGarbage();
        await new Promise((r) => setTimeout(r, 50));
        const sample = { simulatedHours: simulated / 3_600_000, heapBytes: heapBytes(), domNodes: document.getElementsByTagName('*').length, liveCharts: liveCharts() };
        samples.push(sample);
        ctx.log(`${sample.simulatedHours.toFixed(0)} h: heap ${sample.heapBytes === null ? '—' : (sample.heapBytes / 1048576).toFixed(1) + ' MB'}, DOM ${sample.domNodes}, charts ${sample.liveCharts}, scene changes ${changes}`);
      }
    }

    root.unmount();
    host.remove();
    controller.abort();
    await nextFrame();
    const leaked = liveCharts();

    // Heap readings are noisy (GC timing, charts in flight): compare medians of the first and the
    // last third after warm-up, and fit a line to see whether anything climbs steadily.
    const warmUp = Math.max(1, Math.floor(samples.length * WARM_UP_SHARE));
    const steady = samples.slice(warmUp);
    const third = Math.max(1, Math.floor(steady.length / 3));
    const base = steady.slice(0, third);
    const tail = steady.slice(-third);
    const heapBase = median(base.map((s) => s.heapBytes ?? 0));
    const heapTail = median(tail.map((s) => s.heapBytes ?? 0));
    const heapGrowth = heapBase > 0 ? ((heapTail - heapBase) / heapBase) * 100 : NaN;
    const heapSlopePerDay = heapBase > 0 ? (slope(steady.map((s) => [s.simulatedHours, s.heapBytes ?? 0])) * 24 * 100) / heapBase : NaN;
    const domBase = median(base.map((s) => s.domNodes));
    const domTail = median(tail.map((s) => s.domNodes));
    ctx.log(`heap samples (MB): ${samples.map((s) => ((s.heapBytes ?? 0) / 1048576).toFixed(1)).join(' ')}`);

    return [
      { name: 'wall soak heap growth after warm-up (72 h simulated)', value: Number(heapGrowth.toFixed(2)), unit: '%', target: 10 },
      { name: 'wall soak heap trend (least-squares slope per simulated day)', value: Number(heapSlopePerDay.toFixed(2)), unit: '%/day', target: 3 },
      { name: 'wall soak DOM node growth after warm-up', value: Math.round(domTail - domBase), unit: 'nodes', target: 0 },
      { name: 'wall soak ECharts live instances (max while running)', value: maxLive, unit: 'instances', target: 2 },
      { name: 'wall soak ECharts instances left after unmount', value: leaked, unit: 'instances', target: 0 },
      { name: 'wall soak scene changes', value: changes, unit: 'changes', target: 432 },
      { name: 'wall soak simulated hours', value: Number((simulated / 3_600_000).toFixed(1)), unit: 'h', target: SIMULATED_HOURS },
    ];
  },
};

export default bench;
