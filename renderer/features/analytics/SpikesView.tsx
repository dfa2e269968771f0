/**
 * Spikes over municipality × topic cells in the last 7 days: one Russian line per alert, a link to
 * its appeals in the registry, and a «known» mark kept in the settings table.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { DEFAULT_SPIKE_OPTIONS, spikeSentence } from '../../../shared/analytics/spikes';
import type { RegionPack } from '../../../shared/domain/region-pack';
import { dayNumberToIso, isoToDayNumber, regionDay } from '../../../shared/domain/time';
import { formatIsoDay } from '../../../shared/format/ru';
import { registryHref } from '../../app/registry-filter';
import { controlNewHref } from '../../app/control-links';
import { loadSpikeAlerts, readKnownSpikes, spikeRegistryFilter, toggleKnownSpike, type SpikeAlert } from '../../analytics-engine/spike-alerts';
import { getDb } from '../../db/db';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { analyticsMessages } from './messages';
import type { Scope } from './model';
import { useStoreVersion } from './queries';

export function SpikesView({ scope, now, pack }: { scope: Scope; now: number; pack: RegionPack }) {
  const t = useT(analyticsMessages);
  const version = useStoreVersion();
  const [alerts, setAlerts] = useState<SpikeAlert[] | null>(null);
  const known = useLiveQuery(() => readKnownSpikes(getDb()), [], [] as string[]);
  const today = isoToDayNumber(regionDay(now, pack.timeZone));
  useEffect(() => {
    let alive = true;
    void loadSpikeAlerts(getDb(), { sector: scope.sector, municipality: scope.municipality, municipalities: scope.municipalities ?? null }, today).then((list) => {
      if (alive) setAlerts(list);
    });
    return () => {
      alive = false;
    };
  }, [scope.sector, scope.municipality, scope.municipalities, today, version]);

  const toggle = (key: string) => toggleKnownSpike(getDb(), key);
  const place = (id: string) => pack.municipalities.find((m) => m.id === id)?.shortName ?? id;
  const windowDays = DEFAULT_SPIKE_OPTIONS.windowDays;
  return (
    <section className="analytics-spikes" data-testid="analytics-spikes" data-ready={alerts ? 'true' : 'false'}>
      <h2>{t('spikesTitle')}</h2>
      <p className="analytics-muted">{t('spikesHint', { min: DEFAULT_SPIKE_OPTIONS.minCount })}</p>
      {alerts && alerts.length === 0 ? <p data-testid="spikes-none">{t('noSpikes')}</p> : null}
      <ul>
        {(alerts ?? []).map((a) => {
          const end = dayNumberToIso(a.spike.endDay);
          const isKnown = known.includes(a.key);
          const href = registryHref(spikeRegistryFilter(a, scope.sector));
          return (
            <li key={a.key} className={isKnown ? 'analytics-spike--known' : undefined} data-testid="spike-alert">
              <span data-testid="spike-text">{spikeSentence(a.topic, place(a.municipality), a.spike, windowDays)}</span>{' '}
              <span className="analytics-muted">{t('spikeEnded', { day: formatIsoDay(end) })}</span>{' '}
              <a href={href} data-testid="spike-link">
                {t('openAppeals')}
              </a>{' '}
              <a
                href={controlNewHref('escalation', { spike: a.key, label: `${a.topic} · ${place(a.municipality)}`, municipality: a.municipality, sector: scope.sector })}
                data-testid="spike-escalate"
              >
                {t('spikeEscalate')}
              </a>{' '}
              {isKnown ? <span className="analytics-muted">({t('known')})</span> : null}{' '}
              <Button size="small" data-testid="spike-known" onClick={() => void toggle(a.key)}>
                {isKnown ? t('unmarkKnown') : t('markKnown')}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
