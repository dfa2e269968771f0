import { useState } from 'react';
import { checkPeriodEntry, PERIOD_PRESETS } from '../../app/period';
import { useLang, useT } from '../../i18n';
import { DayInput } from '../../ui/DayInput';
import { AUDIT_KIND_LABELS, AUDIT_KINDS, type AuditKind } from './audit-actions';
import type { AuditFilter, AuditPeriodChoice } from './audit-filter';
import { auditMessages } from './audit-messages';

const PERIODS: readonly AuditPeriodChoice[] = ['all', ...PERIOD_PRESETS, 'custom'];

interface Props {
  filter: AuditFilter;
  onChange(filter: AuditFilter): void;
}

/** Action kind and period of the activity log; a typed range applies only once it reads as a range. */
export function AuditFilterBar({ filter, onChange }: Props) {
  const t = useT(auditMessages);
  const lang = useLang();
  const [entry, setEntry] = useState<{ from: string | null; to: string | null }>(filter.custom);
  const applyEntry = (next: { from: string | null; to: string | null }) => {
    setEntry(next);
    const checked = checkPeriodEntry(next.from, next.to);
    if ('period' in checked) onChange({ ...filter, custom: checked.period });
  };
  const checked = checkPeriodEntry(entry.from, entry.to);
  return (
    <div className="audit-log__filters">
      <label className="field">
        <span>{t('kind')}</span>
        <select
          data-testid="audit-kind"
          value={filter.kind}
          onChange={(e) => onChange({ ...filter, kind: e.target.value as AuditKind | 'all' })}
        >
          <option value="all">{t('allKinds')}</option>
          {AUDIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {AUDIT_KIND_LABELS[k][lang]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('period')}</span>
        <select
          data-testid="audit-period"
          value={filter.period}
          onChange={(e) => onChange({ ...filter, period: e.target.value as AuditPeriodChoice })}
        >
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(p === 'all' ? 'allTime' : p)}
            </option>
          ))}
        </select>
      </label>
      {filter.period === 'custom' ? (
        <>
          <span className="field">
            <span aria-hidden="true">{t('from')}</span>
            <DayInput
              label={t('from')}
              value={filter.custom.from}
              invalid={entry.from === null || ('error' in checked && checked.error === 'reversed')}
              onEntry={(from) => applyEntry({ ...entry, from })}
              testId="audit-from"
            />
          </span>
          <span className="field">
            <span aria-hidden="true">{t('to')}</span>
            <DayInput
              label={t('to')}
              value={filter.custom.to}
              invalid={entry.to === null || ('error' in checked && checked.error === 'reversed')}
              onEntry={(to) => applyEntry({ ...entry, to })}
              testId="audit-to"
            />
          </span>
          {'error' in checked && checked.error === 'reversed' ? (
            <span role="alert" className="period-picker__error">
              {t('reversed')}
            </span>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
