import { useLang, useLangStore, useT } from '../../i18n';
import { SettingsSection } from '../../ui/SettingsSection';
import { settingsMessages } from './messages';

export function LanguageSection() {
  const t = useT(settingsMessages);
  const lang = useLang();
  const setLang = useLangStore((s) => s.setLang);
  return (
    <SettingsSection title={t('language')} description={t('languageHint')} testId="settings-language">
      {(['ru', 'en'] as const).map((id) => (
        <label key={id} className="field">
          <input type="radio" name="lang" value={id} checked={lang === id} onChange={() => setLang(id)} />
          {t(id === 'ru' ? 'russian' : 'english')}
        </label>
      ))}
    </SettingsSection>
  );
}
