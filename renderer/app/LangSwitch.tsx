import { useLang, useLangStore, useT, type Locale } from '../i18n';
import { shellMessages } from './messages';

const LANGS: Array<{ id: Locale; label: string }> = [
  { id: 'ru', label: 'RU' },
  { id: 'en', label: 'EN' },
];

export function LangSwitch() {
  const lang = useLang();
  const setLang = useLangStore((s) => s.setLang);
  const t = useT(shellMessages);
  return (
    <div className="lang-switch" role="group" aria-label={t('language')}>
      {LANGS.map((l) => (
        <button key={l.id} type="button" aria-pressed={lang === l.id} lang={l.id} onClick={() => setLang(l.id)}>
          {l.label}
        </button>
      ))}
    </div>
  );
}
