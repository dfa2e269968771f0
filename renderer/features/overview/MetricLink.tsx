import { formatDelta, formatNumber, formatPercent } from '../../../shared/format/ru';
import { registryHref } from '../../app/registry-filter';
import { useLang } from '../../i18n';
import type { Metric } from './shape';

export function formatMetric(metric: Metric, lang: 'ru' | 'en'): string {
  if (metric.format === 'share') return formatPercent(metric.value, 1, lang);
  return formatNumber(metric.value, metric.format === 'decimal' ? 1 : 0, lang);
}

export function formatMetricDelta(delta: number | null | undefined, metric: Metric, lang: 'ru' | 'en'): string {
  if (delta === null || delta === undefined) return '—';
  // Shares change in percentage points, averages to a tenth.
  const text = formatDelta(delta, metric.format === 'count' && Number.isInteger(delta) ? 0 : 1, lang);
  if (metric.format !== 'share') return text;
  return lang === 'ru' ? `${text}\u00a0п.\u00a0п.` : `${text}\u00a0pp`;
}

interface MetricLinkProps {
  metric: Metric;
  title: string;
  testId?: string;
}

/** A number in a table cell, linking to the registry filtered to exactly the appeals behind it. */
export function MetricLink({ metric, title, testId }: MetricLinkProps) {
  const lang = useLang();
  return (
    <a className="tabular" href={registryHref(metric.filter)} title={title} data-testid={testId}>
      {formatMetric(metric, lang)}
    </a>
  );
}
