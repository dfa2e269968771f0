import type { ReactNode } from 'react';
import { formatDelta, formatNumber, formatPercent } from '../../shared/format/ru';
import { useLang } from '../i18n';

export type Tone = 'neutral' | 'overdue' | 'risk' | 'ok';

export interface StatNumberProps {
  value: number | null | undefined;
  label: ReactNode;
  /** 'share' formats 0..1 as «88,4 %». */
  format?: 'count' | 'share' | 'decimal';
  digits?: number;
  /** Signed change, shown under the value («+12», «−4»). */
  delta?: number | null;
  deltaLabel?: string;
  tone?: Tone;
  /** Every number on a screen links to the appeals behind it (a `#/registry?...` href). */
  href?: string;
  testId?: string;
}

/** A big number with its label, in tabular digits so updates do not jitter. */
export function StatNumber({ value, label, format = 'count', digits, delta, deltaLabel, tone = 'neutral', href, testId }: StatNumberProps) {
  const lang = useLang();
  const text =
    format === 'share'
      ? formatPercent(value, digits ?? 1, lang)
      : formatNumber(value, digits ?? (format === 'decimal' ? 1 : 0), lang);
  const body = (
    <>
      <span className="stat__value" data-testid={testId ? `${testId}-value` : undefined}>
        {text}
      </span>
      <span className="stat__label">{label}</span>
      {delta !== undefined && delta !== null ? (
        <span className="stat__delta">
          {formatDelta(delta, format === 'count' ? 0 : 1, lang)}
          {deltaLabel ? ` ${deltaLabel}` : ''}
        </span>
      ) : null}
    </>
  );
  const className = `stat tone-${tone}`;
  if (href) {
    return (
      <a className={className} href={href} data-testid={testId}>
        {body}
      </a>
    );
  }
  return (
    <div className={className} data-testid={testId}>
      {body}
    </div>
  );
}
