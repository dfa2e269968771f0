/** Creating or editing a roadmap: block, topics, territory, goal and its measurable target. */
import { useState } from 'react';
import { sectorsOf } from '../../../shared/domain/sectors';
import { addCalendarDays } from '../../../shared/domain/time';
import type { Roadmap } from '../../../shared/roadmap/model';
import { roadmapErrors, type RoadmapDraft } from '../../../shared/roadmap/validation';
import { useRegionPack } from '../../app/region';
import { getDb } from '../../db/db';
import { createRoadmap, updateRoadmap } from '../../db/roadmaps-repo';
import { now } from '../../runtime/clock';
import { Button } from '../../ui/Button';
import { useT } from '../../i18n';
import { ConflictNotice, DayField, Errors, Field } from './FormParts';
import { roadmapErrorText } from './errors';
import { roadmapMessages } from './messages';
import { todayOf, useTopicOptions } from './queries';
import { SignedInAuthor, useSignedInName } from '../../ui/SignedInAuthor';
import { useWrite } from './use-write';
import { NamedOptions } from '../../ui/NamedOptions';

interface Props {
  roadmap: Roadmap | null;
  onDone(savedId: string | null): void;
}

function DraftSummary({ d }: { d: RoadmapDraft }) {
  return (
    <p className="roadmaps__muted">
      {d.title} · {d.topics.join(', ')} · −{d.target.reductionPercent} % · {d.target.byDay}
    </p>
  );
}

export function RoadmapEditor({ roadmap, onDone }: Props) {
  const t = useT(roadmapMessages);
  const pack = useRegionPack();
  const sectors = sectorsOf(pack).filter((s) => s.id !== 'other');
  const today = todayOf();
  const [draft, setDraft] = useState<RoadmapDraft>(
    roadmap ?? { title: '', sector: sectors[0]?.id ?? '', topics: [], municipalities: [], goal: '', target: { reductionPercent: 30, byDay: addCalendarDays(today, 180) } },
  );
  const [customTopic, setCustomTopic] = useState('');
  const [dayInvalid, setDayInvalid] = useState(false);
  const by = useSignedInName();
  // The version this form read: a save after another window's save must conflict, not overwrite.
  const [readVersion] = useState(roadmap?.version ?? 0);
  const write = useWrite<Roadmap>((saved) => onDone(saved?.id ?? roadmap?.id ?? null));
  const options = useTopicOptions(draft.sector) ?? [];
  const topicChoices = [...new Set([...draft.topics, ...options.slice(0, 30)])];
  const set = (patch: Partial<RoadmapDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const toggleTopic = (topic: string) => set({ topics: draft.topics.includes(topic) ? draft.topics.filter((x) => x !== topic) : [...draft.topics, topic] });

  const save = () => {
    const errors = roadmapErrors(draft, today, roadmap === null).map((e) => roadmapErrorText(e, t));
    if (dayInvalid) errors.push(t('err_target-day-invalid'));
    if (errors.length) return write.setErrors(errors);
    const ctx = { by, at: now(), today };
    void write.run(readVersion, (version) => (roadmap ? updateRoadmap(getDb(), roadmap.id, version, draft, ctx) : createRoadmap(getDb(), draft, ctx)));
  };

  return (
    <form
      className="stack roadmaps__form"
      data-testid="rm-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h2 className="card__title">{roadmap ? t('edit') : t('newRoadmap')}</h2>
      <Field label={t('roadmapTitle')}>
        <input value={draft.title} onChange={(e) => set({ title: e.target.value })} maxLength={200} data-testid="rm-title" />
      </Field>
      <Field label={t('block')}>
        <select value={draft.sector} onChange={(e) => set({ sector: e.target.value, topics: [] })} data-testid="rm-sector">
          <NamedOptions items={sectors} label="full" />
        </select>
      </Field>
      <fieldset className="roadmaps__fieldset">
        <legend>{t('topics')}</legend>
        <span className="roadmaps__hint">{t('topicsHint')}</span>
        <div className="roadmaps__chips" data-testid="rm-topics">
          {topicChoices.map((topic) => (
            <label key={topic} className="roadmaps__chip">
              <input type="checkbox" checked={draft.topics.includes(topic)} onChange={() => toggleTopic(topic)} />
              {topic}
            </label>
          ))}
        </div>
        <div className="roadmaps__inline">
          <input value={customTopic} onChange={(e) => setCustomTopic(e.target.value)} maxLength={200} aria-label={t('addTopic')} data-testid="rm-custom-topic" />
          <Button
            size="small"
            onClick={() => {
              const topic = customTopic.trim();
              if (topic && !draft.topics.includes(topic)) set({ topics: [...draft.topics, topic] });
              setCustomTopic('');
            }}
          >
            {t('addTopic')}
          </Button>
        </div>
      </fieldset>
      <Field label={t('territory')} hint={t('territoryHint')}>
        <select
          multiple
          size={6}
          value={draft.municipalities}
          onChange={(e) => set({ municipalities: [...e.target.selectedOptions].map((o) => o.value) })}
          data-testid="rm-municipalities"
        >
          <NamedOptions items={pack.municipalities} label="full" />
        </select>
      </Field>
      <Field label={t('goal')}>
        <textarea value={draft.goal} onChange={(e) => set({ goal: e.target.value })} rows={2} maxLength={1000} placeholder={t('goalPlaceholder')} data-testid="rm-goal" />
      </Field>
      <div className="roadmaps__inline">
        <Field label={t('targetPercent')}>
          <input
            type="number"
            min={1}
            max={100}
            value={draft.target.reductionPercent}
            onChange={(e) => set({ target: { ...draft.target, reductionPercent: Number(e.target.value) } })}
            data-testid="rm-target-percent"
          />
        </Field>
        <DayField
          label={t('targetDay')}
          value={draft.target.byDay}
          invalid={dayInvalid}
          testId="rm-target-day"
          onEntry={(day) => {
            setDayInvalid(day === null);
            if (day) set({ target: { ...draft.target, byDay: day } });
          }}
        />
      </div>
      <Field label={t('by')}>
        <SignedInAuthor testId="rm-by" />
      </Field>
      <Errors errors={write.errors} />
      {write.conflict ? (
        <ConflictNotice conflict={write.conflict} mine={<DraftSummary d={draft} />} stored={write.conflict.stored ? <DraftSummary d={write.conflict.stored as unknown as RoadmapDraft} /> : null} />
      ) : null}
      <div className="roadmaps__actions">
        <Button type="submit" variant="primary" disabled={write.busy} data-testid="rm-save">
          {t('save')}
        </Button>
        <Button onClick={() => onDone(roadmap?.id ?? null)}>{t('cancel')}</Button>
      </div>
    </form>
  );
}
