/**
 * Spikes over municipality × topic cells in the last 7 days: one Russian line per alert, a link to
 * its appeals in the registry, and a «known» mark kept in the settings table.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { DEFAULT_SPIKE_OPTIONS, detectSpikes, episodes, spikeSentence, type Spike } from '../../../shared/analytics/spikes';
import { municipalityTopicSeries } from '../../../shared/analytics/series';
import type { RegionPack } from '../../../shared/domain/region-pack';
import { addCalendarDays, dayNumberToIso, isoToDayNumber, regionDay } from '../../../shared/domain/time';
import { formatIsoDay } from '../../../shared/format/ru';
import { registryHref } from '../../app/registry-filter';
import { getAnalyticsEngine } from '../../analytics-engine/engine';
import { getDb } from '../../db/db';
import { getSetting, setSetting } from '../../db/settings-repo';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { analyticsMessages } from './messages';
import { effectiveFilters, DEFAULT_SPEC, type Scope } from './model';
import { useStoreVersion } from './queries';

export const KNOWN_SPIKES_KEY = 'analytics.knownSpikes';
const LOOKBACK_DAYS = 7;

interface Alert {
  key: string;
  municipality: string;
  topic: string;
  spike: Spike;
}

function spikeKey(municipality: string, topic: string, endDay: number): string {
  return `${municipality}|${topic}|${dayNumberToIso(endDay)}`;
}

export function SpikesView({ scope, now, pack }: { scope: Scope; now: number; pack: RegionPack }) {
  const t = useT(analyticsMessages);
  const version = useStoreVersion();
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const known = useLiveQuery(() => getSetting<string[]>(getDb(), KNOWN_SPIKES_KEY, []), [], [] as string[]);
  const today = isoToDayNumber(regionDay(now, pack.timeZone));
  useEffect(() => {
    let alive = true;
    void getAnalyticsEngine(getDb())
      .store()
      .then((store) => {
        const o = DEFAULT_SPIKE_OPTIONS;
        const fromDay = today - LOOKBACK_DAYS - o.windowDays - o.baselineDays;
        const series = municipalityTopicSeries(store, effectiveFilters(DEFAULT_SPEC, scope), fromDay, today);
        const ends = Array.from({ length: LOOKBACK_DAYS }, (_, i) => series.days - 1 - i);
        const found = episodes(detectSpikes(series, ends));
        const nTopics = series.topics.length;
        const list = found.map((spike) => {
          const municipality = series.municipalities[Math.floor(spike.cell / nTopics)]!;
          const topic = series.topics[spike.cell % nTopics]!;
          return { key: spikeKey(municipality, topic, spike.endDay), municipality, topic, spike };
        });
        if (alive) setAlerts(list);
      });
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scope.sector, scope.municipality, today, version]);

  const toggle = async (key: string) => {
    const db = getDb();
    const list = await getSetting<string[]>(db, KNOWN_SPIKES_KEY, []);
    await setSetting(db, KNOWN_SPIKES_KEY, list.includes(key) ? list.filter((k) => k !== key) : [...list, key].slice(-500));
  };
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
          const from = addCalendarDays(end, -(windowDays - 1));
          const isKnown = known.includes(a.key);
          const href = registryHref({ from, to: end, municipality: a.municipality, category: a.topic, ...(scope.sector ? { sector: scope.sector } : {}) });
          return (
            <li key={a.key} className={isKnown ? 'analytics-spike--known' : undefined} data-testid="spike-alert">
              <span data-testid="spike-text">{spikeSentence(a.topic, place(a.municipality), a.spike, windowDays)}</span>{' '}
              <span className="analytics-muted">{t('spikeEnded', { day: formatIsoDay(end) })}</span>{' '}
              <a href={href} data-testid="spike-link">
                {t('openAppeals')}
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
