import { useState } from 'react';
import { formatDateTime, formatNumber } from '../../../shared/format/ru';
import { now } from '../../runtime/clock';
import { getDb } from '../../db/db';
import { useLang, useT } from '../../i18n';
import { syncErrorText } from '../../i18n/sync-errors';
import { cancelSync, fullResync, syncNow } from '../../sync';
import { platform } from '../../platform';
import { getFeeds, setIntervalMin } from '../../sync/sync-settings';
import { CENTRE_FEED_ID, getCentreConnection } from '../../sync/centre/connection';
import type { SourceStatus } from '../../sync/sync-status';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { DataAge } from '../../ui/DataAge';
import { DemoBadge } from '../../ui/DemoBadge';
import { sourcesMessages } from './messages';
import { parseIntervalMin, progressShare, sourceState } from './model';

interface Props {
  status: SourceStatus;
  intervalMin: number;
  timeZone: string;
}

/** One source: its state in words, data age, progress, the last error's cause, and what to do. */
export function SourceCard({ status, intervalMin, timeZone }: Props) {
  const t = useT(sourcesMessages);
  const lang = useLang();
  const state = sourceState(status);
  const stateText = { running: t('running'), stopped: t('stopped'), failed: t('failed'), ok: t('ok'), never: t('neverSynced') }[state];
  const when = (ms: number | null) => (ms === null ? '—' : formatDateTime(ms, timeZone, lang));

  return (
    <Card
      title={
        <>
          {status.label} {status.isDemo ? <DemoBadge /> : null}
        </>
      }
      subtitle={
        <span className={`sources__state sources__state--${state}`} data-testid="source-state" data-pulls={status.pulls}>
          {stateText}
        </span>
      }
      testId={`source-${status.id}`}
      ready={state !== 'running'}
      actions={
        state === 'running' ? (
          <Button onClick={() => cancelSync(status.id)} data-testid="source-cancel">
            {t('cancel')}
          </Button>
        ) : (
          <Button variant="primary" onClick={() => syncNow(status.id)} data-testid="source-sync-now">
            {t('syncNow')}
          </Button>
        )
      }
    >
      <DataAge asOf={status.dataAsOf} now={now()} timeZone={timeZone} isStale={status.isStale} />
      {status.progress ? <Progress progress={status.progress} /> : null}
      <dl className="sources__facts">
        <dt>{t('lastSuccess')}</dt>
        <dd data-testid="source-last-success">{when(status.lastSuccessAt)}</dd>
        <dt>{t('lastAttempt')}</dt>
        <dd>{when(status.lastAttemptAt)}</dd>
        {status.nextRunAt !== null && state !== 'running' ? (
          <>
            <dt>{t('nextRun')}</dt>
            <dd>{formatDateTime(status.nextRunAt, timeZone, lang)}</dd>
          </>
        ) : null}
        <dt>{t('recordsPulled')}</dt>
        <dd data-testid="source-records">{formatNumber(status.recordsPulled, 0, lang)}</dd>
      </dl>
      {status.lastError ? (
        <p className="sources__error" role="alert" data-testid="source-error">
          {t('lastError')}: {syncErrorText(status.lastError, lang)}
        </p>
      ) : null}
      {status.needsToken ? <TokenForm sourceId={status.id} /> : null}
      {status.cursorRegression ? (
        <div className="sources__action">
          <p>{t('cursorRegression')}</p>
          <Button variant="danger" onClick={() => void fullResync(status.id)} data-testid="source-full-resync">
            {t('fullResync')}
          </Button>
        </div>
      ) : null}
      <IntervalForm sourceId={status.id} intervalMin={intervalMin} />
    </Card>
  );
}

function Progress({ progress }: { progress: NonNullable<SourceStatus['progress']> }) {
  const t = useT(sourcesMessages);
  const lang = useLang();
  const share = progressShare(progress);
  return (
    <div className="sources__progress" data-testid="source-progress">
      <progress max={1} value={share ?? undefined} aria-label={t('running')} />
      <span>
        {t('progress', { records: formatNumber(progress.recordsDone, 0, lang), pages: formatNumber(progress.pagesDone, 0, lang) })}
        {', '}
        {progress.remainingEstimate === null ? t('remainingUnknown') : t('remaining', { count: formatNumber(progress.remainingEstimate, 0, lang) })}
      </span>
    </div>
  );
}

function IntervalForm({ sourceId, intervalMin }: { sourceId: string; intervalMin: number }) {
  const t = useT(sourcesMessages);
  const [text, setText] = useState(String(intervalMin));
  const [state, setState] = useState<'idle' | 'saved' | 'invalid'>('idle');
  return (
    <form
      className="sources__inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        const minutes = parseIntervalMin(text);
        if (minutes === null) return setState('invalid');
        void setIntervalMin(getDb(), sourceId, minutes).then(() => setState('saved'));
      }}
    >
      <label className="field">
        <span>{t('schedule')}</span>
        <input
          type="number"
          min={1}
          max={1440}
          inputMode="numeric"
          value={text}
          aria-invalid={state === 'invalid'}
          data-testid="source-interval"
          onChange={(e) => {
            setText(e.target.value);
            setState('idle');
          }}
        />
      </label>
      <Button type="submit" size="small">
        {t('save')}
      </Button>
      {state === 'saved' ? <span role="status">{t('saved')}</span> : null}
      {state === 'invalid' ? <span role="alert">{t('invalidInterval')}</span> : null}
    </form>
  );
}

function TokenForm({ sourceId }: { sourceId: string }) {
  const t = useT(sourcesMessages);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="sources__action"
      onSubmit={(e) => {
        e.preventDefault();
        if (!token.trim()) return;
        void (async () => {
          const centre = sourceId === CENTRE_FEED_ID ? await getCentreConnection(getDb()) : null;
          const feed = (await getFeeds(getDb())).find((f) => f.id === sourceId) ?? (centre ? { id: CENTRE_FEED_ID, baseUrl: centre.baseUrl } : undefined);
          if (!feed) return;
          try {
            // The token goes to the host only; the settings keep the address and the label.
            await platform.configureFeed({ feedId: feed.id, baseUrl: feed.baseUrl, token: token.trim() });
          } catch (failure) {
            setError(failure instanceof Error ? failure.message : String(failure));
            return;
          }
          setToken('');
          setError(null);
          syncNow(sourceId);
        })();
      }}
    >
      <p>{t('needsToken')}</p>
      <label className="field">
        <span>{t('newToken')}</span>
        <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} data-testid="source-new-token" />
      </label>
      {error ? (
        <p role="alert" className="sources__error">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" size="small">
        {t('applyToken')}
      </Button>
    </form>
  );
}
