/**
 * The wall's frame around every scene: title (what, for which period, focus), badges (demo,
 * pause, pin), a loud «Данные устарели» when sync is failing or the data is old, and the footer
 * with the quiet status line, the playlist position and the data age in the corner.
 */
import type { ReactNode } from 'react';
import { formatDate, formatDateTime, formatDayRange, formatTime } from '../../../shared/format/ru';
import { areaNarrows, type SceneId, type WallPeriodKind } from '../../../shared/wall';
import { useT } from '../../i18n';
import { wallMessages, type WallMessageKey } from './messages';
import type { WallRegion } from './region';
import type { WallScope } from './use-wall-scope';
import type { WallSyncStatus } from './use-wall-sync-status';

export const SCENE_TITLE: Record<SceneId, WallMessageKey> = {
  heatmap: 'sceneHeatmap',
  overdue: 'sceneOverdue',
  sectors: 'sceneSectors',
  dynamics: 'sceneDynamics',
  rating: 'sceneRating',
  spikes: 'sceneSpikes',
  roadmaps: 'sceneRoadmaps',
  indicators: 'sceneIndicators',
  control: 'sceneControl',
};

const PERIOD_LABEL: Record<Exclude<WallPeriodKind, 'custom'>, WallMessageKey> = {
  today: 'periodToday',
  week: 'periodWeek',
  month: 'periodMonth',
  quarter: 'periodQuarter',
  year: 'periodYear',
};

interface Props {
  scene: SceneId | null;
  scope: WallScope;
  region: WallRegion;
  paused: boolean;
  pinned: boolean;
  position: { index: number; count: number };
  status: WallSyncStatus;
  children: ReactNode;
}

export function focusName(scope: WallScope, region: WallRegion): string | null {
  if (!scope.focus) return null;
  if (scope.focus.kind === 'municipality') return region.shortNames.get(scope.focus.id) ?? scope.focus.id;
  return region.sectors.find((s) => s.id === scope.focus?.id)?.shortName ?? scope.focus.id;
}

/**
 * The presenter's area in the room's words («ЖКХ · Южный куст»), or null when it narrows nothing:
 * the footer names it on every scene so nobody reads a district's figures as the region's.
 */
export function areaName(scope: WallScope, region: WallRegion): string | null {
  const area = scope.area;
  if (!areaNarrows(area)) return null;
  const parts: string[] = [];
  if (area.sector) parts.push(region.sectors.find((s) => s.id === area.sector)?.shortName ?? area.sector);
  if (area.municipalities) {
    const { name, members } = area.municipalities;
    parts.push(members.length === 1 && members[0] !== undefined ? (region.shortNames.get(members[0]) ?? name) : name);
  }
  return parts.join(' · ');
}

export function WallFrame({ scene, scope, region, paused, pinned, position, status, children }: Props) {
  const t = useT(wallMessages);
  const periodText =
    scope.period.kind === 'custom'
      ? formatDayRange(scope.range.from, scope.range.to)
      : `${t(PERIOD_LABEL[scope.period.kind])}, ${formatDayRange(scope.range.from, scope.range.to)}`;
  const focus = focusName(scope, region);
  const area = areaName(scope, region);
  const sameDay = status.dataAsOf !== null && formatDate(status.dataAsOf, scope.timeZone) === formatDate(scope.now, scope.timeZone);
  const age =
    status.dataAsOf === null
      ? t('dataUnknown')
      : t('dataAsOf', { time: sameDay ? formatTime(status.dataAsOf, scope.timeZone) : formatDateTime(status.dataAsOf, scope.timeZone) });
  const stale = status.isStale || status.isFailing;

  return (
    <div className="wall" data-testid="wall" data-scene={scene ?? ''} data-focus={scope.focus ? `${scope.focus.kind}:${scope.focus.id}` : ''} data-area={area ?? ''} data-paused={String(paused)}>
      <header className="wall__header">
        <div className="wall__titles">
          <h1 className="wall__title" data-testid="wall-title">
            {scene ? t(SCENE_TITLE[scene]) : ''}
          </h1>
          <p className="wall__subtitle">
            {region.pack.name} · {periodText}
            {focus ? (
              <>
                {' · '}
                <span className="wall__focus" data-testid="wall-focus">
                  {t('focusPrefix', { name: focus })}
                </span>
              </>
            ) : null}
          </p>
        </div>
        <div className="wall__badges">
          {paused ? <span className="wall__badge">{t('paused')}</span> : null}
          {pinned ? <span className="wall__badge">{t('pinned')}</span> : null}
          {status.isDemo ? <span className="wall__badge wall__badge--demo">{t('demo')}</span> : null}
          {stale ? (
            <span className="wall__stale" role="status" data-testid="wall-stale">
              {status.isFailing && !status.isStale ? t('syncFailing') : t('stale')}
            </span>
          ) : null}
        </div>
      </header>
      <main className="wall__stage">{children}</main>
      <footer className="wall__footer">
        <span className="wall__status" data-testid="wall-status">
          {area ? (
            <span className="wall__area" data-testid="wall-area">
              {t('areaPrefix', { name: area })}
              {scope.selection.empty ? ` — ${t('areaEmpty')}` : ''}
              {status.note ? ' · ' : ''}
            </span>
          ) : null}
          {status.note ?? ''}
        </span>
        <span className="wall__dots" aria-hidden="true">
          {Array.from({ length: position.count }, (_, i) => (
            <span key={i} className={i === position.index ? 'wall__dot wall__dot--on' : 'wall__dot'} />
          ))}
        </span>
        <span className={stale ? 'wall__age wall__age--stale' : 'wall__age'} data-testid="wall-data-age" data-stale={String(stale)} data-syncing={String(status.isSyncing)} data-as-of={status.dataAsOf ?? ''}>
          {age}
        </span>
      </footer>
    </div>
  );
}
