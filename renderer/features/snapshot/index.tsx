/**
 * «Снимки»: open a snapshot bundle from a drive (viewer mode), the snapshots kept on this computer,
 * this laptop's key and the trusted centres; at the centre, create a bundle (issue #18).
 */
import { useRegionPack } from '../../app/region';
import { parseHash, useHash } from '../../app/router';
import { useT } from '../../i18n';
import { canCreateSnapshot } from './can-create';
import { CreateSnapshot } from './CreateSnapshot';
import { InstalledList } from './InstalledList';
import { LaptopKeyCard, TrustedCentresCard } from './LaptopKeys';
import { snapshotMessages } from './messages';
import { OpenSnapshot } from './OpenSnapshot';
import './snapshot.css';

export default function SnapshotScreen() {
  const t = useT(snapshotMessages);
  const pack = useRegionPack();
  const route = parseHash(useHash());
  const expired = route.query.get('expired') === '1';
  return (
    <div className="stack snapshot-screen" data-testid="snapshot-screen" data-ready="true">
      <h1>{t('title')}</h1>
      {expired ? (
        <p role="alert" className="snapshot-error" data-testid="snapshot-expired">
          {t('expiredNotice')}
        </p>
      ) : null}
      <OpenSnapshot timeZone={pack.timeZone} />
      <InstalledList timeZone={pack.timeZone} />
      <LaptopKeyCard />
      <TrustedCentresCard />
      {canCreateSnapshot() ? <CreateSnapshot /> : null}
    </div>
  );
}
