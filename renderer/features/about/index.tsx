/** About: version, shell, region pack and the state of every data source. */
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../../shared/format/ru';
import { useRegionPack } from '../../app/region';
import { useLang, useT, type Locale } from '../../i18n';
import { syncErrorText } from '../../i18n/sync-errors';
import { platform, type AppInfo } from '../../platform';
import { useSyncStatus, type SourceStatus } from '../../sync/use-sync-status';
import { Card } from '../../ui/Card';
import { Skeleton } from '../../ui/Skeleton';
import { Table } from '../../ui/Table';
import { aboutMessages } from './messages';

type T = ReturnType<typeof useT<keyof (typeof aboutMessages)['ru']>>;

function shellText(info: AppInfo, t: T): string {
  if (info.shell === 'electron') return t('shellElectron', { electron: info.electronVersion ?? '?', chrome: info.chromeVersion ?? '?' });
  return info.chromeVersion ? t('shellBrowser', { chrome: info.chromeVersion }) : t('shellBrowserOther');
}

function sourceState(s: SourceStatus, t: T, lang: Locale): string {
  if (s.lastError) return t('stateError', { error: syncErrorText(s.lastError, lang) });
  if (s.running) return t('stateRunning');
  if (s.isStale) return t('stateStale');
  if (s.isDemo) return t('stateDemo');
  return t('stateOk');
}

export default function AboutScreen() {
  const t = useT(aboutMessages);
  const lang = useLang();
  const pack = useRegionPack();
  const sync = useSyncStatus();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    void platform.getAppInfo().then((value) => {
      if (live) setInfo(value);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <div className="stack" data-testid="about" data-ready={String(info !== null)}>
      <Card title={t('product')} subtitle={t('productHint')}>
        {info ? (
          <dl className="dl">
            <dt>{t('version')}</dt>
            <dd data-testid="about-version">{info.version}</dd>
            <dt>{t('shell')}</dt>
            <dd data-testid="about-shell">{shellText(info, t)}</dd>
            <dt>{t('os')}</dt>
            <dd>{info.os}</dd>
            <dt>{t('region')}</dt>
            <dd>{t('regionValue', { name: pack.name, version: pack.version })}</dd>
          </dl>
        ) : (
          <Skeleton lines={4} />
        )}
      </Card>
      <Card title={t('sources')} testId="about-sources">
        {sync.sources.length === 0 ? (
          <p>{t('sourcesEmpty')}</p>
        ) : (
          <Table
            columns={[
              { key: 'label', header: t('sourceColumn') },
              { key: 'state', header: t('stateColumn'), cell: (s: SourceStatus) => sourceState(s, t, lang) },
              { key: 'age', header: t('ageColumn'), cell: (s: SourceStatus) => formatDateTime(s.dataAsOf, pack.timeZone, lang) },
            ]}
            rows={sync.sources}
            rowKey={(s) => s.id}
          />
        )}
      </Card>
      {pack.attribution.length > 0 ? (
        <Card title={t('attribution')}>
          <ul>
            {pack.attribution.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
