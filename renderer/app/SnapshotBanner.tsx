import { formatDateTime, formatNumber } from '../../shared/format/ru';
import { useLang, useT } from '../i18n';
import { snapshotUrl, viewerSnapshot } from '../runtime/snapshots';
import { shellMessages } from './messages';
import { useSnapshotRows } from './snapshot-load';

/**
 * Viewer mode's top bar: what the screen shows is a snapshot («Снимок от …, центр …, действует
 * до …»), read-only, whether it carries personal data or a demo signature, and the way out. Shown
 * on every screen of the operator window and on the wall.
 */
export function SnapshotBanner({ timeZone, variant = 'desk' }: { timeZone: string; variant?: 'desk' | 'wall' }) {
  const t = useT(shellMessages);
  const lang = useLang();
  const rows = useSnapshotRows();
  const snapshot = viewerSnapshot();
  if (!snapshot) return null;
  // Rows still to load (this window loads them; the description says so until they are in).
  const loading = rows.progress !== null || (snapshot.rowsPending && rows.error === null);
  return (
    <span className={`snapshot-banner snapshot-banner--${variant}`} data-testid="snapshot-banner" data-rows={loading ? 'loading' : 'complete'} role="note">
      <span className="snapshot-banner__text">
        {t('viewerBanner', {
          dataAsOf: formatDateTime(snapshot.dataAsOf, timeZone, lang),
          centre: snapshot.centre,
          expiresAt: formatDateTime(snapshot.expiresAt, timeZone, lang),
        })}
        {variant === 'desk' ? ` · ${t('viewerReadOnly')}` : ''}
      </span>
      {rows.progress ? (
        <span className="snapshot-banner__rows" data-testid="snapshot-rows-progress">
          <progress max={Math.max(rows.progress.total, 1)} value={rows.progress.done} aria-label={t('viewerRowsLoading')} />
          {t('viewerRows', { done: formatNumber(rows.progress.done, 0, lang), total: formatNumber(rows.progress.total, 0, lang) })}
        </span>
      ) : null}
      {rows.error ? <span className="snapshot-banner__personal">{t('viewerRowsFailed', { error: rows.error })}</span> : null}
      {snapshot.withPersonalData ? (
        <span className="snapshot-banner__personal" data-testid="snapshot-personal" title={t('viewerPersonalTitle', { reason: snapshot.personalDataReason ?? '—' })}>
          {t('viewerPersonal')}
        </span>
      ) : null}
      {snapshot.demoKey ? <span className="demo-badge">{t('viewerDemoKey')}</span> : null}
      {variant === 'desk' ? (
        <a className="snapshot-banner__close" href={snapshotUrl(null, '#/snapshots')} data-testid="snapshot-close">
          {t('viewerClose')}
        </a>
      ) : null}
    </span>
  );
}
