import { describe, expect, it } from 'vitest';
import { formatMetric, formatMetricDelta } from './MetricLink';
import type { Metric } from './shape';

const metric = (format: Metric['format'], value: number | null): Metric => ({ value, format, delta: null, filter: {} });

describe('metric formatting', () => {
  it('formats counts, shares and averages the Russian way', () => {
    expect(formatMetric(metric('count', 12345), 'ru')).toBe('12\u00a0345');
    expect(formatMetric(metric('share', 0.884), 'ru')).toBe('88,4\u202f%');
    expect(formatMetric(metric('decimal', 104.66), 'ru')).toBe('104,7');
    expect(formatMetric(metric('share', null), 'ru')).toBe('—');
  });

  it('signs deltas with a real minus and gives shares in percentage points', () => {
    expect(formatMetricDelta(-4, metric('count', 1), 'ru')).toBe('\u22124');
    expect(formatMetricDelta(-6.857, metric('count', 1), 'ru')).toBe('\u22126,9');
    expect(formatMetricDelta(1.25, metric('share', 0.5), 'ru')).toBe('+1,3\u00a0п.\u00a0п.');
    expect(formatMetricDelta(null, metric('count', 1), 'ru')).toBe('—');
  });
});
