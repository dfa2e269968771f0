import { useMemo } from 'react';
import { sectorsOf } from '../../shared/domain/sectors';
import { pickable } from '../../shared/access/scope';
import { useEffectiveScope } from '../runtime/use-access';
import { useT } from '../i18n';
import { useGlobalFilters } from './filters-store';
import { shellMessages } from './messages';
import { useRegionPack } from './region';

/** Sector filter over the region's sectors (standard eight, the pack's own, «Прочее»). */
export function SectorFilter() {
  const t = useT(shellMessages);
  const pack = useRegionPack();
  const scope = useEffectiveScope();
  // Only the sectors of the user's scope; «all» means all of them.
  const sectors = useMemo(() => pickable(sectorsOf(pack), scope.sectors), [pack, scope]);
  const sector = useGlobalFilters((s) => s.sector);
  const setSector = useGlobalFilters((s) => s.setSector);
  return (
    <label className="field">
      <span>{t('sector')}</span>
      <select data-testid="sector-filter" value={sector ?? ''} onChange={(e) => setSector(e.target.value || null)}>
        <option value="">{t('allSectors')}</option>
        {sectors.map((s) => (
          <option key={s.id} value={s.id}>
            {s.shortName}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Municipality scope over the region pack's municipalities, beside the sector (municipal monitoring). */
export function MunicipalityFilter() {
  const t = useT(shellMessages);
  const pack = useRegionPack();
  const scope = useEffectiveScope();
  const municipalities = useMemo(
    () => pickable(pack.municipalities, scope.municipalities).sort((a, b) => a.shortName.localeCompare(b.shortName, 'ru')),
    [pack, scope],
  );
  const municipality = useGlobalFilters((s) => s.municipality);
  const setMunicipality = useGlobalFilters((s) => s.setMunicipality);
  return (
    <label className="field">
      <span>{t('municipality')}</span>
      <select className="field__select--narrow" data-testid="municipality-filter" value={municipality ?? ''} onChange={(e) => setMunicipality(e.target.value || null)}>
        <option value="">{t('allMunicipalities')}</option>
        {municipalities.map((m) => (
          <option key={m.id} value={m.id}>
            {m.shortName}
          </option>
        ))}
      </select>
    </label>
  );
}
