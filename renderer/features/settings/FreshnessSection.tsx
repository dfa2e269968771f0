import { useEffect, useState } from 'react';
import { getDb } from '../../db/db';
import { getStaleAfterMin, setStaleAfterMin } from '../../sync/sync-settings';
import { useT } from '../../i18n';
import { SettingsSection } from '../../ui/SettingsSection';
import { settingsMessages } from './messages';

const MIN = 1;
const MAX = 24 * 60;

export function parseMinutes(text: string): number | null {
  if (!/^\d{1,4}$/.test(text.trim())) return null;
  const value = Number(text);
  return value >= MIN && value <= MAX ? value : null;
}

/** The stale threshold the sync status (and the wall's warning) uses; kept in the shared database. */
export function FreshnessSection() {
  const t = useT(settingsMessages);
  const [text, setText] = useState('');
  const [state, setState] = useState<'idle' | 'saved' | 'invalid'>('idle');
  useEffect(() => {
    let live = true;
    void getStaleAfterMin(getDb()).then((minutes) => {
      if (live) setText(String(minutes));
    });
    return () => {
      live = false;
    };
  }, []);
  const save = async () => {
    const minutes = parseMinutes(text);
    if (minutes === null) {
      setState('invalid');
      return;
    }
    await setStaleAfterMin(getDb(), minutes);
    setState('saved');
  };
  return (
    <SettingsSection title={t('freshness')} description={t('freshnessHint')} testId="settings-freshness">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>{t('staleAfter')}</span>
          <input
            type="number"
            min={MIN}
            max={MAX}
            step={1}
            inputMode="numeric"
            data-testid="stale-after"
            value={text}
            aria-invalid={state === 'invalid'}
            onChange={(e) => {
              setText(e.target.value);
              setState('idle');
            }}
            onBlur={() => void save()}
          />
        </label>
        {state === 'saved' ? <span role="status">{t('saved')}</span> : null}
        {state === 'invalid' ? <span role="alert" className="sync-state--error">{t('invalidMinutes')}</span> : null}
      </form>
    </SettingsSection>
  );
}
