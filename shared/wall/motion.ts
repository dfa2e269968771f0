/**
 * Motion helpers for the wall, pure so they can be tested without a browser: numbers that
 * count up to their new value, and lists that scroll themselves slowly with rests at both ends.
 */

/** Ease-out cubic: fast start, gentle landing. */
export function easeOutCubic(t: number): number {
  const c = Math.min(1, Math.max(0, t));
  return 1 - (1 - c) ** 3;
}

/** The value shown `elapsedMs` into a count from `from` to `to` lasting `durationMs`. */
export function countUpValue(from: number, to: number, elapsedMs: number, durationMs: number): number {
  if (durationMs <= 0 || elapsedMs >= durationMs) return to;
  return Math.round(from + (to - from) * easeOutCubic(elapsedMs / durationMs));
}

export interface AutoScrollPlan {
  /** Pixels (or any unit) of overflow: content height minus viewport height. */
  overflow: number;
  /** Scroll speed in units per second. */
  speed: number;
  /** Rest at the top and at the bottom, ms. */
  restMs: number;
}

/**
 * Scroll offset at time `t` (ms) of an endless cycle: rest at top, scroll down, rest at bottom,
 * jump back to the top. No overflow → always 0.
 */
export function autoScrollOffset(plan: AutoScrollPlan, t: number): number {
  if (plan.overflow <= 0 || plan.speed <= 0) return 0;
  const travelMs = (plan.overflow / plan.speed) * 1000;
  const cycle = plan.restMs * 2 + travelMs;
  const phase = ((t % cycle) + cycle) % cycle;
  if (phase < plan.restMs) return 0;
  if (phase < plan.restMs + travelMs) return ((phase - plan.restMs) / travelMs) * plan.overflow;
  return plan.overflow;
}
