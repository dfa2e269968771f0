/**
 * An escalation, an information request or an instruction started from anywhere: the appeal card,
 * an organisation, a municipality or a block (rating, sectors), a spike, a pivot cell. The screens
 * link here by URL (subject.ts); the form shows what it was started from, sends an escalation to the
 * block's official from the directory by default, and a request's term follows its kind.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { officialFor, type RecordKind, type RecordSubject } from '../../../shared/records';
import { hasManualTerm, INFO_REQUEST_KINDS, lastCompletedQuarter, DEFAULT_INFO_REQUEST_KIND, type InfoRequestKind } from '../../../shared/domain/request-terms';
import { sectorsOf } from '../../../shared/domain/sectors';
import { regionDay } from '../../../shared/domain/time';
import { navigate } from '../../app/router';
import { useRegionPack } from '../../app/region';
import { getAppeal } from '../../db/appeals-repo';
import { createEscalation, createInfoRequest, snapshotOf, ESCALATION_REASONS, type AppealSnapshot, type EscalationReason } from '../../db/cur-records-repo';
import { getDb } from '../../db/db';
import { getSetting } from '../../db/settings-repo';
import { now } from '../../runtime/clock';
import { infoRequestKindLabel } from '../../export/appeal-labels';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { DayInput } from '../../ui/DayInput';
import { useLang, useT } from '../../i18n';
import { Errors, Field } from './ConflictNotice';
import { InstructionForm } from './InstructionForm';
import { controlMessages, type ControlMessageKey } from './messages';
import { useOfficials } from './queries';
import type { NewRecordRequest } from './subject';
import { useWrite } from './use-write';
import { SignedInAuthor, useSignedInName } from '../../ui/SignedInAuthor';

/** The request-terms setting of the overdue feature (clock or working hours for the 3-hour term). */
const OFFICIAL_HOURS_KEY = 'cur.requests.officialInformationHours';

interface Origin {
  subject: RecordSubject;
  appealId: string;
  snapshot: AppealSnapshot;
}

/** The subject as the form shows it, with what the centre knows about it (an appeal is read from the store). */
function useOrigin(request: NewRecordRequest): Origin | null | undefined {
  const pack = useRegionPack();
  return useLiveQuery(async (): Promise<Origin | null> => {
    const subject = request.subject;
    if (!subject) return null;
    const context = { sector: request.sector ?? '', municipality: request.municipality, organisation: request.organisation };
    if (subject.kind === 'appeal') {
      const appeal = await getAppeal(getDb(), subject.id);
      if (!appeal) return { subject, appealId: subject.id, snapshot: snapshotOf({ externalId: subject.label, ...context }) };
      return {
        subject: { ...subject, label: appeal.externalId },
        appealId: appeal.id,
        snapshot: { externalId: appeal.externalId, sector: appeal.sector, organisation: appeal.orgCurrent, municipality: appeal.municipality, executor: appeal.executor, dueAt: appeal.deadline?.dueAt ?? null },
      };
    }
    const label =
      subject.kind === 'municipality'
        ? (pack.municipalities.find((m) => m.id === subject.id)?.name ?? subject.label)
        : subject.kind === 'sector'
          ? (sectorsOf(pack).find((s) => s.id === subject.id)?.name ?? subject.label)
          : subject.label;
    const snapshot = snapshotOf({
      ...context,
      sector: subject.kind === 'sector' ? subject.id : context.sector,
      municipality: subject.kind === 'municipality' ? subject.id : context.municipality,
      organisation: subject.kind === 'organisation' ? subject.id : context.organisation,
    });
    return { subject: { ...subject, label }, appealId: '', snapshot };
  }, [request.subject?.kind, request.subject?.id, request.subject?.label, request.sector, request.municipality, request.organisation, pack]);
}

export function NewRecordPage({ request }: { request: NewRecordRequest }) {
  const t = useT(controlMessages);
  const origin = useOrigin(request);
  const [kind, setKind] = useState<RecordKind>(request.kind);
  const [done, setDone] = useState(false);
  return (
    <Card title={t(`newTitle_${kind}`)} testId="control-new" ready={origin !== undefined}>
      {origin === null ? (
        <p className="control__errors" role="alert">
          {t('subjectMissing')}
        </p>
      ) : origin ? (
        <div className="stack">
          <p className="control__origin" data-testid="control-new-origin">
            {t('startedFrom', { what: t(`subject_${origin.subject.kind}` as ControlMessageKey, { label: origin.subject.label }) })}
          </p>
          <div className="control__tabs" role="tablist">
            {(['escalation', 'info-request', 'instruction'] as const).map((k) => (
              <Button key={k} size="small" variant={k === kind ? 'primary' : 'secondary'} onClick={() => setKind(k)} aria-selected={k === kind} role="tab" data-testid={`control-new-kind-${k}`}>
                {t(`kind_${k}`)}
              </Button>
            ))}
          </div>
          {done ? (
            <p role="status" data-testid="control-new-done">
              {t('created')} · <a href="#/control">{t('createdOpen')}</a>
            </p>
          ) : kind === 'escalation' ? (
            <EscalationForm origin={origin} onDone={() => setDone(true)} />
          ) : kind === 'info-request' ? (
            <RequestForm origin={origin} onDone={() => setDone(true)} />
          ) : (
            <InstructionForm
              meetingId={null}
              links={{ sector: origin.snapshot.sector || null, municipality: origin.snapshot.municipality, organisation: origin.snapshot.organisation, appealIds: origin.appealId ? [origin.appealId] : [] }}
              onDone={(r) => navigate(`#/control/instruction/${encodeURIComponent(r.id)}`)}
            />
          )}
        </div>
      ) : null}
    </Card>
  );
}

function EscalationForm({ origin, onDone }: { origin: Origin; onDone(): void }) {
  const t = useT(controlMessages);
  const officials = useOfficials();
  const entry = useMemo(() => officialFor(officials ?? [], origin.snapshot.sector || null), [officials, origin.snapshot.sector]);
  const [assignee, setAssignee] = useState('');
  const [reason, setReason] = useState<EscalationReason>(origin.subject.kind === 'appeal' ? 'overdue' : 'other');
  const [note, setNote] = useState('');
  const by = useSignedInName();
  const write = useWrite();
  useEffect(() => {
    if (entry?.official) setAssignee((a) => a || entry.official);
  }, [entry]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void write
      .run(async () => {
        await createEscalation(getDb(), { appealId: origin.appealId, appeal: origin.snapshot, subject: origin.subject, reason, note, assignee, body: entry?.body ?? '', by, at: now() });
      })
      .then((ok) => ok && onDone());
  };
  return (
    <form className="control__form" onSubmit={submit} data-testid="escalation-form">
      <Field label={t('fieldAssignee')}>
        <input value={assignee} onChange={(e) => setAssignee(e.target.value)} required maxLength={300} data-testid="escalation-assignee" />
      </Field>
      <p className="control__muted" data-testid="escalation-directory">
        {entry ? t('assigneeFromDirectory', { official: [entry.official, entry.body].filter(Boolean).join(', ') }) : t('assigneeNoDirectory')}
      </p>
      <Field label={t('fieldReason')}>
        <select value={reason} onChange={(e) => setReason(e.target.value as EscalationReason)} data-testid="escalation-reason">
          {ESCALATION_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`reason_${r}` as ControlMessageKey)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('fieldNote')} wide>
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={4000} data-testid="escalation-note" />
      </Field>
      <Field label={t('fieldBy')}>
        <SignedInAuthor testId="escalation-by" />
      </Field>
      <Errors errors={write.errors} />
      <Button type="submit" variant="primary" disabled={write.busy} data-testid="escalation-save">
        {t('save')}
      </Button>
    </form>
  );
}

function RequestForm({ origin, onDone }: { origin: Origin; onDone(): void }) {
  const t = useT(controlMessages);
  const lang = useLang();
  const { timeZone } = useRegionPack();
  const today = regionDay(now(), timeZone);
  const [kind, setKind] = useState<InfoRequestKind>(DEFAULT_INFO_REQUEST_KIND);
  const [manualDueDay, setManualDueDay] = useState<string | null>(null);
  const [body, setBody] = useState(origin.snapshot.organisation ?? '');
  const [question, setQuestion] = useState('');
  const by = useSignedInName();
  const write = useWrite();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void write
      .run(async () => {
        const db = getDb();
        const hours = (await getSetting<unknown>(db, OFFICIAL_HOURS_KEY, 'clock')) === 'working' ? 'working' : 'clock';
        await createInfoRequest(
          db,
          {
            appealId: origin.appealId,
            appeal: origin.snapshot,
            subject: origin.subject,
            kind,
            quarter: kind === 'quarterly-statistics' ? lastCompletedQuarter(today) : null,
            manualDueDay: hasManualTerm(kind) ? manualDueDay : null,
            body,
            question,
            by,
            at: now(),
          },
          { options: { officialInformationHours: hours } },
        );
      })
      .then((ok) => ok && onDone());
  };
  return (
    <form className="control__form" onSubmit={submit} data-testid="request-form">
      <Field label={t('fieldRequestKind')}>
        <select value={kind} onChange={(e) => setKind(e.target.value as InfoRequestKind)} data-testid="request-kind">
          {INFO_REQUEST_KINDS.map((k) => (
            <option key={k} value={k}>
              {infoRequestKindLabel(k, lang)}
            </option>
          ))}
        </select>
      </Field>
      {hasManualTerm(kind) ? (
        <Field label={t('fieldTermDay')}>
          <select value={manualDueDay === null ? 'none' : 'day'} onChange={(e) => setManualDueDay(e.target.value === 'none' ? null : today)}>
            <option value="none">{t('termNone')}</option>
            <option value="day">{t('fieldTermDay')}</option>
          </select>
          {manualDueDay !== null ? <DayInput value={manualDueDay} onEntry={(d) => d && setManualDueDay(d)} label={t('fieldTermDay')} /> : null}
        </Field>
      ) : null}
      <Field label={t('fieldResponsibleBody')}>
        <input value={body} onChange={(e) => setBody(e.target.value)} required maxLength={300} data-testid="request-body" />
      </Field>
      <Field label={t('fieldQuestion')} wide>
        <textarea value={question} onChange={(e) => setQuestion(e.target.value)} required rows={3} maxLength={2000} data-testid="request-question" />
      </Field>
      <Field label={t('fieldBy')}>
        <SignedInAuthor testId="request-by" />
      </Field>
      <Errors errors={write.errors} />
      <Button type="submit" variant="primary" disabled={write.busy} data-testid="request-save">
        {t('save')}
      </Button>
    </form>
  );
}
