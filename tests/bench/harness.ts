/**
 * Bench page: loads every `*.bench.ts` module beside it, runs them one after another and exposes
 * the results on `window.__bench` for scripts/bench.mjs. Query: `?scale=<appeals>&only=<title part>[,<title part>…]`.
 */
import type { BenchModule, BenchResult } from './harness-types';

interface BenchState {
  done: boolean;
  results: BenchResult[];
  errors: string[];
}

declare global {
  interface Window {
    __bench: BenchState;
  }
}

const state: BenchState = { done: false, results: [], errors: [] };
window.__bench = state;

const params = new URLSearchParams(location.search);
const scale = Number(params.get('scale')) > 0 ? Math.floor(Number(params.get('scale'))) : 1_000_000;
const only = (params.get('only') ?? '')
  .toLowerCase()
  .split(',')
  .map((part) => part.trim())
  .filter(Boolean);
/** Whether a module title or path is one of those asked for (all when none was asked). */
const wanted = (text: string) => only.length === 0 || only.some((part) => text.toLowerCase().includes(part));
const logEl = document.getElementById('log');

function log(msg: string) {
  const line = `[bench] ${msg}`;
  console.log(line);
  if (logEl) logEl.textContent += `${line}\n`;
}

const modules = import.meta.glob<{ default: BenchModule }>('./*.bench.ts');

async function main() {
  for (const path of Object.keys(modules).sort()) {
    let mod: BenchModule;
    try {
      mod = (await modules[path]!()).default;
    } catch (error) {
      // With BENCH_ONLY, a module that cannot even load is only an error if it may be the one asked for.
      if (wanted(path)) state.errors.push(`${path}: failed to load: ${String(error)}`);
      continue;
    }
    if (!wanted(mod.title)) continue;
    log(`== ${mod.title} (scale ${scale})`);
    try {
      const results = await mod.run({ scale, log: (m) => log(`${mod.title}: ${m}`) });
      for (const r of results) log(`${r.name}: ${r.value} ${r.unit} (target ${r.target ?? '—'})`);
      state.results.push(...results);
    } catch (error) {
      const message = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
      state.errors.push(`${mod.title}: ${message}`);
      log(`${mod.title} FAILED: ${message}`);
    }
  }
  state.done = true;
}

void main();
