/**
 * The demo region's year as a bundle, as the bundle benchmarks build it: the same content, key and
 * passphrase, so creating (bundle.bench.ts) and opening (snapshot-open.bench.ts) measure one thing.
 */
import { KIROV_PACK } from '../../shared/domain/packs';
import { STRONG_ARGON2, createBundle, generateSigningKey, type SigningKey } from '../../shared/bundle';
import type { Appeal } from '../../shared/domain/appeal';

export const BENCH_NOW = new Date('2025-11-18T09:00:00+03:00');
export const BENCH_PASSPHRASE = 'весна тетрадь сорок два маяк';

export function benchSigningKey(): Promise<SigningKey> {
  return generateSigningKey('ЦУР (бенчмарк)');
}

export function createBenchBundle(
  content: { appeals: readonly Appeal[]; reference: readonly unknown[] },
  signingKey: SigningKey,
  options: { expiresAt: Date; onProgress?: (done: number, total: number) => void },
): Promise<Uint8Array<ArrayBuffer>> {
  return createBundle({
    content: { ...content, centreRecords: [] },
    signingKey,
    centre: { name: 'ЦУР (бенчмарк)', region: KIROV_PACK.name },
    issuer: 'bench',
    description: 'bench',
    regionPackId: KIROV_PACK.id,
    period: { from: new Date(BENCH_NOW.getTime() - 365 * 86_400_000), to: BENCH_NOW },
    sectors: null,
    municipalities: null,
    withTexts: false,
    personalData: null,
    dataAsOf: BENCH_NOW,
    expiresAt: options.expiresAt,
    createdAt: BENCH_NOW,
    passphrase: BENCH_PASSPHRASE,
    argon2: STRONG_ARGON2,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
