import { useMemo, useState } from 'react';
import { REGION_SCOPE, type MunicipalityGroup } from '../../shared/analytics/municipality-scope';
import { MunicipalityGroupEditor, useMunicipalityGroups } from './MunicipalityGroups';
import { setGlobalScope, useMunicipalityScope, useScopeInUrl } from './municipality-scope';
import { sectorsOf } from '../../shared/domain/sectors';
import { pickable } from '../../shared/access/scope';
import { useEffectiveScope } from '../runtime/use-access';
import { useT } from '../i18n';
import { useGlobalFilters } from './filters-store';
import { shellMessages } from './messages';
import { useRegionPack } from './region';
import { NamedOptions } from '../ui/NamedOptions';

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
        <NamedOptions items={sectors} />
      </select>
    </label>
  );
}

/**
 * Municipality scope beside the sector (municipal monitoring): the whole region, one municipality,
 * or a named group — the pack's own kinds and the groups saved on this workstation; the last
 * option opens the group editor.
 */
export function MunicipalityFilter() {
  const t = useT(shellMessages);
  const pack = useRegionPack();
  // Only the municipalities of the user's scope; «all» means all of them.
  const access = useEffectiveScope();
  const municipalities = useMemo(
    () => pickable(pack.municipalities, access.municipalities).sort((a, b) => a.shortName.localeCompare(b.shortName, 'ru')),
    [pack, access],
  );
  const scope = useMunicipalityScope();
  const groups = useMunicipalityGroups();
  const [editing, setEditing] = useState(false);
  useScopeInUrl();
  const current = scope.kind === 'one' ? `m:${scope.id}` : scope.kind === 'group' ? groupValue(scope, groups) : '';
  const urlOnlyGroup = scope.kind === 'group' && !groups.some((g) => g.name === scope.name) ? scope : null;
  const pick = (value: string) => {
    if (value === EDIT) return setEditing(true);
    if (value.startsWith('m:')) return setGlobalScope({ kind: 'one', id: value.slice(2) });
    const group = groups.find((g) => `g:${g.id}` === value);
    if (group) return setGlobalScope({ kind: 'group', name: group.name, members: group.members });
    if (value === URL_GROUP) return;
    setGlobalScope(REGION_SCOPE);
  };
  return (
    <>
      <label className="field">
        <span>{t('municipality')}</span>
        <select className="field__select--narrow" data-testid="municipality-filter" value={current} onChange={(e) => pick(e.target.value)}>
          <option value="">{t('allMunicipalities')}</option>
          {groups.length > 0 || urlOnlyGroup ? (
            <optgroup label={t('municipalityGroups')}>
              {urlOnlyGroup ? <option value={URL_GROUP}>{urlOnlyGroup.name}</option> : null}
              {groups.map((g) => (
                <option key={g.id} value={`g:${g.id}`}>
                  {g.name} ({g.members.length})
                </option>
              ))}
            </optgroup>
          ) : null}
          <optgroup label={t('municipalityList')}>
            {municipalities.map((m) => (
              <option key={m.id} value={`m:${m.id}`}>
                {m.shortName}
              </option>
            ))}
          </optgroup>
          <option value={EDIT}>{t('editGroups')}</option>
        </select>
      </label>
      {editing ? <MunicipalityGroupEditor onClose={() => setEditing(false)} /> : null}
    </>
  );
}

const EDIT = 'edit';
const URL_GROUP = 'url-group';

function groupValue(scope: { name: string; members: string[] }, groups: MunicipalityGroup[]): string {
  const same = groups.find((g) => g.name === scope.name && g.members.join(',') === scope.members.join(','));
  return same ? `g:${same.id}` : URL_GROUP;
}
