import { formatDateTime } from '../../shared/format/ru';
import { useLang, useT } from '../i18n';
import { snapshotUrl, viewerSnapshot } from '../runtime/snapshots';
import { shellMessages } from './messages';

/**
 * Viewer mode's top bar: what the screen shows is a snapshot («Снимок от …, центр …, действует
 * до …»), read-only, whether it carries personal data or a demo signature, and the way out. Shown
 * on every screen of the operator window and on the wall.
 */
export function SnapshotBanner({ timeZone, variant = 'desk' }: { timeZone: string; variant?: 'desk' | 'wall' }) {
  const t = useT(shellMessages);
  const lang = useLang();
  const snapshot = viewerSnapshot();
  if (!snapshot) return null;
  return (
    <span className={`snapshot-banner snapshot-banner--${variant}`} data-testid="snapshot-banner" role="note">
      <span className="snapshot-banner__text">
        {t('viewerBanner', {
          dataAsOf: formatDateTime(snapshot.dataAsOf, timeZone, lang),
          centre: snapshot.centre,
          expiresAt: formatDateTime(snapshot.expiresAt, timeZone, lang),
        })}
        {variant === 'desk' ? ` · ${t('viewerReadOnly')}` : ''}
      </span>
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
