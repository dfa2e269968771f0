#!/usr/bin/env node
/**
 * `npm run bench`: builds tests/bench/index.html with Vite (dist/bench), serves it with Vite's
 * preview server (cross-origin isolated, for memory measurement), runs every tests/bench/*.bench.ts
 * module in Debian's Chromium through playwright-core, prints each figure and writes
 * bench-results.json (a list of { name, value, unit, target }).
 *
 * Env: BENCH_SCALE (appeals, default 1000000), BENCH_ONLY (substrings of module titles, comma-separated),
 * BENCH_TIMEOUT_MIN (default 240), CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS as BASE_CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const configFile = fileURLToPath(new URL('../tests/bench/vite.config.ts', import.meta.url));
const outFile = fileURLToPath(new URL('../bench-results.json', import.meta.url));
// One output folder per run: several people may run benchmarks on this machine at once.
const outDir = fileURLToPath(new URL(`../dist/bench/run-${process.pid}`, import.meta.url));
const scale = Number(process.env.BENCH_SCALE ?? 1_000_000);
const only = process.env.BENCH_ONLY ?? '';
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MIN ?? 240) * 60_000;

const CHROMIUM_ARGS = [
  ...BASE_CHROMIUM_ARGS,
  // performance.memory with real numbers, and a way to force GC between phases.
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
  // Benchmarks write gigabytes to IndexedDB: no background throttling of the headless tab.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
];

if (!Number.isFinite(scale) || scale <= 0) {
  console.error(`BENCH_SCALE must be a positive number, got ${process.env.BENCH_SCALE}`);
  process.exit(2);
}

console.log(`Building the bench page (scale ${scale}${only ? `, only "${only}"` : ''}) …`);
await build({ configFile, logLevel: 'error', build: { outDir, emptyOutDir: true } });
const server = await preview({ configFile, build: { outDir }, preview: { port: 0, strictPort: false }, logLevel: 'warn' });
const base = server.resolvedUrls?.local[0];
if (!base) throw new Error('Vite preview did not report a URL');

// A persistent profile on disk: a plain launch gives an incognito context whose IndexedDB lives in
// memory with a small quota, which a million appeals exceed (QuotaExceededError near 400k rows).
const profileDir = await mkdtemp(join(tmpdir(), 'cur-bench-profile-'));
let browser;
let exitCode = 0;
try {
  browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    // A 4K window: the wall modules measure at the size a situation room's wall has.
    viewport: { width: 3840, height: 2160 },
    timeout: 120_000,
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(timeoutMs);
  page.on('console', (msg) => {
    const text = msg.text();
    if (text.startsWith('[bench]')) console.log(text);
    else if (msg.type() === 'error') console.error(`[page error] ${text}`);
  });
  page.on('pageerror', (error) => console.error(`[page exception] ${error.message}`));
  const query = new URLSearchParams({ scale: String(scale) });
  if (only) query.set('only', only);
  await page.goto(`${base}?${query}`, { timeout: 120_000 });
  await page.waitForFunction(() => window.__bench?.done === true, undefined, { timeout: timeoutMs, polling: 2_000 });
  const { results, errors } = await page.evaluate(() => window.__bench);
  await writeFile(outFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nResults:');
  for (const r of results) console.log(`  ${r.name}: ${r.value} ${r.unit}${r.target === null || r.target === undefined ? '' : ` (target ${r.target})`}`);
  console.log(`\nWrote ${results.length} figures to ${outFile}`);
  if (errors.length) {
    exitCode = 1;
    console.error('\nBench modules that failed:');
    for (const e of errors) console.error(`  ${e}`);
  }
} catch (error) {
  exitCode = 1;
  console.error(error);
} finally {
  await browser?.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
  await rm(outDir, { recursive: true, force: true });
  await rm(profileDir, { recursive: true, force: true });
}
process.exit(exitCode);
