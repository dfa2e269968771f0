import { registryHref } from '../../app/registry-filter';
import { useLang } from '../../i18n';
import { formatMetric, formatMetricDelta } from './MetricLink';
import type { Metric } from './shape';

export type MetricTone = 'neutral' | 'overdue' | 'risk' | 'ok';

interface DeltaLine {
  value: number | null | undefined;
  label: string;
}

interface MetricCardProps {
  label: string;
  metric: Metric;
  deltas: DeltaLine[];
  tone?: MetricTone;
  linkTitle: string;
  testId: string;
}

/** A big number with its label and deltas; the whole tile links to the appeals behind it. */
export function MetricCard({ label, metric, deltas, tone = 'neutral', linkTitle, testId }: MetricCardProps) {
  const lang = useLang();
  return (
    <a className={`stat tone-${tone}`} href={registryHref(metric.filter)} title={linkTitle} data-testid={testId}>
      <span className="stat__value tabular" data-testid={`${testId}-value`}>
        {formatMetric(metric, lang)}
      </span>
      <span className="stat__label">{label}</span>
      {deltas.map((d) => (
        <span key={d.label} className="stat__delta tabular">
          {formatMetricDelta(d.value, metric, lang)} {d.label}
        </span>
      ))}
    </a>
  );
}
