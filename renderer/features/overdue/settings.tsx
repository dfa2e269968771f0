/** Settings section: how the 3-hour term of official-information requests counts hours. */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import { useT } from '../../i18n';
import { SettingsSection } from '../../ui/SettingsSection';
import { loadOfficialHours, saveOfficialHours, type OfficialHours } from './actions';
import { overdueMessages } from './messages';

const CHOICES: OfficialHours[] = ['clock', 'working'];

export default function RequestTermSettings() {
  const t = useT(overdueMessages);
  const hours = useLiveQuery(() => loadOfficialHours(getDb()), []);
  if (hours === undefined) return null;
  return (
    <SettingsSection title={t('settingsTitle')} description={t('settingsHint')} testId="request-terms">
      <fieldset className="stack">
        <legend>{t('settingsOfficialHours')}</legend>
        {CHOICES.map((choice) => (
          <label key={choice} className="field field--inline">
            <input
              type="radio"
              name="official-hours"
              value={choice}
              checked={hours === choice}
              onChange={() => void saveOfficialHours(getDb(), choice)}
              data-testid={`request-terms-${choice}`}
            />
            <span>{t(`settingsHours_${choice}`)}</span>
          </label>
        ))}
      </fieldset>
    </SettingsSection>
  );
}
