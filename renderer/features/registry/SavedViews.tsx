import { useState, type FormEvent } from 'react';
import { registryQuery, type RegistryFilter } from '../../app/registry-filter';
import type { CurDatabase } from '../../db/schema';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { registryMessages } from './messages';
import { useRegistryPrefs } from './store';

interface SavedViewsProps {
  db: CurDatabase;
  filter: RegistryFilter;
}

/** Named filters («Просрочки ЖКХ по Кирову»): a link to the view plus save and delete. */
export function SavedViews({ db, filter }: SavedViewsProps) {
  const t = useT(registryMessages);
  const views = useRegistryPrefs((s) => s.views);
  const saveView = useRegistryPrefs((s) => s.saveView);
  const deleteView = useRegistryPrefs((s) => s.deleteView);
  const [name, setName] = useState('');
  const [copied, setCopied] = useState(false);
  const current = registryQuery(filter);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    void saveView(db, { name, query: current });
    setName('');
  };
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      setCopied(false);
    }
  };

  return (
    <details className="registry-views" data-testid="registry-views">
      <summary>{t('views')}</summary>
      {views.length === 0 ? <p className="registry-note">{t('noViews')}</p> : null}
      <ul>
        {views.map((v) => (
          <li key={v.name}>
            <a href={v.query ? `#/registry?${v.query}` : '#/registry'} aria-current={v.query === current ? 'true' : undefined}>
              {v.name}
            </a>
            <Button size="small" variant="ghost" onClick={() => void deleteView(db, v.name)} aria-label={`${t('deleteView')}: ${v.name}`}>
              ×
            </Button>
          </li>
        ))}
      </ul>
      <form onSubmit={save} className="registry-views__form">
        <label className="field">
          <span>{t('viewName')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('viewNamePlaceholder')} maxLength={120} />
        </label>
        <Button type="submit" size="small" disabled={!name.trim()}>
          {t('saveView')}
        </Button>
        <Button size="small" variant="ghost" onClick={() => void copyLink()}>
          {copied ? t('linkCopied') : t('copyLink')}
        </Button>
      </form>
    </details>
  );
}
