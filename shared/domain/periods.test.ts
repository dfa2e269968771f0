import { describe, expect, it } from 'vitest';
import { previousPeriod, samePeriodLastYear } from './periods';

describe('periods', () => {
  it('gives the previous period and the same period last year', () => {
    expect(previousPeriod('2025-03-10', '2025-03-16')).toEqual({ from: '2025-03-03', to: '2025-03-09' });
    expect(previousPeriod('2025-03-01', '2025-03-01')).toEqual({ from: '2025-02-28', to: '2025-02-28' });
    expect(samePeriodLastYear('2024-02-01', '2024-02-29')).toEqual({ from: '2023-02-01', to: '2023-02-28' });
  });
});
