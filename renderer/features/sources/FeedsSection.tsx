import { useState } from 'react';
import { getDb } from '../../db/db';
import { useT } from '../../i18n';
import { feedIdFor, removeFeed, saveFeed, type FeedSetting } from '../../sync/sync-settings';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { sourcesMessages } from './messages';
import { isFeedUrl } from './model';
import { useFeeds } from './queries';

/** HTTP feeds: add, edit, enable or remove. The sync leader picks changes up from the settings. */
export function FeedsSection() {
  const t = useT(sourcesMessages);
  const feeds = useFeeds();
  const [editing, setEditing] = useState<FeedSetting | 'new' | null>(null);
  return (
    <Card
      title={t('feedsTitle')}
      subtitle={t('feedsHint')}
      testId="sources-feeds"
      ready={feeds !== undefined}
      actions={
        editing === null ? (
          <Button onClick={() => setEditing('new')} data-testid="feed-add">
            {t('addFeed')}
          </Button>
        ) : null
      }
    >
      {feeds && feeds.length === 0 && editing === null ? <p>{t('noFeeds')}</p> : null}
      <ul className="sources__feeds">
        {(feeds ?? []).map((feed) => (
          <li key={feed.id} data-testid={`feed-${feed.id}`}>
            <strong>{feed.label}</strong> <span>{feed.baseUrl}</span>{' '}
            <span className="sources__muted">
              {feed.token ? t('tokenSet') : t('tokenMissing')}
              {feed.enabled ? '' : ` · ${t('feedEnabled').toLowerCase()}: —`}
            </span>{' '}
            <Button size="small" variant="ghost" onClick={() => setEditing(feed)}>
              {t('edit')}
            </Button>
            <Button size="small" variant="ghost" onClick={() => void removeFeed(getDb(), feed.id)}>
              {t('removeFeed')}
            </Button>
          </li>
        ))}
      </ul>
      {editing !== null ? (
        <FeedForm
          initial={editing === 'new' ? null : editing}
          existingIds={(feeds ?? []).map((f) => f.id)}
          onDone={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}

function FeedForm({ initial, existingIds, onDone }: { initial: FeedSetting | null; existingIds: string[]; onDone(): void }) {
  const t = useT(sourcesMessages);
  const [label, setLabel] = useState(initial?.label ?? '');
  const [url, setUrl] = useState(initial?.baseUrl ?? '');
  const [token, setToken] = useState(initial?.token ?? '');
  const [enabled, setEnabled] = useState(initial?.enabled ?? true);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="sources__feed-form"
      data-testid="feed-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!label.trim()) return setError(t('invalidLabel'));
        if (!isFeedUrl(url)) return setError(t('invalidUrl'));
        const id = initial?.id ?? feedIdFor(new URL(url.trim()).hostname, existingIds);
        void saveFeed(getDb(), { id, label: label.trim(), baseUrl: url.trim(), token: token.trim(), enabled }).then(onDone);
      }}
    >
      <label className="field">
        <span>{t('feedLabel')}</span>
        <input value={label} onChange={(e) => setLabel(e.target.value)} data-testid="feed-label" />
      </label>
      <label className="field">
        <span>{t('feedUrl')}</span>
        <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" data-testid="feed-url" />
      </label>
      <label className="field">
        <span>{t('feedToken')}</span>
        <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} data-testid="feed-token" />
      </label>
      <label className="field field--inline">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        <span>{t('feedEnabled')}</span>
      </label>
      {error ? (
        <p role="alert" className="sources__error">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" data-testid="feed-save">
        {t('saveFeed')}
      </Button>
      <Button onClick={onDone}>{t('cancel')}</Button>
    </form>
  );
}
