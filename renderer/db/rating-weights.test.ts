import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_WEIGHTS } from '../../shared/domain/rating';
import { loadWeights, saveWeights, validWeights, weightShares } from './rating-weights';
import { freshDb } from '../../tests/support/fresh-db';

describe('rating weights', () => {
  it('rejects negative, non-numeric and all-zero weight sets', () => {
    expect(validWeights({ quantity: -1, speed: 1, quality: 1, completeness: 1 })).toBeNull();
    expect(validWeights({ quantity: '1', speed: 1, quality: 1, completeness: 1 })).toBeNull();
    expect(validWeights({ quantity: 0, speed: 0, quality: 0, completeness: 0 })).toBeNull();
    expect(validWeights({ quantity: 0, speed: 2, quality: 0, completeness: 0 })).toEqual({ quantity: 0, speed: 2, quality: 0, completeness: 0 });
  });

  it('falls back to the defaults and keeps what was saved', async () => {
    const db = freshDb();
    expect(await loadWeights(db)).toEqual(DEFAULT_RATING_WEIGHTS);
    expect(await saveWeights(db, { quantity: 1, speed: 1, quality: 1, completeness: 1 })).toBe(true);
    expect(await loadWeights(db)).toEqual({ quantity: 1, speed: 1, quality: 1, completeness: 1 });
    expect(await saveWeights(db, { quantity: 0, speed: 0, quality: 0, completeness: 0 })).toBe(false);
    expect(await loadWeights(db)).toEqual({ quantity: 1, speed: 1, quality: 1, completeness: 1 });
  });

  it('expresses weights as shares of their sum', () => {
    expect(weightShares({ quantity: 1, speed: 1, quality: 2, completeness: 0 })).toEqual({ quantity: 0.25, speed: 0.25, quality: 0.5, completeness: 0 });
  });
});
