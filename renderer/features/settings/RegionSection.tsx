import { useRegionPack } from '../../app/region';
import { BUNDLED_PACKS } from '../../../shared/domain/packs';
import { regionStore } from '../../runtime/region';
import { useT } from '../../i18n';
import { SettingsSection } from '../../ui/SettingsSection';
import { settingsMessages } from './messages';

export function RegionSection() {
  const t = useT(settingsMessages);
  const pack = useRegionPack();
  const setRegion = regionStore.getState().setRegion;
  return (
    <SettingsSection title={t('region')} description={t('regionHint')} testId="settings-region">
      <label className="field">
        <span>{t('regionPack')}</span>
        <select data-testid="region-select" value={pack.id} onChange={(e) => setRegion(e.target.value)}>
          {BUNDLED_PACKS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.version}
              {p.partial ? `, ${t('partial')}` : ''})
            </option>
          ))}
        </select>
      </label>
      <span className="field">{t('timeZone', { zone: pack.timeZone })}</span>
    </SettingsSection>
  );
}
