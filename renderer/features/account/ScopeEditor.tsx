/** Picks a user's scope: sector blocks and municipalities; nothing picked in a list means «all». */
import { useMemo } from 'react';
import { sectorsOf } from '../../../shared/domain/sectors';
import type { AccessScope } from '../../../shared/access/scope';
import { useRegionPack } from '../../app/region';
import { useT } from '../../i18n';
import { accountMessages } from './messages';
import { NamedOptions } from '../../ui/NamedOptions';

function picked(select: HTMLSelectElement): string[] | null {
  const ids = [...select.selectedOptions].map((o) => o.value);
  return ids.length > 0 ? ids : null;
}

export function ScopeEditor({ value, onChange, testId }: { value: AccessScope; onChange(scope: AccessScope): void; testId: string }) {
  const t = useT(accountMessages);
  const pack = useRegionPack();
  const sectors = useMemo(() => sectorsOf(pack), [pack]);
  const municipalities = useMemo(() => [...pack.municipalities].sort((a, b) => a.shortName.localeCompare(b.shortName, 'ru')), [pack]);
  return (
    <div className="scope-editor" data-testid={testId}>
      <label className="account-field">
        <span>
          {t('scopeSectors')} <small>{t('scopeEmptyMeansAll')}</small>
        </span>
        <select multiple size={5} value={[...(value.sectors ?? [])]} data-testid={`${testId}-sectors`} onChange={(e) => onChange({ ...value, sectors: picked(e.target) })}>
          <NamedOptions items={sectors} />
        </select>
      </label>
      <label className="account-field">
        <span>
          {t('scopeMunicipalities')} <small>{t('scopeEmptyMeansAll')}</small>
        </span>
        <select
          multiple
          size={5}
          value={[...(value.municipalities ?? [])]}
          data-testid={`${testId}-municipalities`}
          onChange={(e) => onChange({ ...value, municipalities: picked(e.target) })}
        >
          <NamedOptions items={municipalities} />
        </select>
      </label>
    </div>
  );
}
