/**
 * Scene «Дорожные карты»: each roadmap's progress (measures done of total, late ones in red) and
 * the measured effect of the roadmap as a whole against last year, in words a room can read.
 * Titles, topics and counts only — no person is named, no appeal shown. A sector focus shows that
 * block's roadmaps; a municipality focus those covering it (or the whole region).
 */
import { useEffect, useState } from 'react';
import { formatIsoDay } from '../../../../shared/domain/ru-text';
import { isoToDayNumber } from '../../../../shared/domain/time';
import { formatPercent } from '../../../../shared/format/ru';
import { roadmapProgress } from '../../../../shared/roadmap/model';
import { roadmapEffectDay, sliceEffect } from '../../../../shared/roadmap/slice';
import type { EffectVerdict } from '../../../../shared/roadmap/effect';
import { concernsSelection } from '../../../../shared/wall';
import { getAnalyticsEngine } from '../../../analytics-engine/engine';
import { getDb } from '../../../db/db';
import { listMeasures, listRoadmaps } from '../../../db/roadmaps-repo';
import { useT } from '../../../i18n';
import { useSceneData } from '../use-scene-data';
import { controlLoopWallMessages } from './control-loop-messages';
import type { SceneProps } from './types';
import './control-loop.css';

/** Rows readable from the back of the room. */
const TOP = 5;

export function RoadmapsScene({ scope }: SceneProps) {
  const t = useT(controlLoopWallMessages);
  const data = useSceneData(async (db) => ({ roadmaps: await listRoadmaps(db), measures: await listMeasures(db) }), [], 'roadmaps');
  const [effects, setEffects] = useState<Map<string, EffectVerdict> | null>(null);
  const shown = (data?.roadmaps ?? []).filter((r) => concernsSelection(scope.selection, r.sector, r.municipalities)).slice(0, TOP);
  const key = shown.map((r) => `${r.id}:${r.version}`).join(',') + (data?.measures.map((m) => `${m.id}:${m.version}`).join(',') ?? '');
  useEffect(() => {
    if (!data) return;
    let alive = true;
    getAnalyticsEngine(getDb())
      .store()
      .then(
        (store) => {
          const out = new Map<string, EffectVerdict>();
          for (const r of shown) {
            const day = roadmapEffectDay(data.measures.filter((m) => m.roadmapId === r.id));
            if (day) out.set(r.id, sliceEffect(store, { topics: r.topics, municipalities: r.municipalities }, isoToDayNumber(day), isoToDayNumber(scope.today), 'last-year').verdict);
          }
          if (alive) setEffects(out);
        },
        () => alive && setEffects(new Map()),
      );
    return () => {
      alive = false;
    };
    // `key` stands for the roadmaps and measures shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, scope.today]);

  if (!data) return <div className="wall-empty" data-testid="wall-scene-roadmaps" data-ready="false">{t('loading')}</div>;
  if (shown.length === 0) return <div className="wall-empty" data-testid="wall-scene-roadmaps" data-ready="true">{t('noRoadmaps')}</div>;

  const effectText = (v: EffectVerdict | undefined): { text: string; tone: string } => {
    if (!v) return { text: effects ? t('effectPending') : t('indexLoading'), tone: 'wall-muted' };
    if (v.kind === 'decrease') return { text: t('effectDown', { change: `−${formatPercent(-v.estimate.change, 0)}` }), tone: 'wall-tone-ok' };
    if (v.kind === 'increase') return { text: t('effectUp', { change: formatPercent(v.estimate.change, 0) }), tone: 'wall-tone-overdue' };
    if (v.kind === 'no-effect') return { text: t('effectNone'), tone: 'wall-muted' };
    return { text: t('effectPending'), tone: 'wall-muted' };
  };

  return (
    <div className="wall-roadmaps" data-testid="wall-scene-roadmaps" data-ready={effects ? 'true' : 'false'}>
      {shown.map((r) => {
        const p = roadmapProgress(data.measures.filter((m) => m.roadmapId === r.id), scope.today);
        const effect = effectText(effects?.get(r.id));
        return (
          <section key={r.id} className="wall-panel wall-panel--auto wall-roadmap" data-testid="wall-roadmap">
            <h2 className="wall-panel__title wall-roadmap__title">{r.title}</h2>
            <div className="wall-roadmap__target wall-muted">{t('target', { percent: r.target.reductionPercent, day: formatIsoDay(r.target.byDay) })}</div>
            <div className="wall-roadmap__bar" aria-hidden="true">
              <span className="wall-roadmap__done" style={{ width: p.total ? `${(p.done / p.total) * 100}%` : '0' }} />
              <span className="wall-roadmap__late" style={{ width: p.total ? `${(p.overdue / p.total) * 100}%` : '0' }} />
            </div>
            <div className="wall-roadmap__facts">
              <span>{p.total ? t('progress', { done: p.done, total: p.total }) : t('noMeasures')}</span>
              {p.overdue > 0 ? <span className="wall-tone-overdue">{t('overdue', { count: p.overdue })}</span> : null}
              <span className={effect.tone} data-testid="wall-roadmap-effect">
                {effect.text}
              </span>
            </div>
          </section>
        );
      })}
    </div>
  );
}
