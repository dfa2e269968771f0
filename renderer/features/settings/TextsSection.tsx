import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { formatNumber } from '../../../shared/format/ru';
import { getDb } from '../../db/db';
import { readTextsPolicy, setTextsCarryPersonalData, textsMarker } from '../../personal-vault';
import { useT } from '../../i18n';
import { SettingsSection } from '../../ui/SettingsSection';
import { settingsMessages } from './messages';

/**
 * «Тексты обращений содержат персональные данные» (renderer/personal-vault/texts-policy.ts): the
 * administrator's choice for this region's store, with the progress of sealing the texts already
 * stored when it is turned on.
 */
export function TextsSection() {
  const t = useT(settingsMessages);
  const state = useLiveQuery(async () => {
    const db = getDb();
    const [policy, marker] = await Promise.all([readTextsPolicy(db), textsMarker(db)]);
    return { on: policy.sealTexts, marker };
  }, []);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = async (on: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await setTextsCarryPersonalData(getDb(), on);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const marker = state?.marker ?? null;
  return (
    <SettingsSection title={t('texts')} description={t('textsHint')} testId="settings-texts">
      <label className="field">
        <input
          type="checkbox"
          data-testid="texts-carry-personal"
          checked={state?.on ?? false}
          disabled={state === undefined || busy}
          onChange={(e) => void change(e.target.checked)}
        />
        <span>{t('textsToggle')}</span>
      </label>
      {state?.on && marker ? (
        <p className="registry-note" role="status" data-testid="texts-sealing" data-done={String(marker.done)}>
          {t(marker.done ? 'textsSealed' : 'textsSealing', { count: formatNumber(marker.sealed) })}
        </p>
      ) : null}
      <p className="registry-note">{t('textsOffNote')}</p>
      {error ? (
        <p role="alert" className="registry-error">
          {error}
        </p>
      ) : null}
    </SettingsSection>
  );
}
