import { describe, expect, it } from 'vitest';
import { formatIndicator, inputOf, parseIndicatorInput } from './format';

describe('indicator values in forms', () => {
  it.each([
    ['share', '45,5', 0.455],
    ['share', '100', 1],
    ['share', '101', null],
    ['share', '-1', null],
    ['count', '12', 12],
    ['count', '', null],
    ['count', 'abc', null],
  ] as const)('%s %s → %s', (unit, text, value) => {
    expect(parseIndicatorInput({ unit }, text)).toBe(value);
  });
  it('shows percent for shares and round-trips', () => {
    expect(formatIndicator({ unit: 'share' }, 0.455, 'ru')).toBe(formatIndicator({ unit: 'share' }, parseIndicatorInput({ unit: 'share' }, inputOf({ unit: 'share' }, 0.455))!, 'ru'));
    expect(formatIndicator({ unit: 'count' }, null, 'ru')).toBe('—');
  });
});
