/**
 * «Аналитика»: the analysts' workspace over the columnar index — pivot analysis, trends with a
 * forecast, and spikes by municipality and topic. The global period, sector and municipality
 * scope apply to every view.
 */
import { useMemo, useState } from 'react';
import { useGlobalFilters } from '../../app/filters-store';
import { useMunicipalityScope, useScopeMembers } from '../../app/municipality-scope';
import { useRegionPack } from '../../app/region';
import { useAppNow } from '../../app/use-app-now';
import { useSyncStatus } from '../../sync/use-sync-status';
import { useT } from '../../i18n';
import { analyticsMessages } from './messages';
import { DEFAULT_SPEC, type AnalysisSpec, type Scope } from './model';
import { PivotView } from './PivotView';
import { TrendView } from './TrendView';
import { SpikesView } from './SpikesView';
import { DecomposeView } from './DecomposeView';
import './analytics.css';

type Tab = 'pivot' | 'trend' | 'spikes' | 'other';

export default function AnalyticsScreen() {
  const t = useT(analyticsMessages);
  const pack = useRegionPack();
  const now = useAppNow();
  const period = useGlobalFilters((s) => s.period);
  const sector = useGlobalFilters((s) => s.sector);
  const members = useScopeMembers();
  const municipalityScope = useMunicipalityScope();
  const groupName = municipalityScope.kind === 'group' ? municipalityScope.name : null;
  const sync = useSyncStatus();
  const [tab, setTab] = useState<Tab>('pivot');
  const [spec, setSpec] = useState<AnalysisSpec>(DEFAULT_SPEC);
  const scope: Scope = useMemo(
    () => ({ from: period.from, to: period.to, sector, municipality: members?.length === 1 && !groupName ? members[0]! : null, municipalities: members, groupName }),
    [period.from, period.to, sector, members, groupName],
  );
  return (
    <section className="analytics" data-testid="analytics-screen">
      <h1>{t('title')}</h1>
      <div role="tablist" className="analytics-tabs">
        {(['pivot', 'trend', 'spikes', 'other'] as const).map((id) => (
          <button
            key={id}
            role="tab"
            type="button"
            aria-selected={tab === id}
            data-testid={`analytics-tab-${id}`}
            className={tab === id ? 'analytics-tab analytics-tab--active' : 'analytics-tab'}
            onClick={() => setTab(id)}
          >
            {t(id === 'pivot' ? 'tabPivot' : id === 'trend' ? 'tabTrend' : id === 'spikes' ? 'tabSpikes' : 'tabOther')}
          </button>
        ))}
      </div>
      {tab === 'pivot' ? <PivotView spec={spec} onSpec={setSpec} scope={scope} now={now} pack={pack} dataAsOf={sync.dataAsOf} /> : null}
      {tab === 'trend' ? <TrendView scope={scope} now={now} pack={pack} /> : null}
      {tab === 'spikes' ? <SpikesView scope={scope} now={now} pack={pack} /> : null}
      {tab === 'other' ? <DecomposeView scope={scope} now={now} pack={pack} /> : null}
    </section>
  );
}
