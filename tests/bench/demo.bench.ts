/**
 * Demo region simulator speed in Chromium: generating the initial year in 5k pages (what the demo
 * source does on first start) and one 5-minute change window at the same scale (what every
 * scheduled demo sync costs). Figures only; nothing is asserted.
 */
import { KIROV_PACK } from '../../shared/domain/packs';
import { DemoModel } from '../../shared/demo/model';
import { changeWindow, initialWindow, readWindow, type DemoWindow } from '../../shared/demo/stream';
import type { BenchContext, BenchModule, BenchResult } from './harness-types';

const NOW = Date.parse('2025-11-18T09:00:00+03:00');
const PAGE = 5_000;

async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const model = new DemoModel({ seed: 1, scale: ctx.scale, pack: KIROV_PACK });
  let window: DemoWindow | null = initialWindow(model, NOW);
  let records = 0;
  let pages = 0;
  const started = performance.now();
  while (window) {
    const page = readWindow(model, window, PAGE);
    records += page.changes.length;
    pages += 1;
    window = page.next;
    if (pages % 40 === 0) {
      ctx.log(`demo: ${records} appeals generated`);
      // Yield like the sync worker does between pages.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  const seconds = (performance.now() - started) / 1000;
  ctx.log(`demo: ${records} appeals in ${seconds.toFixed(1)} s`);

  const deltaStarted = performance.now();
  let changes = 0;
  let delta: DemoWindow | null = changeWindow(model, NOW - 365 * 86_400_000, NOW, NOW + 5 * 60_000);
  while (delta) {
    const page = readWindow(model, delta, PAGE);
    changes += page.changes.length + page.deletions.length;
    delta = page.next;
  }
  const deltaMs = performance.now() - deltaStarted;
  ctx.log(`demo: 5-minute change window: ${changes} changes in ${deltaMs.toFixed(0)} ms`);

  return [
    { name: `demo: generate the initial year, ${records} appeals (s)`, value: Math.round(seconds * 10) / 10, unit: 's', target: (60 * ctx.scale) / 1_000_000 },
    { name: 'demo: generation rate (appeals/s)', value: Math.round(records / seconds), unit: 'records/s', target: '>= 16667 (1M in under a minute)' },
    { name: `demo: one 5-minute change window at ${ctx.scale} appeals/year (ms)`, value: Math.round(deltaMs), unit: 'ms', target: 2_000 },
  ];
}

const module: BenchModule = { title: 'Demo region simulator', run };
export default module;
