/**
 * Presenter control: what the wall shows now, previous/next, pause, show or pin a scene, focus
 * a municipality or a sector (every scene follows), the period and the heat-map measure.
 * Commands go over the `cur-wall` channel; the wall applies them within its next tick.
 */
import { useEffect, useMemo, useState } from 'react';
import { HEAT_MEASURES, PERIOD_PRESETS, SCENE_IDS, sameArea, type HeatMeasure, type SceneId, type WallPeriodKind } from '../../../shared/wall';
import { useGlobalFilters } from '../../app/filters-store';
import { useMunicipalityScope } from '../../app/municipality-scope';
import { useRegionPack } from '../../app/region';
import { sectorsOf } from '../../../shared/domain/sectors';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { useT } from '../../i18n';
import { wallControlMessages, type WallControlKey } from './messages';
import { areaOfFilters } from './area';
import { connectPresenter, sendToWall, usePresenterStore } from './presenter';
import { saveMeasure } from './queries';

export const SCENE_LABEL: Record<SceneId, WallControlKey> = {
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

const PERIOD_LABEL: Record<Exclude<WallPeriodKind, 'custom'>, WallControlKey> = {
  today: 'periodToday',
  week: 'periodWeek',
  month: 'periodMonth',
  quarter: 'periodQuarter',
  year: 'periodYear',
};

const MEASURE_LABEL: Record<HeatMeasure, WallControlKey> = {
  per10k: 'measurePer10k',
  overdue: 'measureOverdue',
  overdueShare: 'measureOverdueShare',
  growth: 'measureGrowth',
  satisfaction: 'measureSatisfaction',
};

/** An announcement older than this means the wall is closed or frozen. */
const SILENT_AFTER_MS = 5000;

export function PresenterCard() {
  const t = useT(wallControlMessages);
  const pack = useRegionPack();
  const wall = usePresenterStore((s) => s.wall);
  const heardAt = usePresenterStore((s) => s.heardAt);
  const [scene, setScene] = useState<SceneId>('heatmap');
  const [clock, setClock] = useState(() => performance.now());

  useEffect(() => connectPresenter(), []);
  useEffect(() => {
    const id = window.setInterval(() => setClock(performance.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  // Ask again while silent: a wall opened after this screen answers the next hello.
  useEffect(() => {
    if (heardAt === null || clock - heardAt > SILENT_AFTER_MS) sendToWall({ type: 'hello' });
  }, [clock, heardAt]);

  // «Показывать»: the whole region, or the top bar's sector and municipalities — followed while chosen.
  const globalSector = useGlobalFilters((s) => s.sector);
  const municipalityScope = useMunicipalityScope();
  const filtersArea = useMemo(
    () => areaOfFilters(globalSector, municipalityScope, (id) => pack.municipalities.find((m) => m.id === id)?.name ?? id),
    [globalSector, municipalityScope, pack],
  );
  const followsFilters = wall?.area != null;
  useEffect(() => {
    if (followsFilters && !sameArea(wall?.area ?? null, filtersArea)) sendToWall({ type: 'area', area: filtersArea });
  }, [followsFilters, wall?.area, filtersArea]);
  const filtersAreaName = [
    filtersArea.sector ? (sectorsOf(pack).find((s) => s.id === filtersArea.sector)?.shortName ?? filtersArea.sector) : null,
    filtersArea.municipalities?.name ?? null,
  ]
    .filter(Boolean)
    .join(' · ');

  const silent = wall === null || heardAt === null || clock - heardAt > SILENT_AFTER_MS + 2000;
  const focusValue = wall?.focus ? `${wall.focus.kind}:${wall.focus.id}` : '';
  const sectors = sectorsOf(pack);

  const setFocus = (value: string) => {
    if (!value) return sendToWall({ type: 'focus', focus: null });
    const [kind, ...rest] = value.split(':');
    const id = rest.join(':');
    if (kind === 'municipality' || kind === 'sector') sendToWall({ type: 'focus', focus: { kind, id } });
  };

  const remaining = wall?.remainingMs != null ? Math.ceil(wall.remainingMs / 1000) : null;
  return (
    <Card title={t('presenter')} subtitle={t('keyboardHint')} ready={!silent} testId="wall-control-presenter">
      <p role="status" data-testid="wall-control-state" data-scene={wall?.scene ?? ''} data-silent={String(silent)}>
        {silent
          ? t('wallSilent')
          : [
              t('wallState', { scene: wall?.scene ? t(SCENE_LABEL[wall.scene]) : '—' }),
              wall?.paused ? t('wallPaused') : null,
              wall?.pinned ? t('wallPinned') : null,
              remaining !== null && !wall?.paused ? t('wallRemaining', { seconds: remaining }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
      </p>
      <div className="wall-control__row">
        <Button onClick={() => sendToWall({ type: 'previous' })} data-testid="wall-prev">
          {t('previous')}
        </Button>
        <Button onClick={() => sendToWall({ type: 'pause', paused: !wall?.paused })} data-testid="wall-pause">
          {wall?.paused ? t('resume') : t('pause')}
        </Button>
        <Button onClick={() => sendToWall({ type: 'next' })} data-testid="wall-next">
          {t('next')}
        </Button>
      </div>
      <div className="wall-control__row">
        <label>
          {t('scene')}{' '}
          <select value={scene} onChange={(e) => setScene(e.target.value as SceneId)} data-testid="wall-scene-select">
            {SCENE_IDS.map((id) => (
              <option key={id} value={id}>
                {t(SCENE_LABEL[id])}
              </option>
            ))}
          </select>
        </label>
        <Button onClick={() => sendToWall({ type: 'show', scene })}>{t('show')}</Button>
        {wall?.pinned ? (
          <Button onClick={() => sendToWall({ type: 'pin', scene: null })} data-testid="wall-unpin">
            {t('unpin')}
          </Button>
        ) : (
          <Button onClick={() => sendToWall({ type: 'pin', scene })} data-testid="wall-pin">
            {t('pin')}
          </Button>
        )}
      </div>
      <div className="wall-control__row">
        <label>
          {t('area')}{' '}
          <select
            value={followsFilters ? 'filters' : 'region'}
            onChange={(e) => sendToWall({ type: 'area', area: e.target.value === 'filters' ? filtersArea : null })}
            data-testid="wall-area-select"
          >
            <option value="region">{t('areaRegion')}</option>
            <option value="filters">{t('areaFilters')}</option>
          </select>
        </label>
        <span className="wall-control__hint" data-testid="wall-area-hint">
          {followsFilters ? t('areaHint', { name: filtersAreaName || t('areaRegion') }) : t('areaHintRegion')}
        </span>
      </div>
      <div className="wall-control__row">
        <label>
          {t('focus')}{' '}
          <select value={focusValue} onChange={(e) => setFocus(e.target.value)} data-testid="wall-focus-select">
            <option value="">{t('focusNone')}</option>
            <optgroup label={t('focusMunicipality')}>
              {[...pack.municipalities]
                .sort((a, b) => a.name.localeCompare(b.name, 'ru'))
                .map((m) => (
                  <option key={m.id} value={`municipality:${m.id}`}>
                    {m.name}
                  </option>
                ))}
            </optgroup>
            <optgroup label={t('focusSector')}>
              {sectors.map((s) => (
                <option key={s.id} value={`sector:${s.id}`}>
                  {s.shortName}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <Button onClick={() => sendToWall({ type: 'focus', focus: null })} disabled={!wall?.focus}>
          {t('clearFocus')}
        </Button>
      </div>
      <div className="wall-control__row">
        <label>
          {t('period')}{' '}
          <select
            value={wall?.period.kind === 'custom' ? '' : (wall?.period.kind ?? 'month')}
            onChange={(e) => sendToWall({ type: 'period', period: { kind: e.target.value as Exclude<WallPeriodKind, 'custom'> } })}
            data-testid="wall-period-select"
          >
            {PERIOD_PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(PERIOD_LABEL[p])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('measure')}{' '}
          <select
            value={wall?.measure ?? 'per10k'}
            onChange={(e) => {
              const measure = e.target.value as HeatMeasure;
              sendToWall({ type: 'measure', measure });
              void saveMeasure(measure);
            }}
            data-testid="wall-measure-select"
          >
            {HEAT_MEASURES.map((m) => (
              <option key={m} value={m}>
                {t(MEASURE_LABEL[m])}
              </option>
            ))}
          </select>
        </label>
      </div>
    </Card>
  );
}
