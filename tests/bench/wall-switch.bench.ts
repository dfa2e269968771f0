/**
 * Wall scene switch at 3840×2160: the real wall root, mounted full-page in the bench window (the
 * harness opens it at 4K), is told to show each scene of a full rotation in turn, and the time from
 * the command to the painted, loaded scene (its data read from the store, its chart drawn) is
 * measured. Three rotations over every scene; the first switch to each scene is a cold one (its
 * chart and map are created), later ones reuse nothing but the browser's caches, as on a real wall.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import WallScreen from '../../renderer/features/wall';
import { useWallStore } from '../../renderer/features/wall/store';
import { getDb } from '../../renderer/db/db';
import { applyPage } from '../../renderer/sync/apply-page';
import { createDemoSource } from '../../renderer/sync/sources/demo-source';
import { KIROV_PACK } from '../../shared/domain/packs';
import { command, SCENE_IDS, type Playlist, type SceneId } from '../../shared/wall';
import type { BenchContext, BenchModule, BenchResult } from './harness-types';

const ROTATIONS = 3;
/** The wall reads aggregates, whose size follows days × units, not appeals: a year at this scale is plenty. */
const MAX_SEED = 100_000;
/** A switch that does not settle in this time counts as this time (and is reported as such). */
const SETTLE_LIMIT_MS = 15_000;

const FULL_ROTATION: Playlist = {
  id: 'bench-rotation',
  name: 'Bench rotation',
  items: SCENE_IDS.map((scene) => ({ scene, durationSec: 3_600 })),
};

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** Waits for the scene's own loaded marker, then for two frames so its canvas has painted. */
async function sceneShown(host: HTMLElement, scene: SceneId): Promise<{ total: number; loaded: number }> {
  const start = performance.now();
  while (performance.now() - start < SETTLE_LIMIT_MS) {
    const mounted = host.querySelector(`[data-testid="wall-scene"][data-scene="${scene}"]`);
    if (mounted?.querySelector('[data-ready="true"]')) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const loaded = performance.now() - start;
  await nextFrame();
  return { total: performance.now() - start, loaded };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

const bench: BenchModule = {
  title: 'Wall scene switch at 3840×2160',
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const seed = Math.min(ctx.scale, MAX_SEED);
    const db = getDb();
    const source = createDemoSource({ scale: seed, seed: 7, pack: KIROV_PACK, now: () => Date.now() });
    let checkpoint: string | null = (await db.syncState.get(source.id))?.checkpoint ?? null;
    ctx.log(`seeding the demo region (${seed} appeals/year)…`);
    for (;;) {
      const page = await source.pull(checkpoint, new AbortController().signal);
      await applyPage(db, source.id, page, { at: Date.now(), progress: null });
      checkpoint = page.nextCheckpoint;
      if (!page.hasMore) break;
    }

    const host = document.createElement('div');
    host.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;z-index:1;overflow:hidden';
    document.body.appendChild(host);
    const root = createRoot(host);
    root.render(createElement(WallScreen));
    await new Promise((r) => setTimeout(r, 500));
    const store = useWallStore.getState();
    store.dispatch({ type: 'command', command: command({ type: 'playlist', playlist: FULL_ROTATION }) });
    store.dispatch({ type: 'command', command: command({ type: 'pause', paused: true }) });
    ctx.log(`viewport ${window.innerWidth}×${window.innerHeight}`);

    const cold: number[] = [];
    const warm: number[] = [];
    for (let rotation = 0; rotation < ROTATIONS; rotation++) {
      for (const scene of SCENE_IDS) {
        store.dispatch({ type: 'command', command: command({ type: 'show', scene }) });
        const { total, loaded } = await sceneShown(host, scene);
        (rotation === 0 ? cold : warm).push(total);
        ctx.log(`rotation ${rotation + 1}, ${scene}: ${total.toFixed(0)} ms (data and layout ${loaded.toFixed(0)} ms)`);
      }
    }
    root.unmount();
    host.remove();

    const all = [...cold, ...warm];
    const at = `${window.innerWidth}×${window.innerHeight}, ${seed} appeals/year`;
    return [
      { name: `wall scene switch, median of ${all.length} switches (${at})`, value: Math.round(percentile(all, 0.5)), unit: 'ms', target: 500 },
      { name: `wall scene switch, worst of ${all.length} switches (${at})`, value: Math.round(Math.max(...all)), unit: 'ms', target: 500 },
      { name: `wall scene switch, worst first switch to a scene (${at})`, value: Math.round(Math.max(...cold)), unit: 'ms', target: 500 },
    ];
  },
};

export default bench;
