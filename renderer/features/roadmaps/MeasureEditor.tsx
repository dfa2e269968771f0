/** Adding or editing a measure: text, responsible, deadline, the roadmap topics it targets, evidence. */
import { useState } from 'react';
import { addCalendarDays } from '../../../shared/domain/time';
import type { Roadmap, RoadmapMeasure } from '../../../shared/roadmap/model';
import { measureErrors, type MeasureDraft } from '../../../shared/roadmap/validation';
import { getDb } from '../../db/db';
import { createMeasure, updateMeasure } from '../../db/roadmaps-repo';
import { now } from '../../runtime/clock';
import { Button } from '../../ui/Button';
import { useT } from '../../i18n';
import { ConflictNotice, DayField, Errors, Field } from './FormParts';
import { roadmapErrorText } from './errors';
import { roadmapMessages } from './messages';
import { todayOf } from './queries';
import { SignedInAuthor, useSignedInName } from '../../ui/SignedInAuthor';
import { useWrite } from './use-write';

interface Props {
  roadmap: Roadmap;
  measure: RoadmapMeasure | null;
  onDone(): void;
}

function Summary({ d }: { d: MeasureDraft }) {
  return (
    <p className="roadmaps__muted">
      {d.text} · {d.responsible} · {d.deadlineDay} · {d.topics.join(', ')}
    </p>
  );
}

export function MeasureEditor({ roadmap, measure, onDone }: Props) {
  const t = useT(roadmapMessages);
  const today = todayOf();
  const [draft, setDraft] = useState<MeasureDraft>(
    measure ?? { text: '', responsible: '', deadlineDay: addCalendarDays(today, 30), topics: roadmap.topics.length === 1 ? [...roadmap.topics] : [], evidence: '' },
  );
  const [dayInvalid, setDayInvalid] = useState(false);
  const by = useSignedInName();
  const [readVersion] = useState(measure?.version ?? 0);
  const write = useWrite<RoadmapMeasure>(() => onDone());
  const set = (patch: Partial<MeasureDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const isNewDeadline = measure === null || measure.deadlineDay !== draft.deadlineDay;

  const save = () => {
    const errors = measureErrors(draft, roadmap.topics, today, isNewDeadline).map((e) => roadmapErrorText(e, t));
    if (dayInvalid) errors.unshift(t('err_measure-deadline-invalid'));
    if (errors.length) return write.setErrors(errors);
    const ctx = { by, at: now(), today };
    void write.run(readVersion, (version) => (measure ? updateMeasure(getDb(), measure.id, version, draft, ctx) : createMeasure(getDb(), roadmap.id, draft, ctx)));
  };

  return (
    <form
      className="stack roadmaps__form"
      data-testid="rm-measure-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h3>{measure ? t('editMeasure') : t('newMeasure')}</h3>
      <Field label={t('measureText')}>
        <textarea value={draft.text} onChange={(e) => set({ text: e.target.value })} rows={2} maxLength={1000} data-testid="rm-measure-text" />
      </Field>
      <Field label={t('responsible')}>
        <input value={draft.responsible} onChange={(e) => set({ responsible: e.target.value })} maxLength={300} data-testid="rm-measure-responsible" />
      </Field>
      <DayField
        label={t('deadline')}
        value={draft.deadlineDay}
        invalid={dayInvalid}
        testId="rm-measure-deadline"
        onEntry={(day) => {
          setDayInvalid(day === null);
          if (day) set({ deadlineDay: day });
        }}
      />
      <fieldset className="roadmaps__fieldset">
        <legend>{t('measureTopics')}</legend>
        <div className="roadmaps__chips" data-testid="rm-measure-topics">
          {roadmap.topics.map((topic) => (
            <label key={topic} className="roadmaps__chip">
              <input
                type="checkbox"
                checked={draft.topics.includes(topic)}
                onChange={() => set({ topics: draft.topics.includes(topic) ? draft.topics.filter((x) => x !== topic) : [...draft.topics, topic] })}
              />
              {topic}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t('evidence')}>
        <input value={draft.evidence} onChange={(e) => set({ evidence: e.target.value })} maxLength={1000} data-testid="rm-measure-evidence" />
      </Field>
      <Field label={t('by')}>
        <SignedInAuthor testId="rm-measure-by" />
      </Field>
      <Errors errors={write.errors} />
      {write.conflict ? (
        <ConflictNotice conflict={write.conflict} mine={<Summary d={draft} />} stored={write.conflict.stored ? <Summary d={write.conflict.stored as unknown as MeasureDraft} /> : null} />
      ) : null}
      <div className="roadmaps__actions">
        <Button type="submit" variant="primary" disabled={write.busy} data-testid="rm-measure-save">
          {t('save')}
        </Button>
        <Button onClick={onDone}>{t('cancel')}</Button>
      </div>
    </form>
  );
}
