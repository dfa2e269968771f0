import { useState } from 'react';
import { formatDateTime, formatNumber } from '../../../shared/format/ru';
import type { CentreProblem } from '../../../shared/centre/client';
import { getDb } from '../../db/db';
import { useLang, useT } from '../../i18n';
import { platform } from '../../platform';
import { now } from '../../runtime/clock';
import { syncNow } from '../../sync';
import { CENTRE_STATION_FEED_ID } from '../../sync/centre/centre-sign-in';
import { connectToCentre, disconnectFromCentre } from '../../sync/centre/connect';
import { CENTRE_FEED_ID } from '../../sync/centre/connection';
import { newChangeId, resolveSharedConflict } from '../../sync/centre/resolve-conflict';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { centreMessages } from './centre-messages';
import { useCentreConnection, useCentreRecordsState, useSharedConflicts, type SharedConflict } from './centre-queries';
import { differences } from './conflict-diff';
import { isFeedUrl } from './model';
import { useFeedEndpoints } from './queries';

type ProblemKey = `problem.${CentreProblem}`;

/**
 * «Сервер центра»: connect by address and workstation token, the connection and the shared
 * records' exchange in words, and the records in conflict with both versions and the choice.
 * The appeals pulled from the server show as the «Сервер центра» source card above.
 */
export function CentreSection({ timeZone }: { timeZone: string }) {
  const t = useT(centreMessages);
  const lang = useLang();
  const connection = useCentreConnection();
  const records = useCentreRecordsState();
  const [editing, setEditing] = useState(false);
  // Users issued by the centre sign in through the workstation's own token, kept apart at connection.
  const { endpoints } = useFeedEndpoints(connection?.connectedAt ?? 0);
  const stationReady = endpoints === undefined ? undefined : endpoints.get(CENTRE_STATION_FEED_ID)?.tokenSet === true;
  const when = (ms: number | null) => (ms === null ? t('never') : formatDateTime(ms, timeZone, lang));
  // Watched folders exist only in the desktop build, the same host that seals tokens with the OS keychain.
  const desktop = platform.canWatchFolders;

  return (
    <Card title={t('title')} subtitle={t('hint')} testId="centre-server" ready={connection !== undefined}>
      {connection && !editing ? (
        <>
          <p className="sources__state sources__state--ok" data-testid="centre-state">
            {t('connected')}: {connection.baseUrl}
          </p>
          <dl className="sources__facts">
            <dt>{t('connectedAs')}</dt>
            <dd data-testid="centre-connected-as">{connection.connectedAs}</dd>
            <dt>{t('centreSignIn')}</dt>
            <dd data-testid="centre-sign-in" data-ready={stationReady === undefined ? undefined : String(stationReady)}>
              {stationReady === undefined ? '…' : stationReady ? t('centreSignInReady') : t('centreSignInReconnect')}
            </dd>
            <dt>{t('region')}</dt>
            <dd>{connection.region}</dd>
            <dt>{t('connectedAt')}</dt>
            <dd>{when(connection.connectedAt)}</dd>
          </dl>
          <h3>{t('recordsTitle')}</h3>
          <dl className="sources__facts" data-testid="centre-records">
            <dt>{t('lastExchange')}</dt>
            <dd>{when(records?.lastAttemptAt ?? null)}</dd>
            <dt>{t('lastExchangeOk')}</dt>
            <dd data-testid="centre-last-exchange">{when(records?.lastSuccessAt ?? null)}</dd>
            <dt>{t('pending')}</dt>
            <dd data-testid="centre-pending">{formatNumber(records?.pending ?? 0, 0, lang)}</dd>
            <dt>{t('conflicts')}</dt>
            <dd data-testid="centre-conflicts">{formatNumber(records?.conflicts ?? 0, 0, lang)}</dd>
          </dl>
          {records?.problem ? (
            <p role="alert" className="sources__error" data-testid="centre-problem" data-problem={records.problem}>
              {t('exchangeProblem')}: {t(`problem.${records.problem}` as ProblemKey)}
            </p>
          ) : null}
          <p className="sources__muted">{desktop ? t('tokenDesktop') : t('tokenBrowser')}</p>
          <div className="sources__action">
            <Button onClick={() => setEditing(true)} data-testid="centre-edit">
              {t('reconnect')}
            </Button>
            <Button variant="ghost" onClick={() => void disconnectFromCentre(getDb(), platform)} data-testid="centre-disconnect">
              {t('disconnect')}
            </Button>
          </div>
          <ConflictList />
        </>
      ) : connection !== undefined ? (
        <>
          {connection ? null : <p data-testid="centre-state">{t('notConnected')}</p>}
          <ConnectForm initialUrl={connection?.baseUrl ?? ''} onDone={() => setEditing(false)} canCancel={!!connection} />
          <p className="sources__muted">{desktop ? t('tokenDesktop') : t('tokenBrowser')}</p>
        </>
      ) : null}
    </Card>
  );
}

function ConnectForm({ initialUrl, onDone, canCancel }: { initialUrl: string; onDone(): void; canCancel: boolean }) {
  const t = useT(centreMessages);
  const [url, setUrl] = useState(initialUrl);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!isFeedUrl(url)) return setError(t('invalidUrl'));
    if (!token.trim() && !initialUrl) return setError(t('needToken'));
    setBusy(true);
    setError(null);
    try {
      const outcome = await connectToCentre(getDb(), platform, { baseUrl: url, token: token.trim() || null }, now());
      if (!outcome.ok) {
        // The host's policy sentence is this app's own text; everything else is a fixed phrase.
        setError(outcome.problem === 'refused' && outcome.hostReason ? outcome.hostReason : t(`problem.${outcome.problem}` as ProblemKey));
        return;
      }
      setToken('');
      syncNow(CENTRE_FEED_ID);
      onDone();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="sources__feed-form"
      data-testid="centre-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="field">
        <span>{t('address')}</span>
        <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" data-testid="centre-url" />
      </label>
      <label className="field">
        <span>{t('token')}</span>
        <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} data-testid="centre-token" />
      </label>
      {error ? (
        <p role="alert" className="sources__error" data-testid="centre-error">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" disabled={busy} data-testid="centre-connect">
        {busy ? t('connecting') : t('connect')}
      </Button>
      {canCancel ? <Button onClick={onDone}>{t('cancel')}</Button> : null}
    </form>
  );
}

function ConflictList() {
  const t = useT(centreMessages);
  const conflicts = useSharedConflicts();
  if (!conflicts || conflicts.length === 0) return null;
  return (
    <section data-testid="centre-conflict-list">
      <h3>{t('conflictsTitle')}</h3>
      <p className="sources__muted">{t('conflictsHint')}</p>
      {conflicts.map((c) => (
        <ConflictItem key={c.id} conflict={c} />
      ))}
    </section>
  );
}

function ConflictItem({ conflict }: { conflict: SharedConflict }) {
  const t = useT(centreMessages);
  const [error, setError] = useState<string | null>(null);
  const kindLabel = conflict.kind === 'escalation' ? t('kindEscalation') : conflict.kind === 'information-request' ? t('kindInfoRequest') : t('kindOther');
  const rows = differences(conflict.mine, conflict.theirs.deleted ? null : conflict.theirs.body);
  const choose = (choice: 'mine' | 'theirs') =>
    resolveSharedConflict(getDb(), conflict.id, choice, newChangeId).then(
      () => syncNow(CENTRE_FEED_ID),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  return (
    <article className="sources__conflict" data-testid={`centre-conflict-${conflict.id}`}>
      <h4>
        {kindLabel} {conflict.id}
      </h4>
      <table className="sources__quality">
        <thead>
          <tr>
            <th />
            <th>{t('mine')}</th>
            <th>
              {t('theirs')}
              <br />
              <span className="sources__muted">{t('theirsBy', { who: conflict.theirs.updatedBy, version: conflict.theirs.version })}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {conflict.theirs.deleted ? (
            <tr>
              <td />
              <td />
              <td>{t('deleted')}</td>
            </tr>
          ) : null}
          {rows.map((r) => (
            <tr key={r.field}>
              <th>{r.field}</th>
              <td>{r.mine}</td>
              <td>{r.theirs}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? (
        <p role="alert" className="sources__error">
          {error}
        </p>
      ) : null}
      <div className="sources__action">
        <Button variant="primary" onClick={() => void choose('mine')} data-testid="centre-keep-mine">
          {t('keepMine')}
        </Button>
        <Button onClick={() => void choose('theirs')} data-testid="centre-take-theirs">
          {t('takeTheirs')}
        </Button>
      </div>
    </article>
  );
}
