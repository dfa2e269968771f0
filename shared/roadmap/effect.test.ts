import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimsEffect, DEFAULT_EFFECT_OPTIONS, dispersionOf, effectWindows, estimateEffect, normalQuantile, type EffectSeries } from './effect';

/** A small seeded generator (mulberry32) so every series is reproducible from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(lambda: number, u: () => number): number {
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, u())))));
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= u();
  } while (p > l);
  return k - 1;
}

/** Gamma(shape, 1) by Marsaglia–Tsang (shape ≥ 1), for over-dispersed (negative binomial) counts. */
function gamma(shape: number, u: () => number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, u())));
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    if (Math.log(u()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

interface World {
  /** Mean appeals per day of the target slice. */
  base: number;
  /** Seasonal swing: the level after is this multiple of the level before, in both years. */
  season: number;
  /** Planted effect on the target after (0.65 = −35 %); 1 = none. */
  effect: number;
  days: number;
  /** Gamma shape of day-to-day noise (Infinity = plain Poisson). */
  shape?: number;
}

/** Target this year and the same windows last year, with the same seasonality in both. */
function generate(world: World, seed: number): EffectSeries {
  const u = rng(seed);
  const draw = (mean: number) => {
    const m = world.shape && Number.isFinite(world.shape) ? (mean * gamma(world.shape, u)) / world.shape : mean;
    return poisson(m, u);
  };
  const series = (mean: number) => Array.from({ length: world.days }, () => draw(mean));
  return {
    targetBefore: series(world.base),
    targetAfter: series(world.base * world.season * world.effect),
    controlBefore: series(world.base * 0.9),
    controlAfter: series(world.base * 0.9 * world.season),
  };
}

const seeds = fc.integer({ min: 1, max: 2 ** 31 - 1 });

describe('normalQuantile', () => {
  it('matches known quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.005)).toBeCloseTo(-2.575829, 5);
  });
});

describe('effectWindows', () => {
  it('makes equal windows on both sides, capped, excluding the completion day and today', () => {
    expect(effectWindows(100, 131)).toEqual({ before: { from: 70, to: 99 }, after: { from: 101, to: 130 }, days: 30 });
    expect(effectWindows(100, 400)!.days).toBe(DEFAULT_EFFECT_OPTIONS.maxWindowDays);
    expect(effectWindows(100, 101)).toBeNull();
  });
});

describe('dispersionOf', () => {
  it('is 1 for Poisson-like counts and larger for clumped ones', () => {
    expect(dispersionOf([[5, 5, 5, 5]])).toBe(1);
    expect(dispersionOf([[0, 20, 0, 20, 0, 20]])).toBeGreaterThan(5);
  });
});

describe('estimateEffect: honest statements', () => {
  it('says it is too early before enough days have passed', () => {
    const s = generate({ base: 10, season: 1, effect: 0.5, days: 10 }, 1);
    expect(estimateEffect(s, 10)).toEqual({ kind: 'too-early', afterDays: 10, needDays: 28 });
  });

  it('says there are too few appeals on a quiet topic', () => {
    const s = generate({ base: 0.1, season: 1, effect: 0.5, days: 60 }, 2);
    const v = estimateEffect(s, 60);
    expect(v.kind).toBe('too-few');
  });

  it('says the comparison is missing when last year had nothing', () => {
    const s = { ...generate({ base: 10, season: 1, effect: 1, days: 60 }, 3), controlBefore: new Array(60).fill(0), controlAfter: new Array(60).fill(0) };
    expect(estimateEffect(s, 60).kind).toBe('no-comparison');
  });

  it('still estimates when the target fell to zero after', () => {
    const s = { ...generate({ base: 5, season: 1, effect: 1, days: 60 }, 4), targetAfter: new Array(60).fill(0) };
    const v = estimateEffect(s, 60);
    expect(v.kind).toBe('decrease');
  });
});

describe('estimateEffect on generated series (property tests over seeds)', () => {
  it('finds a planted 35 % decrease, adjusted for a seasonal rise, and brackets its size', () => {
    fc.assert(
      fc.property(seeds, fc.double({ min: 0.8, max: 1.5, noNaN: true }), (seed, season) => {
        const v = estimateEffect(generate({ base: 12, season, effect: 0.65, days: 90 }, seed), 90);
        expect(v.kind).toBe('decrease');
        if (v.kind !== 'decrease') return;
        // The estimate lands near the planted size (±4 standard errors at this volume).
        expect(v.estimate.change).toBeGreaterThan(-0.5);
        expect(v.estimate.change).toBeLessThan(-0.2);
      }),
      { numRuns: 60, seed: 16 },
    );
  });

  it('finds a planted increase', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        expect(estimateEffect(generate({ base: 12, season: 1, effect: 1.5, days: 90 }, seed), 90).kind).toBe('increase');
      }),
      { numRuns: 40, seed: 17 },
    );
  });

  it('without an effect never claims one of the planted size, whatever the season', () => {
    fc.assert(
      fc.property(seeds, fc.double({ min: 0.6, max: 1.6, noNaN: true }), (seed, season) => {
        const v = estimateEffect(generate({ base: 25, season, effect: 1, days: 90 }, seed), 90);
        expect(v.kind === 'decrease' || v.kind === 'increase' || v.kind === 'no-effect').toBe(true);
        if (v.kind === 'too-early' || v.kind === 'too-few' || v.kind === 'no-comparison') return;
        expect(Math.abs(v.estimate.change)).toBeLessThan(0.2);
      }),
      { numRuns: 100, seed: 18 },
    );
  });

  it('without an effect claims one no more often than its confidence level allows (200 seeds)', () => {
    let claims = 0;
    for (let seed = 1; seed <= 200; seed++) if (claimsEffect(estimateEffect(generate({ base: 12, season: 1.4, effect: 1, days: 90 }, seed), 90))) claims++;
    // Expected 5 % at the 95 % level; a binomial(200, 0.05) exceeds 18 with probability < 0.1 %.
    expect(claims).toBeLessThanOrEqual(18);
  });

  it('with over-dispersed days keeps false claims rare (the interval widens)', () => {
    let claims = 0;
    let poissonOnly = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const s = generate({ base: 12, season: 1, effect: 1, days: 90, shape: 2 }, seed);
      if (claimsEffect(estimateEffect(s, 90))) claims++;
      const v = estimateEffect(s, 90);
      if (v.kind !== 'too-few' && v.kind !== 'too-early' && v.kind !== 'no-comparison') {
        const e = v.estimate;
        const se = Math.sqrt(1 / e.targetBefore + 1 / e.targetAfter + 1 / e.controlBefore + 1 / e.controlAfter);
        const log = Math.log(1 + e.change);
        if (Math.abs(log) > 1.96 * se) poissonOnly++;
      }
    }
    expect(claims).toBeLessThanOrEqual(18);
    // The plain Poisson interval would claim far more often: the adjustment is what keeps it honest.
    expect(poissonOnly).toBeGreaterThan(claims);
  });

  it('its interval covers the planted effect about as often as its level says (200 seeds)', () => {
    let covered = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const v = estimateEffect(generate({ base: 12, season: 1.2, effect: 0.65, days: 90 }, seed), 90);
      if (v.kind === 'decrease' && v.estimate.low < -0.35 && v.estimate.high > -0.35) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(176);
  });

  it('a seasonal rise alone moves the raw change but not the adjusted one', () => {
    const v = estimateEffect(generate({ base: 20, season: 1.5, effect: 1, days: 90 }, 99), 90);
    if (v.kind === 'too-early' || v.kind === 'too-few' || v.kind === 'no-comparison') throw new Error(v.kind);
    expect(v.estimate.rawChange).toBeGreaterThan(0.3);
    expect(Math.abs(v.estimate.change)).toBeLessThan(0.15);
  });
});
