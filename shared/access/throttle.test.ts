import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { delayAfter, FREE_FAILURES, MAX_DELAY_MS, NO_FAILURES, recordFailure, recordSuccess, waitLeft } from './throttle';

describe('sign-in throttle', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 1_000],
    [4, 2_000],
    [5, 4_000],
    [10, 128_000],
    [11, 256_000],
    [12, MAX_DELAY_MS],
    [1_000, MAX_DELAY_MS],
  ])('after %i failures waits %i ms', (failures, delay) => {
    expect(delayAfter(failures)).toBe(delay);
  });

  it('never shrinks as failures grow, and stays within the cap', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(delayAfter(lo)).toBeLessThanOrEqual(delayAfter(hi));
        expect(delayAfter(hi)).toBeLessThanOrEqual(MAX_DELAY_MS);
        expect(delayAfter(hi)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('grows strictly past the free attempts until the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: FREE_FAILURES, max: 200 }), (n) => {
        if (delayAfter(n) < MAX_DELAY_MS) expect(delayAfter(n + 1)).toBeGreaterThan(delayAfter(n));
      }),
    );
  });

  it('the wait runs down with time and is gone after the delay', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 1e12 }), fc.nat(MAX_DELAY_MS * 2), (failures, start, elapsed) => {
        let state = NO_FAILURES;
        for (let i = 0; i < failures; i++) state = recordFailure(state, start);
        const left = waitLeft(state, start + elapsed);
        expect(left).toBe(Math.max(0, delayAfter(failures) - elapsed));
      }),
    );
  });

  it('a success resets the counter', () => {
    let state = NO_FAILURES;
    for (let i = 0; i < 9; i++) state = recordFailure(state, 1_000);
    expect(waitLeft(state, 1_000)).toBeGreaterThan(0);
    expect(waitLeft(recordSuccess(), 1_000)).toBe(0);
  });
});
