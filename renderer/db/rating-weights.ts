/**
 * The rating weights setting, shared by the rating screen and the wall's rating scene: read and
 * written through the settings table, validated on the way in, defaults when unset or invalid.
 */
import { DEFAULT_RATING_WEIGHTS, type RatingWeights } from '../../shared/domain/rating';
import type { CurDatabase } from './schema';
import { getSetting, setSetting } from './settings-repo';

export const RATING_WEIGHTS_KEY = 'rating.weights';
const KEYS = ['quantity', 'speed', 'quality', 'completeness'] as const;

/** A usable weight set, or null: every weight a finite non-negative number and at least one above zero. */
export function validWeights(value: unknown): RatingWeights | null {
  if (!value || typeof value !== 'object') return null;
  const source = value as Record<string, unknown>;
  const weights = {} as RatingWeights;
  for (const key of KEYS) {
    const w = source[key];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) return null;
    weights[key] = w;
  }
  return KEYS.some((k) => weights[k] > 0) ? weights : null;
}

export async function loadWeights(db: CurDatabase): Promise<RatingWeights> {
  return validWeights(await getSetting<unknown>(db, RATING_WEIGHTS_KEY, null)) ?? { ...DEFAULT_RATING_WEIGHTS };
}

export async function saveWeights(db: CurDatabase, weights: RatingWeights): Promise<boolean> {
  const valid = validWeights(weights);
  if (!valid) return false;
  await setSetting(db, RATING_WEIGHTS_KEY, valid);
  return true;
}

/** Weights as shares of their sum, for display («скорость 30 %»). */
export function weightShares(weights: RatingWeights): RatingWeights {
  const sum = KEYS.reduce((s, k) => s + weights[k], 0);
  const out = {} as RatingWeights;
  for (const key of KEYS) out[key] = sum > 0 ? weights[key] / sum : 0;
  return out;
}
