import { useState } from 'react';
import {
  DEFAULT_INFO_REQUEST_KIND,
  hasManualTerm,
  INFO_REQUEST_KINDS,
  lastCompletedQuarter,
  type InfoRequestKind,
  type Quarter,
} from '../../../shared/domain/request-terms';
import { regionDay } from '../../../shared/domain/time';
import { getDb } from '../../db/db';
import { now } from '../../runtime/clock';
import { useRegionPack } from '../../app/region';
import { infoRequestKindLabel } from '../../export/appeal-labels';
import { useLang, useT } from '../../i18n';
import { DayInput } from '../../ui/DayInput';
import { requestInformation } from './actions';
import { Field, FormFrame } from './FormFrame';
import { overdueMessages } from './messages';
import { quarterChoices } from './shape';
import { useActionSubmit } from './use-action-submit';
import { useSignedInName } from '../../ui/SignedInAuthor';

interface Props {
  appealId: string;
  externalId: string;
  organisation: string | null;
  onDone(): void;
}

/** Request information from an organisation; the answer term follows from the request's kind. */
export function RequestForm({ appealId, externalId, organisation, onDone }: Props) {
  const t = useT(overdueMessages);
  const lang = useLang();
  const { timeZone } = useRegionPack();
  const today = regionDay(now(), timeZone);
  const [kind, setKind] = useState<InfoRequestKind>(DEFAULT_INFO_REQUEST_KIND);
  const [quarter, setQuarter] = useState<Quarter>(() => lastCompletedQuarter(today));
  const [manualDueDay, setManualDueDay] = useState<string | null>(null);
  const [body, setBody] = useState(organisation ?? '');
  const [question, setQuestion] = useState('');
  const by = useSignedInName();
  const { error, busy, run } = useActionSubmit(appealId, onDone);
  const manual = hasManualTerm(kind);
  return (
    <FormFrame
      title={t('formRequestTitle', { number: externalId })}
      hint={t(`termHint_${kind}`)}
      byLabel={t('formRequestBy')}
      error={error}
      busy={busy}
      onSubmit={() =>
        void run((appeal) =>
          requestInformation(
            getDb(),
            appeal,
            {
              kind,
              quarter: kind === 'quarterly-statistics' ? quarter : null,
              manualDueDay: manual ? manualDueDay : null,
              body,
              question,
              by,
            },
            now(),
          ),
        )
      }
      onCancel={onDone}
    >
      <Field label={t('formKind')}>
        <select value={kind} onChange={(e) => setKind(e.target.value as InfoRequestKind)} data-testid="od-kind">
          {INFO_REQUEST_KINDS.map((k) => (
            <option key={k} value={k}>
              {infoRequestKindLabel(k, lang)}
            </option>
          ))}
        </select>
      </Field>
      {kind === 'quarterly-statistics' ? (
        <Field label={t('formQuarter')}>
          <select value={quarter} onChange={(e) => setQuarter(e.target.value as Quarter)} data-testid="od-quarter">
            {quarterChoices(today).map((q) => (
              <option key={q.quarter} value={q.quarter}>
                {t('formQuarterOption', { quarter: q.number, year: q.year })}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {manual ? (
        <Field label={t('formTermDay')}>
          <select value={manualDueDay === null ? 'none' : 'day'} onChange={(e) => setManualDueDay(e.target.value === 'none' ? null : today)} data-testid="od-term">
            <option value="none">{t('formTermNone')}</option>
            <option value="day">{t('formTermSet')}</option>
          </select>
          {manualDueDay !== null ? <DayInput value={manualDueDay} onEntry={(day) => day && setManualDueDay(day)} label={t('formTermDay')} testId="od-term-day" /> : null}
        </Field>
      ) : null}
      <Field label={t('formBody')}>
        <input autoFocus value={body} onChange={(e) => setBody(e.target.value)} required maxLength={300} data-testid="od-body" />
      </Field>
      <Field label={t('formQuestion')}>
        <textarea value={question} onChange={(e) => setQuestion(e.target.value)} required rows={3} maxLength={2000} data-testid="od-question" />
      </Field>
    </FormFrame>
  );
}
