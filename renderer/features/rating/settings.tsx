/** Settings section: the rating weights (the methodology's only free parameters). */
import { useEffect, useState } from 'react';
import { DEFAULT_RATING_WEIGHTS, RATING_METHODOLOGY, RATING_METHODOLOGY_EN, type RatingWeights } from '../../../shared/domain/rating';
import { getDb } from '../../db/db';
import { Button } from '../../ui/Button';
import { SettingsSection } from '../../ui/SettingsSection';
import { useLang, useT } from '../../i18n';
import { ratingMessages } from './messages';
import { useWeights } from './queries';
import { saveWeights, validWeights } from '../../db/rating-weights';

const KEYS = ['quantity', 'speed', 'quality', 'completeness'] as const;

export default function RatingWeightsSection() {
  const t = useT(ratingMessages);
  const lang = useLang();
  const stored = useWeights();
  const [draft, setDraft] = useState<Record<keyof RatingWeights, string> | null>(null);
  const [status, setStatus] = useState<'idle' | 'saved' | 'invalid'>('idle');

  useEffect(() => {
    if (stored && !draft) setDraft(Object.fromEntries(KEYS.map((k) => [k, String(stored[k])])) as Record<keyof RatingWeights, string>);
  }, [stored, draft]);

  if (!draft) return null;
  const parsed = validWeights(Object.fromEntries(KEYS.map((k) => [k, Number(draft[k].replace(',', '.'))])));

  return (
    <SettingsSection title={t('settingsTitle')} description={t('settingsHint')} testId="rating-weights">
      <form
        className="stack"
        onSubmit={async (event) => {
          event.preventDefault();
          setStatus(parsed && (await saveWeights(getDb(), parsed)) ? 'saved' : 'invalid');
        }}
      >
        {KEYS.map((key) => (
          <label key={key} className="field">
            <span>{t(key)}</span>
            <input
              type="number"
              min={0}
              step={0.05}
              value={draft[key]}
              title={(lang === 'en' ? RATING_METHODOLOGY_EN : RATING_METHODOLOGY)[key]}
              onChange={(e) => {
                setStatus('idle');
                setDraft({ ...draft, [key]: e.target.value });
              }}
            />
          </label>
        ))}
        <div className="rating__buttons">
          <Button type="submit" variant="primary" disabled={!parsed}>
            {t('save')}
          </Button>
          <Button
            type="button"
            onClick={() => {
              setStatus('idle');
              setDraft(Object.fromEntries(KEYS.map((k) => [k, String(DEFAULT_RATING_WEIGHTS[k])])) as Record<keyof RatingWeights, string>);
            }}
          >
            {t('reset')}
          </Button>
        </div>
        {status === 'saved' ? <p role="status">{t('saved')}</p> : null}
        {status === 'invalid' || !parsed ? <p role="alert">{t('invalidWeights')}</p> : null}
      </form>
    </SettingsSection>
  );
}
