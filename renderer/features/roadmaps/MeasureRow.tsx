/** One measure in the plan: its state (late ones red), and the moves a person can make. */
import { useState } from 'react';
import { formatIsoDay } from '../../../shared/format/ru';
import { completedLate, measureState, type RoadmapMeasure } from '../../../shared/roadmap/model';
import { getDb } from '../../db/db';
import { setMeasureStatus } from '../../db/roadmaps-repo';
import { now } from '../../runtime/clock';
import { Button } from '../../ui/Button';
import { useT } from '../../i18n';
import { ConflictNotice, DayField, Errors } from './FormParts';
import { roadmapMessages, type RoadmapMessageKey } from './messages';
import { SignedInAuthor, useSignedInName } from '../../ui/SignedInAuthor';
import { useWrite } from './use-write';

interface Props {
  measure: RoadmapMeasure;
  today: string;
  onEdit(): void;
  onShowEffect(): void;
}

export function MeasureRow({ measure, today, onEdit, onShowEffect }: Props) {
  const t = useT(roadmapMessages);
  const by = useSignedInName();
  const [completing, setCompleting] = useState<string | null>(null);
  const write = useWrite<RoadmapMeasure>(() => setCompleting(null));
  const state = measureState(measure, today);
  const move = (status: RoadmapMeasure['status'], day: string | null) =>
    void write.run(measure.version, (version) => setMeasureStatus(getDb(), measure.id, version, status, day, { by, at: now(), today }));

  return (
    <>
      <tr data-testid="rm-measure" data-state={state}>
        <td className="num">{measure.number}</td>
        <td>
          {measure.text}
          <div className="roadmaps__muted">{measure.topics.join(', ')}</div>
          {measure.evidence ? <div className="roadmaps__muted">{measure.evidence}</div> : null}
        </td>
        <td>{measure.responsible}</td>
        <td className="num">{formatIsoDay(measure.deadlineDay)}</td>
        <td>
          <span className={`roadmaps__state roadmaps__state--${state}`} data-testid="rm-measure-state">
            {t(`state_${state}` as RoadmapMessageKey)}
          </span>
          {measure.completedDay ? (
            <div className="roadmaps__muted">
              {formatIsoDay(measure.completedDay)}
              {completedLate(measure) ? ` · ${t('late')}` : ''}
            </div>
          ) : null}
        </td>
        <td>
          <div className="roadmaps__row-actions">
            {measure.status === 'planned' ? (
              <Button size="small" onClick={() => move('in-progress', null)} data-testid="rm-measure-start">
                {t('start')}
              </Button>
            ) : null}
            {measure.status !== 'done' ? (
              <Button size="small" variant="primary" onClick={() => setCompleting(today)} data-testid="rm-measure-complete">
                {t('complete')}
              </Button>
            ) : (
              <>
                <Button size="small" onClick={onShowEffect} data-testid="rm-measure-effect">
                  {t('effect')}
                </Button>
                <Button size="small" variant="ghost" onClick={() => move('in-progress', null)}>
                  {t('reopen')}
                </Button>
              </>
            )}
            <Button size="small" variant="ghost" onClick={onEdit}>
              {t('edit')}
            </Button>
          </div>
        </td>
      </tr>
      {completing !== null || write.errors.length > 0 || write.conflict ? (
        <tr>
          <td colSpan={6}>
            {completing !== null ? (
              <div className="roadmaps__inline" data-testid="rm-complete-form">
                <DayField label={t('completeOn')} value={completing} testId="rm-complete-day" onEntry={(day) => day && setCompleting(day)} />
                <label className="roadmaps__field roadmaps__field--inline">
                  <span className="roadmaps__label">{t('by')}</span>
                  <SignedInAuthor testId="rm-complete-by" />
                </label>
                <Button size="small" variant="primary" disabled={write.busy} onClick={() => move('done', completing)} data-testid="rm-complete-save">
                  {t('save')}
                </Button>
                <Button size="small" onClick={() => setCompleting(null)}>
                  {t('cancel')}
                </Button>
              </div>
            ) : null}
            <Errors errors={write.errors} />
            {write.conflict ? (
              <ConflictNotice
                conflict={write.conflict}
                mine={<p className="roadmaps__muted">{t('state_done')}</p>}
                stored={<p className="roadmaps__muted">{write.conflict.stored ? t(`state_${(write.conflict.stored as unknown as RoadmapMeasure).status}` as RoadmapMessageKey) : ''}</p>}
              />
            ) : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}
