import { describe, expect, it } from 'vitest';
import { defaultPeriodCode } from './defaults';

describe('default report periods', () => {
  it('open with the last finished week, month, quarter; the last 30 days; this week for a meeting', () => {
    expect(defaultPeriodCode('weekly', '2026-12-03')).toBe('2026-W48');
    expect(defaultPeriodCode('weekly', '2026-01-01')).toBe('2025-W52');
    expect(defaultPeriodCode('monthly', '2026-01-10')).toBe('2025-12');
    expect(defaultPeriodCode('quarterly', '2026-12-03')).toBe('2026-Q3');
    expect(defaultPeriodCode('quarterly', '2026-02-01')).toBe('2025-Q4');
    expect(defaultPeriodCode('reference', '2026-12-03')).toBe('03.11.2026-02.12.2026');
    expect(defaultPeriodCode('meeting', '2026-12-03')).toBe('2026-W49');
  });
});
