/**
 * Snapshot bundles in Chromium (where the app will create and open them): creating a bundle of
 * the demo year without personal data and texts (time and size, with the documented strong
 * Argon2id), and verifying + decrypting + decoding it back to appeals. Below 1M appeals the
 * figures are also extrapolated linearly to 1M (named "extrapolated"); the targets are
 * for 1M: created in under 60 s, at most 80 MB.
 */
import { DemoModel, demoReference, demoYear } from '../../shared/demo';
import { KIROV_PACK } from '../../shared/domain/packs';
import { STRONG_ARGON2, openBundle } from '../../shared/bundle';
import { BENCH_NOW, BENCH_PASSPHRASE, benchSigningKey, createBenchBundle } from './demo-bundle';
import { argon2id } from 'hash-wasm';
import type { BenchContext, BenchModule, BenchResult } from './harness-types';

const NOW = BENCH_NOW;
const PASSPHRASE = BENCH_PASSPHRASE;
const MILLION = 1_000_000;

async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const spec = { seed: 1, scale: ctx.scale, pack: KIROV_PACK };
  ctx.log('bundle: generating the demo year');
  const appeals = demoYear(spec, NOW.getTime());
  const reference = demoReference(new DemoModel(spec));
  const key = await benchSigningKey();
  const n = appeals.length;

  const createStarted = performance.now();
  const bytes = await createBenchBundle({ appeals, reference }, key, {
    expiresAt: new Date(NOW.getTime() + 30 * 86_400_000),
    onProgress: (done, total) => ctx.log(`bundle: encoded ${done} of ${total - 1}`),
  });

  const createSeconds = (performance.now() - createStarted) / 1000;
  const megabytes = bytes.length / 1024 / 1024;
  ctx.log(`bundle: ${n} appeals → ${megabytes.toFixed(1)} MB in ${createSeconds.toFixed(1)} s`);

  const openStarted = performance.now();
  const opened = await openBundle(bytes, { now: NOW, trustedKeys: [key.publicKey], credentials: { passphrase: PASSPHRASE } });
  const openSeconds = (performance.now() - openStarted) / 1000;
  if (opened.appeals.length !== n) throw new Error(`opened ${opened.appeals.length} appeals of ${n}`);
  ctx.log(`bundle: verified, decrypted and decoded in ${openSeconds.toFixed(1)} s`);

  const perMillion = MILLION / n;
  // Argon2id costs the same for any bundle size (once to create, once to open): measured alone so
  // the extrapolation to 1M scales only the part that grows with the appeals.
  const kdfStarted = performance.now();
  await argon2id({ password: PASSPHRASE, salt: new Uint8Array(16), parallelism: STRONG_ARGON2.parallelism, iterations: STRONG_ARGON2.iterations, memorySize: STRONG_ARGON2.memoryKiB, hashLength: 32, outputType: 'binary' });
  const kdfSeconds = (performance.now() - kdfStarted) / 1000;
  const scaled = (seconds: number) => Math.max(0, seconds - kdfSeconds) * perMillion + kdfSeconds;

  const results: BenchResult[] = [
    { name: `bundle: create, ${n} appeals without personal data and texts (s)`, value: round(createSeconds), unit: 's', target: round((60 * n) / MILLION) },
    { name: `bundle: file size, ${n} appeals without personal data and texts (MB)`, value: round(megabytes), unit: 'MB', target: round((80 * n) / MILLION) },
    { name: `bundle: verify + decrypt + decode, ${n} appeals (s)`, value: round(openSeconds), unit: 's', target: null },
    { name: `bundle: Argon2id ${STRONG_ARGON2.memoryKiB / 1024} MiB t=${STRONG_ARGON2.iterations} p=${STRONG_ARGON2.parallelism}, once per create and per open (s)`, value: round(kdfSeconds), unit: 's', target: null },
  ];
  if (n < MILLION) {
    results.push(
      { name: 'bundle: create per 1M appeals, extrapolated (Argon2id fixed, the rest linear) (s)', value: round(scaled(createSeconds)), unit: 's', target: 60 },
      { name: 'bundle: size per 1M appeals, extrapolated linearly (MB)', value: round(megabytes * perMillion), unit: 'MB', target: 80 },
      { name: 'bundle: verify + decrypt + decode per 1M appeals, extrapolated (Argon2id fixed, the rest linear) (s)', value: round(scaled(openSeconds)), unit: 's', target: null },
    );
  }
  return results;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

const module: BenchModule = { title: 'Snapshot bundle', run };
export default module;
