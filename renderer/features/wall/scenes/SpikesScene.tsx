/**
 * Scene «Всплески»: the strongest current spikes of appeals by municipality and topic (the same
 * alerts as «Аналитика» and «Обзор»), one large row each: topic and place, the count in the
 * window against the usual level, and how many times more. Topics and places only, no
 * personal data. While the analytic index loads in this window the scene says so; if it cannot
 * be computed the scene says that too (never a dialog).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { DEFAULT_SPIKE_OPTIONS } from '../../../../shared/analytics/spikes';
import { isoToDayNumber } from '../../../../shared/domain/time';
import { formatNumber } from '../../../../shared/format/ru';
import { loadSpikeAlerts, readKnownSpikes, SPIKE_LOOKBACK_DAYS, type SpikeAlert } from '../../../analytics-engine/spike-alerts';
import { getDb } from '../../../db/db';
import { useT } from '../../../i18n';
import { wallMessages } from '../messages';
import { useSceneData } from '../use-scene-data';
import type { SceneProps } from './types';

/** Rows that stay readable from the back of the room. */
const TOP = 6;

type State = { alerts: SpikeAlert[]; failed: false } | { alerts: null; failed: boolean };

export function SpikesScene({ scope, region }: SceneProps) {
  const t = useT(wallMessages);
  // The change log's last entry: re-computes after a sync or import, throttled like every scene.
  const version = useSceneData(async (db) => (await db.analyticsLog.orderBy('seq').last())?.seq ?? 0, [], 'analytics-log');
  const known = useLiveQuery(() => readKnownSpikes(getDb()), [], undefined);
  const [state, setState] = useState<State>({ alerts: null, failed: false });
  const today = isoToDayNumber(scope.today);
  const sector = scope.filter.sector ?? null;
  // The presenter's area and focus (one municipality is a set of one; [] matches nothing).
  const membersKey = scope.filter.municipalities ? scope.filter.municipalities.join(',') : null;
  useEffect(() => {
    if (version === undefined) return;
    let alive = true;
    const municipalities = membersKey === null ? null : membersKey.split(',').filter(Boolean);
    loadSpikeAlerts(getDb(), { sector, municipality: null, municipalities }, today).then(
      (alerts) => alive && setState({ alerts, failed: false }),
      () => alive && setState({ alerts: null, failed: true }),
    );
    return () => {
      alive = false;
    };
  }, [sector, membersKey, today, version]);

  if (state.failed) {
    return (
      <div className="wall-empty" data-testid="wall-scene-spikes" data-ready="true">
        {t('spikesUnavailable')}
      </div>
    );
  }
  if (!state.alerts || known === undefined) {
    return (
      <div className="wall-empty" data-testid="wall-scene-spikes" data-ready="false">
        {t('spikesLoading')}
      </div>
    );
  }
  // Alerts not yet marked known first; known ones stay visible but quiet.
  const ordered = [...state.alerts.filter((a) => !known.includes(a.key)), ...state.alerts.filter((a) => known.includes(a.key))];
  const shown = ordered.slice(0, TOP);
  const place = (id: string) => region.shortNames.get(id) ?? id;
  const windowDays = DEFAULT_SPIKE_OPTIONS.windowDays;
  return (
    <div className="wall-spikes" data-testid="wall-scene-spikes" data-ready="true">
      <p className="wall-spikes__hint wall-muted">{t('spikesHint', { window: windowDays, days: SPIKE_LOOKBACK_DAYS })}</p>
      {shown.length === 0 ? (
        <div className="wall-empty" data-testid="wall-spikes-none">
          {t('spikesNone')}
        </div>
      ) : (
        <ol className="wall-spikes__list">
          {shown.map((a) => {
            const isKnown = known.includes(a.key);
            return (
              <li key={a.key} className={isKnown ? 'wall-spikes__row wall-spikes__row--known' : 'wall-spikes__row'} data-testid="wall-spike-row">
                <span className="wall-spikes__what">
                  <span className="wall-spikes__topic">{a.topic}</span>
                  <span className="wall-spikes__place wall-muted">
                    {place(a.municipality)}
                    {isKnown ? ` · ${t('spikeKnown')}` : ''}
                  </span>
                </span>
                <span className="wall-spikes__count">
                  <span className="wall-number wall-tone-overdue">{formatNumber(a.spike.observed)}</span>
                  <span className="wall-spikes__usual wall-muted">{t('spikeUsual', { usual: formatNumber(a.spike.expected, 1) })}</span>
                </span>
                <span className="wall-number wall-spikes__ratio wall-tone-risk">×{formatNumber(a.spike.ratio, 1)}</span>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
