import { useState } from 'react';
import { useT } from '../i18n';
import { DayInput } from '../ui/DayInput';
import { now } from '../runtime/clock';
import { useGlobalFilters } from './filters-store';
import { shellMessages } from './messages';
import { checkPeriodEntry, matchPreset, PERIOD_PRESETS, presetPeriod, type Period, type PeriodEntryError, type PeriodPreset } from './period';

const PRESET_KEYS: Record<PeriodPreset, 'presetToday' | 'presetYesterday' | 'presetLast7' | 'presetLast30' | 'presetMonth' | 'presetYear'> = {
  today: 'presetToday',
  yesterday: 'presetYesterday',
  last7: 'presetLast7',
  last30: 'presetLast30',
  month: 'presetMonth',
  year: 'presetYear',
};

const ERROR_KEYS: Record<PeriodEntryError, 'periodFromInvalid' | 'periodToInvalid' | 'periodReversed'> = {
  'from-invalid': 'periodFromInvalid',
  'to-invalid': 'periodToInvalid',
  reversed: 'periodReversed',
};

/**
 * What the two fields hold when it differs from the applied period (null: not a real day), and
 * the period it was typed against: once that period changes elsewhere, the draft is stale.
 */
interface Draft {
  from: string | null;
  to: string | null;
  base: Period;
}

/**
 * Presets for the common questions plus two typed date fields for anything else. A typed range is
 * applied only when both ends are real days in order; until then the applied period stays and the
 * problem is said next to the fields.
 */
export function PeriodPicker({ timeZone }: { timeZone: string }) {
  const t = useT(shellMessages);
  const period = useGlobalFilters((s) => s.period);
  const setPeriod = useGlobalFilters((s) => s.setPeriod);
  const [typed, setDraft] = useState<Draft | null>(null);
  const draft = typed && typed.base === period ? typed : null;
  const preset = matchPreset(period, now(), timeZone);
  const checked = draft ? checkPeriodEntry(draft.from, draft.to) : null;
  const error = checked && 'error' in checked ? checked.error : null;
  const enter = (end: keyof Draft, day: string | null) => {
    const next: Draft = { from: draft ? draft.from : period.from, to: draft ? draft.to : period.to, base: period, [end]: day };
    const result = checkPeriodEntry(next.from, next.to);
    if ('period' in result) {
      setDraft(null);
      // Leaving a field unchanged is not a new period: screens would re-query for nothing.
      if (result.period.from !== period.from || result.period.to !== period.to) setPeriod(result.period);
    } else {
      setDraft(next);
    }
  };
  return (
    <div className="field period-picker" role="group" aria-label={t('period')}>
      <span>{t('period')}</span>
      <select
        aria-label={t('period')}
        data-testid="period-preset"
        value={preset ?? 'custom'}
        onChange={(e) => {
          const value = e.target.value as PeriodPreset | 'custom';
          if (value === 'custom') return;
          setDraft(null);
          setPeriod(presetPeriod(value, now(), timeZone));
        }}
      >
        {PERIOD_PRESETS.map((p) => (
          <option key={p} value={p}>
            {t(PRESET_KEYS[p])}
          </option>
        ))}
        <option value="custom" disabled={preset !== null}>
          {t('presetCustom')}
        </option>
      </select>
      <DayInput
        label={t('periodFrom')}
        testId="period-from"
        value={period.from}
        invalid={error === 'from-invalid' || error === 'reversed'}
        onEntry={(day) => enter('from', day)}
      />
      <span>—</span>
      <DayInput
        label={t('periodTo')}
        testId="period-to"
        value={period.to}
        invalid={error === 'to-invalid' || error === 'reversed'}
        onEntry={(day) => enter('to', day)}
      />
      {error ? (
        <span role="alert" className="period-picker__error" data-testid="period-error">
          {t(ERROR_KEYS[error])}
        </span>
      ) : null}
    </div>
  );
}
