/**
 * «Источники»: every sync source with its state a person can read (last success, data age, last
 * error in Russian, records pulled, progress), «Синхронизировать сейчас», cancel, schedule, the
 * actions a stopped source needs (new token, full reload), HTTP feed configuration and data quality.
 */
import { getBootOptions } from '../../runtime/boot-options';
import { useRegionPack } from '../../app/region';
import { useT } from '../../i18n';
import { syncNow } from '../../sync';
import { useSyncStatus } from '../../sync/use-sync-status';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { CentreSection } from './CentreSection';
import { FeedsSection } from './FeedsSection';
import { sourcesMessages } from './messages';
import { QualitySection } from './QualitySection';
import { useIntervals } from './queries';
import { SourceCard } from './SourceCard';
import { WatchRootsSection } from './WatchRootsSection';
import { DEFAULT_INTERVAL_MS } from '../../sync/scheduler';
import './sources.css';

export default function SourcesScreen() {
  const t = useT(sourcesMessages);
  const pack = useRegionPack();
  const sync = useSyncStatus();
  const intervals = useIntervals();
  const ready = intervals !== undefined;
  const expectsDemo = getBootOptions().demo;
  return (
    <div className="sources" data-testid="sources-screen" data-ready={String(ready)}>
      <header className="sources__header">
        <div>
          <h1>{t('title')}</h1>
          <p className="sources__muted">{t('subtitle')}</p>
        </div>
        {sync.sources.length > 1 ? <Button onClick={() => syncNow()}>{t('syncAll')}</Button> : null}
      </header>
      {sync.sources.length === 0 && !expectsDemo ? <EmptyState title={t('noSources')} hint={t('noSourcesHint')} /> : null}
      <div className="sources__list">
        {ready
          ? sync.sources.map((s) => (
              <SourceCard
                key={s.id}
                status={s}
                timeZone={pack.timeZone}
                intervalMin={intervals[s.id] ?? Math.round((s.intervalMs ?? DEFAULT_INTERVAL_MS) / 60_000)}
              />
            ))
          : null}
      </div>
      <CentreSection timeZone={pack.timeZone} />
      <FeedsSection />
      <WatchRootsSection />
      <QualitySection />
    </div>
  );
}
