/**
 * «Всплески обращений» on the overview: the current spike alerts (the same ones «Аналитика»
 * shows), each one line linking to exactly its appeals; alerts marked known there are left out
 * and counted. Computed from the analytic engine, re-run when an appeal write lands.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { DEFAULT_SPIKE_OPTIONS, spikeSentence } from '../../../shared/analytics/spikes';
import type { RegionPack } from '../../../shared/domain/region-pack';
import { isoToDayNumber, regionDay } from '../../../shared/domain/time';
import { registryHref } from '../../app/registry-filter';
import { controlNewHref } from '../../app/control-links';
import { loadSpikeAlerts, readKnownSpikes, spikeRegistryFilter, type SpikeAlert } from '../../analytics-engine/spike-alerts';
import { getDb } from '../../db/db';
import { useT } from '../../i18n';
import { Card } from '../../ui/Card';
import { Skeleton } from '../../ui/Skeleton';
import { overviewMessages } from './messages';

/** A compact card: the strongest few; the full list lives in «Аналитика». */
const SHOWN = 5;

type State = { alerts: SpikeAlert[]; error: null } | { alerts: null; error: string | null };

interface Props {
  pack: RegionPack;
  now: number;
  sector: string | null;
  /** The global municipality scope's ids; null for the whole region. */
  municipalities: readonly string[] | null;
}

export function SpikesCard({ pack, now, sector, municipalities }: Props) {
  const t = useT(overviewMessages);
  const version = useLiveQuery(async () => (await getDb().analyticsLog.orderBy('seq').last())?.seq ?? 0, [], 0);
  const known = useLiveQuery(() => readKnownSpikes(getDb()), [], undefined);
  const [state, setState] = useState<State>({ alerts: null, error: null });
  const today = isoToDayNumber(regionDay(now, pack.timeZone));
  useEffect(() => {
    let alive = true;
    const municipality = municipalities?.length === 1 ? municipalities[0]! : null;
    loadSpikeAlerts(getDb(), { sector, municipality, municipalities }, today).then(
      (alerts) => alive && setState({ alerts, error: null }),
      (error: unknown) => alive && setState({ alerts: null, error: String(error) }),
    );
    return () => {
      alive = false;
    };
  }, [sector, municipalities, today, version]);

  const ready = state.alerts !== null && known !== undefined;
  const place = (id: string) => pack.municipalities.find((m) => m.id === id)?.shortName ?? id;
  const fresh = ready ? state.alerts!.filter((a) => !known!.includes(a.key)) : [];
  const knownCount = ready ? state.alerts!.length - fresh.length : 0;
  return (
    <Card title={t('spikesTitle')} subtitle={t('spikesSubtitle')} ready={ready || state.error !== null} testId="overview-spikes">
      {state.error !== null ? (
        <p className="overview__error" data-testid="overview-spikes-error">
          {t('spikesUnavailable', { message: state.error })}
        </p>
      ) : !ready ? (
        <Skeleton height={20} lines={3} />
      ) : (
        <>
          {fresh.length === 0 ? (
            <p data-testid="overview-spikes-none">{t('spikesNone')}</p>
          ) : (
            <ul className="overview__spikes">
              {fresh.slice(0, SHOWN).map((a) => (
                <li key={a.key} data-testid="overview-spike">
                  <a href={registryHref(spikeRegistryFilter(a, sector))} title={t('linkTitle')}>
                    {spikeSentence(a.topic, place(a.municipality), a.spike, DEFAULT_SPIKE_OPTIONS.windowDays)}
                  </a>{' '}
                  <a
                    className="overview__muted"
                    href={controlNewHref('escalation', { spike: a.key, label: `${a.topic} · ${place(a.municipality)}`, municipality: a.municipality, sector })}
                    data-testid="overview-spike-escalate"
                  >
                    {t('spikeEscalate')}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <p className="overview__muted">
            {fresh.length > SHOWN ? `${t('spikesMore', { count: fresh.length - SHOWN })} ` : ''}
            {knownCount > 0 ? `${t('spikesKnown', { count: knownCount })} ` : ''}
            <a href="#/analytics">{t('spikesAll')}</a>
          </p>
        </>
      )}
    </Card>
  );
}
