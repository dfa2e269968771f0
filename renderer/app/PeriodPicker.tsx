import { useT } from '../i18n';
import { now } from './clock';
import { useGlobalFilters } from './filters-store';
import { shellMessages } from './messages';
import { matchPreset, PERIOD_PRESETS, presetPeriod, type PeriodPreset } from './period';

const PRESET_KEYS: Record<PeriodPreset, 'presetToday' | 'presetYesterday' | 'presetLast7' | 'presetLast30' | 'presetMonth' | 'presetYear'> = {
  today: 'presetToday',
  yesterday: 'presetYesterday',
  last7: 'presetLast7',
  last30: 'presetLast30',
  month: 'presetMonth',
  year: 'presetYear',
};

/** Presets for the common questions plus two date fields for anything else. */
export function PeriodPicker({ timeZone }: { timeZone: string }) {
  const t = useT(shellMessages);
  const period = useGlobalFilters((s) => s.period);
  const setPeriod = useGlobalFilters((s) => s.setPeriod);
  const preset = matchPreset(period, now(), timeZone);
  return (
    <div className="field" role="group" aria-label={t('period')}>
      <span>{t('period')}</span>
      <select
        aria-label={t('period')}
        data-testid="period-preset"
        value={preset ?? 'custom'}
        onChange={(e) => {
          const value = e.target.value as PeriodPreset | 'custom';
          if (value !== 'custom') setPeriod(presetPeriod(value, now(), timeZone));
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
      <input
        type="date"
        aria-label={t('periodFrom')}
        data-testid="period-from"
        value={period.from}
        max={period.to}
        onChange={(e) => setPeriod({ from: e.target.value, to: period.to })}
      />
      <span>—</span>
      <input
        type="date"
        aria-label={t('periodTo')}
        data-testid="period-to"
        value={period.to}
        min={period.from}
        onChange={(e) => setPeriod({ from: period.from, to: e.target.value })}
      />
    </div>
  );
}
