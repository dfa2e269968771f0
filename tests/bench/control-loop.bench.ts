/**
 * The control loop's computations over the columnar index at scale: every indicator for five
 * quarters in one pass (the «Показатели» panel and the wall scene), the same grouped by
 * municipality (the breakdown), and a roadmap's effect (four windows of daily counts and the
 * estimate). Timed at BENCH_SCALE and extrapolated linearly to a million rows (each is one pass).
 * Figures only; nothing is asserted.
 */
import { ColumnStore } from '../../shared/analytics/columns';
import { factsOf } from '../../shared/analytics/facts';
import { isoToDayNumber, regionDay } from '../../shared/domain/time';
import { computeIndicatorCounts } from '../../shared/indicators/compute';
import { quarterDays, recentQuarters } from '../../shared/indicators/quarters';
import { sliceEffect } from '../../shared/roadmap/slice';
import { makeTestAppeals } from '../support/registry-appeals';
import type { BenchContext, BenchModule, BenchResult } from './harness-types';

const NOW = Date.parse('2025-11-18T09:00:00+03:00');
const TZ = 'Europe/Moscow';
const BATCH = 10_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number) => Math.round(value * 10) / 10;

function time(runs: number, work: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return median(times);
}

async function run({ scale, log }: BenchContext): Promise<BenchResult[]> {
  const store = new ColumnStore(scale);
  for (let start = 0; start < scale; start += BATCH) {
    for (const a of makeTestAppeals({ count: Math.min(BATCH, scale - start), seed: 1 + start / BATCH, now: NOW, startIndex: start })) {
      store.upsert(factsOf(a, isoToDayNumber(regionDay(a.receivedAt, TZ))));
    }
    if ((start / BATCH) % 20 === 0) log(`columns ${start} / ${scale}`);
  }
  const today = regionDay(NOW, TZ);
  const periods = recentQuarters(today, 5).map((q) => {
    const d = quarterDays(q);
    return { from: isoToDayNumber(d.from), to: isoToDayNumber(d.to) };
  });
  const topics = store.dicts.category.values.filter(Boolean).slice(0, 3);
  const municipalities = store.dicts.municipality.values.filter(Boolean).slice(0, 2);
  const coverage = [{ topics, municipalities, completedDay: isoToDayNumber(today) - 120 }];
  const perMillion = (ms: number) => round((ms * 1_000_000) / scale);

  const all = time(5, () => computeIndicatorCounts(store, { periods, groupBy: 'none', coverage }));
  const grouped = time(5, () => computeIndicatorCounts(store, { periods: periods.slice(-1), groupBy: 'municipality', coverage }));
  const effect = time(5, () => sliceEffect(store, { topics, municipalities }, isoToDayNumber(today) - 60, isoToDayNumber(today), 'territory'));
  return [
    { name: `control loop: every indicator, 5 quarters, one pass (ms at ${scale})`, value: round(all), unit: 'ms', target: null },
    { name: 'control loop: every indicator, 5 quarters, per 1M appeals (ms)', value: perMillion(all), unit: 'ms', target: 250 },
    { name: 'control loop: indicators by municipality, one quarter, per 1M appeals (ms)', value: perMillion(grouped), unit: 'ms', target: 250 },
    { name: 'control loop: a roadmap effect (four windows + estimate), per 1M appeals (ms)', value: perMillion(effect), unit: 'ms', target: 250 },
  ];
}

const bench: BenchModule = { title: 'Control loop: indicators and roadmap effect over the columnar index', run };
export default bench;
