import { useState } from 'react';
import { getDb } from '../../db/db';
import { useT } from '../../i18n';
import { platform, type FeedEndpointState } from '../../platform';
import { feedIdFor, removeFeed, saveFeed, type FeedSetting } from '../../sync/sync-settings';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { sourcesMessages } from './messages';
import { isFeedUrl } from './model';
import { useFeedEndpoints, useFeeds } from './queries';

/**
 * HTTP feeds: add, edit, enable or remove. The address and token go to the host (in Electron the
 * main process, which seals the token with the OS keychain); the page only ever learns whether a
 * token is set. The sync leader picks changes up from the settings.
 */
export function FeedsSection() {
  const t = useT(sourcesMessages);
  const feeds = useFeeds();
  const { endpoints, refresh } = useFeedEndpoints();
  const [editing, setEditing] = useState<FeedSetting | 'new' | null>(null);
  return (
    <Card
      title={t('feedsTitle')}
      subtitle={t('feedsHint')}
      testId="sources-feeds"
      ready={feeds !== undefined && endpoints !== undefined}
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
            <span className="sources__muted" data-testid="feed-token-state">
              {endpoints?.get(feed.id)?.tokenSet ? t('tokenSet') : t('tokenMissing')}
              {feed.enabled ? '' : ` · ${t('feedEnabled').toLowerCase()}: —`}
            </span>{' '}
            <Button size="small" variant="ghost" onClick={() => setEditing(feed)}>
              {t('edit')}
            </Button>
            <Button
              size="small"
              variant="ghost"
              onClick={() => {
                void (async () => {
                  await removeFeed(getDb(), feed.id);
                  await platform.removeFeedEndpoint(feed.id).catch(() => {});
                  refresh();
                })();
              }}
            >
              {t('removeFeed')}
            </Button>
          </li>
        ))}
      </ul>
      {editing !== null ? (
        <FeedForm
          initial={editing === 'new' ? null : editing}
          endpoint={editing === 'new' ? undefined : endpoints?.get(editing.id)}
          existingIds={(feeds ?? []).map((f) => f.id)}
          onDone={() => {
            setEditing(null);
            refresh();
          }}
        />
      ) : null}
    </Card>
  );
}

type TokenMode = 'keep' | 'replace' | 'clear';

interface FeedFormProps {
  initial: FeedSetting | null;
  endpoint: FeedEndpointState | undefined;
  existingIds: string[];
  onDone(): void;
}

function FeedForm({ initial, endpoint, existingIds, onDone }: FeedFormProps) {
  const t = useT(sourcesMessages);
  const [label, setLabel] = useState(initial?.label ?? '');
  const [url, setUrl] = useState(initial?.baseUrl ?? '');
  const tokenSet = endpoint?.tokenSet ?? false;
  const [tokenMode, setTokenMode] = useState<TokenMode>(tokenSet ? 'keep' : 'replace');
  // Always starts empty: a saved token never comes back to the page.
  const [token, setToken] = useState('');
  const [enabled, setEnabled] = useState(initial?.enabled ?? true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!label.trim()) return setError(t('invalidLabel'));
    if (!isFeedUrl(url)) return setError(t('invalidUrl'));
    const id = initial?.id ?? feedIdFor(new URL(url.trim()).hostname, existingIds);
    const tokenChange = tokenMode === 'clear' ? null : tokenMode === 'replace' && token.trim() ? token.trim() : undefined;
    setBusy(true);
    try {
      const state = await platform.configureFeed({ feedId: id, baseUrl: url.trim(), ...(tokenChange === undefined ? {} : { token: tokenChange }) });
      await saveFeed(getDb(), { id, label: label.trim(), baseUrl: state.baseUrl, enabled });
      setToken('');
      onDone();
    } catch (failure) {
      // The host's reason in Russian: plain http, an address with a password, a weak keychain …
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="sources__feed-form"
      data-testid="feed-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
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
      <fieldset className="field" data-testid="feed-token-field">
        <legend>
          {t('tokenState')}:{' '}
          <strong data-testid="feed-token-status">{tokenMode === 'clear' ? t('tokenWillClear') : tokenSet ? t('tokenIsSet') : t('tokenNotSet')}</strong>
        </legend>
        {tokenSet ? <p className="sources__muted">{t('tokenHidden')}</p> : null}
        {tokenMode === 'replace' ? (
          <label className="field">
            <span>{tokenSet ? t('newToken') : t('feedToken')}</span>
            <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} data-testid="feed-token" />
          </label>
        ) : null}
        {tokenSet && tokenMode === 'keep' ? (
          <>
            <Button size="small" onClick={() => setTokenMode('replace')} data-testid="feed-token-replace">
              {t('replaceToken')}
            </Button>
            <Button size="small" onClick={() => setTokenMode('clear')} data-testid="feed-token-clear">
              {t('clearToken')}
            </Button>
          </>
        ) : null}
        {tokenSet && tokenMode !== 'keep' ? (
          <Button
            size="small"
            onClick={() => {
              setTokenMode('keep');
              setToken('');
            }}
            data-testid="feed-token-keep"
          >
            {t('keepToken')}
          </Button>
        ) : null}
      </fieldset>
      <label className="field field--inline">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        <span>{t('feedEnabled')}</span>
      </label>
      {error ? (
        <p role="alert" className="sources__error">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" data-testid="feed-save" disabled={busy}>
        {t('saveFeed')}
      </Button>
      <Button onClick={onDone}>{t('cancel')}</Button>
    </form>
  );
}
