import { useT } from '../../i18n';
import { overdueMessages } from './messages';
import { Options } from './Options';
import type { StatusChoice } from './RecordsCard';

interface Props<S extends string> extends StatusChoice<S> {
  testId: string;
}

/** The status select of a records card; the empty choice shows every status. */
export function StatusFilter<S extends string>({ value, statuses, label, onChange, testId }: Props<S>) {
  const t = useT(overdueMessages);
  return (
    <label className="field field--inline">
      <span>{t('filterStatus')}</span>
      <select value={value ?? ''} onChange={(e) => onChange((e.target.value || null) as S | null)} data-testid={testId}>
        <option value="">{t('filterAll')}</option>
        <Options values={statuses} label={label} />
      </select>
    </label>
  );
}
