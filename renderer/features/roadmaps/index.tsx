/**
 * «Дорожные карты»: the list of roadmaps with their progress (late measures flagged), a roadmap's
 * goal and target, its measures with their states, and the effect panel. Routes:
 * `#/roadmaps`, `#/roadmaps/new`, `#/roadmaps/<id>`, `#/roadmaps/<id>/edit`, `?effect=<measureId>`.
 */
import { useState } from 'react';
import { sectorsOf } from '../../../shared/domain/sectors';
import { formatIsoDay } from '../../../shared/format/ru';
import { roadmapProgress, type Roadmap, type RoadmapMeasure } from '../../../shared/roadmap/model';
import { useAppNow } from '../../app/use-app-now';
import { useRegionPack } from '../../app/region';
import { navigate, parseHash, useHash } from '../../app/router';
import { getDb } from '../../db/db';
import { removeRoadmap, VersionConflictError } from '../../db/roadmaps-repo';
import { now } from '../../runtime/clock';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { Skeleton } from '../../ui/Skeleton';
import { useT } from '../../i18n';
import { EffectPanel } from './EffectPanel';
import { writeErrorText } from './errors';
import { MeasureEditor } from './MeasureEditor';
import { MeasureRow } from './MeasureRow';
import { roadmapMessages } from './messages';
import { RoadmapEditor } from './RoadmapEditor';
import { todayOf, useRoadmapsData } from './queries';
import { useSignedInName } from '../../ui/SignedInAuthor';
import './roadmaps.css';

const href = (id?: string, tail = '') => `#/roadmaps${id ? `/${encodeURIComponent(id)}` : ''}${tail}`;

function ProgressBar({ measures, today }: { measures: RoadmapMeasure[]; today: string }) {
  const t = useT(roadmapMessages);
  const p = roadmapProgress(measures, today);
  if (p.total === 0) return <span className="roadmaps__muted">{t('noMeasures')}</span>;
  return (
    <span className="roadmaps__progress">
      <span className="roadmaps__bar" aria-hidden="true">
        <span className="roadmaps__bar-done" style={{ width: `${(p.done / p.total) * 100}%` }} />
        <span className="roadmaps__bar-overdue" style={{ width: `${(p.overdue / p.total) * 100}%` }} />
      </span>
      <span>{t('progress', { done: p.done, total: p.total })}</span>
      {p.overdue > 0 ? (
        <span className="roadmaps__state roadmaps__state--overdue" data-testid="rm-overdue-count">
          {t('overdueCount', { count: p.overdue })}
        </span>
      ) : null}
    </span>
  );
}

function RoadmapDetail({ roadmap, measures, today, effectId }: { roadmap: Roadmap; measures: RoadmapMeasure[]; today: string; effectId: string | null }) {
  const t = useT(roadmapMessages);
  const pack = useRegionPack();
  const [editing, setEditing] = useState<RoadmapMeasure | 'new' | null>(null);
  const by = useSignedInName();
  const sector = sectorsOf(pack).find((s) => s.id === roadmap.sector);
  const territory = roadmap.municipalities.length === 0 ? t('wholeRegion') : roadmap.municipalities.map((id) => pack.municipalities.find((m) => m.id === id)?.name ?? id).join(', ');
  const remove = async () => {
    if (!window.confirm(t('removeConfirm', { title: roadmap.title }))) return;
    // A removal is signed like every other change: by the signed-in person.
    try {
      await removeRoadmap(getDb(), roadmap.id, roadmap.version, { by, at: now(), today });
      navigate(href());
    } catch (error) {
      // Changed in another window since it was read: show it again rather than remove unseen changes.
      window.alert(error instanceof VersionConflictError ? t('conflictTitle') : writeErrorText(error, t).join('\n'));
    }
  };
  return (
    <div className="stack" data-testid="rm-detail">
      <Card
        title={roadmap.title}
        subtitle={sector?.name ?? roadmap.sector}
        actions={
          <>
            <Button size="small" onClick={() => navigate(href(roadmap.id, '/edit'))} data-testid="rm-edit">
              {t('edit')}
            </Button>
            <Button size="small" variant="danger" onClick={() => void remove()}>
              {t('remove')}
            </Button>
          </>
        }
      >
        <p data-testid="rm-goal-text">{roadmap.goal}</p>
        <p>
          <strong>{t('targetLine', { percent: roadmap.target.reductionPercent, day: formatIsoDay(roadmap.target.byDay) })}</strong>
        </p>
        <dl className="roadmaps__facts">
          <dt>{t('topics')}</dt>
          <dd>{roadmap.topics.join(', ')}</dd>
          <dt>{t('territory')}</dt>
          <dd>{territory}</dd>
        </dl>
        <ProgressBar measures={measures} today={today} />
      </Card>
      <Card
        title={t('measures')}
        actions={
          <Button size="small" variant="primary" onClick={() => setEditing('new')} data-testid="rm-add-measure">
            {t('addMeasure')}
          </Button>
        }
      >
        {editing ? <MeasureEditor key={editing === 'new' ? 'new' : editing.id} roadmap={roadmap} measure={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
        <table className="table roadmaps__measures" data-testid="rm-measures">
          <thead>
            <tr>
              <th className="num">{t('measureNo')}</th>
              <th>{t('measureText')}</th>
              <th>{t('responsible')}</th>
              <th className="num">{t('deadline')}</th>
              <th>{t('state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {measures.map((m) => (
              <MeasureRow key={m.id} measure={m} today={today} onEdit={() => setEditing(m)} onShowEffect={() => navigate(href(roadmap.id, `?effect=${encodeURIComponent(m.id)}`))} />
            ))}
          </tbody>
        </table>
      </Card>
      <div className="roadmaps__inline">
        <Button size="small" variant={effectId === null ? 'primary' : 'secondary'} onClick={() => navigate(href(roadmap.id))}>
          {t('effectWhole')}
        </Button>
        {measures
          .filter((m) => m.status === 'done')
          .map((m) => (
            <Button key={m.id} size="small" variant={effectId === m.id ? 'primary' : 'secondary'} onClick={() => navigate(href(roadmap.id, `?effect=${encodeURIComponent(m.id)}`))}>
              {t('effectMeasure', { number: m.number })}
            </Button>
          ))}
      </div>
      <EffectPanel key={`${roadmap.id}:${effectId ?? ''}`} roadmap={roadmap} measures={measures} measureId={effectId} today={today} />
    </div>
  );
}

export default function RoadmapsScreen() {
  const t = useT(roadmapMessages);
  const pack = useRegionPack();
  const route = parseHash(useHash());
  const data = useRoadmapsData();
  const today = todayOf(useAppNow());
  const [first, second] = route.rest;
  const creating = first === 'new';
  const selected = !creating && first ? (data?.roadmaps.find((r) => r.id === first) ?? null) : null;
  const editing = selected !== null && second === 'edit';
  const measuresOf = (id: string) => (data?.measures ?? []).filter((m) => m.roadmapId === id);

  return (
    <div className="stack roadmaps" data-testid="roadmaps" data-ready={data ? 'true' : 'false'}>
      <header className="roadmaps__header">
        <h1>{t('title')}</h1>
        <Button variant="primary" onClick={() => navigate(href(undefined, '/new'))} data-testid="rm-new">
          {t('newRoadmap')}
        </Button>
      </header>
      <p className="roadmaps__muted">{t('intro')}</p>
      {!data ? (
        <Skeleton lines={6} />
      ) : (
        <div className="roadmaps__layout">
          <nav className="roadmaps__list" data-testid="rm-list">
            {data.roadmaps.length === 0 ? <EmptyState title={t('empty')} hint={t('emptyHint')} /> : null}
            {data.roadmaps.map((r) => (
              <a key={r.id} href={href(r.id)} className="roadmaps__item" aria-current={r.id === selected?.id ? 'page' : undefined} data-testid="rm-item">
                <strong>{r.title}</strong>
                <span className="roadmaps__muted">{sectorsOf(pack).find((s) => s.id === r.sector)?.shortName ?? r.sector}</span>
                <ProgressBar measures={measuresOf(r.id)} today={today} />
              </a>
            ))}
          </nav>
          <div className="roadmaps__main">
            {creating ? (
              <Card>
                <RoadmapEditor roadmap={null} onDone={(id) => navigate(href(id ?? undefined), { replace: true })} />
              </Card>
            ) : editing && selected ? (
              <Card>
                <RoadmapEditor key={selected.id} roadmap={selected} onDone={(id) => navigate(href(id ?? selected.id), { replace: true })} />
              </Card>
            ) : selected ? (
              <RoadmapDetail roadmap={selected} measures={measuresOf(selected.id)} today={today} effectId={route.query.get('effect')} />
            ) : first ? (
              <EmptyState title={t('notFound')} />
            ) : (
              <p className="roadmaps__muted">{t('chooseRoadmap')}</p>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
