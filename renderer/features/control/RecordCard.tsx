/**
 * An escalation's or an information request's card in «Контроль»: what it started from, to whom,
 * its term, its state and history, and the next moves (the answer recorded with «отвечено» /
 * «решено»), based on the version on screen.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { effectiveStatus, nextStatuses } from '../../../shared/records';
import { formatDateTime } from '../../../shared/format/ru';
import { useRegionPack } from '../../app/region';
import { useAppNow } from '../../app/use-app-now';
import { appealHref } from '../../app/registry-filter';
import { updateEscalationStatus, updateInfoRequestStatus } from '../../db/cur-records-repo';
import { getDb } from '../../db/db';
import { now } from '../../runtime/clock';
import { infoRequestKindLabel } from '../../export/appeal-labels';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { Skeleton } from '../../ui/Skeleton';
import { useLang, useT } from '../../i18n';
import { ConflictNotice, Errors, Field } from './ConflictNotice';
import { controlMessages, type ControlMessageKey } from './messages';
import { useCurRecord, type CurRecord } from './queries';
import { useStatusLabel, useWrite } from './use-write';
import { SignedInAuthor, useSignedInName } from '../../ui/SignedInAuthor';

export function RecordCard({ id }: { id: string }) {
  const t = useT(controlMessages);
  const lang = useLang();
  const { timeZone } = useRegionPack();
  const clock = useAppNow();
  const found = useCurRecord(id);
  const statusLabel = useStatusLabel();
  const write = useWrite<CurRecord['record']>();
  const [basedOn, setBasedOn] = useState<number | null>(null);
  const [move, setMove] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const by = useSignedInName();
  useEffect(() => {
    if (found && basedOn === null) setBasedOn(found.record.version);
  }, [found, basedOn]);
  if (found === undefined) return <Skeleton height={96} lines={4} />;
  if (found === null) return <EmptyState title={t('notFound')} hint={t('recordBack')} />;
  const { kind, record } = found;
  const version = basedOn ?? record.version;
  const dueAt = kind === 'info-request' ? found.record.dueAt : null;
  const shown = effectiveStatus(kind, { status: record.status as never, dueAt }, clock);

  const apply = (to: string, onVersion: number) =>
    write.run(async () => {
      const db = getDb();
      const saved =
        kind === 'escalation'
          ? await updateEscalationStatus(db, record.id, { status: to as never, by, at: now(), note, expectedVersion: onVersion })
          : await updateInfoRequestStatus(db, record.id, { status: to as never, by, at: now(), answer: note, expectedVersion: onVersion });
      setBasedOn(saved.version);
      setMove(null);
      setNote('');
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (move) void apply(move, version);
  };
  return (
    <div className="stack" data-testid="record-card" data-ready="true" data-kind={kind} data-status={shown}>
      <a href="#/control">{t('recordBack')}</a>
      <Card title={t(`kind_${kind}`)} subtitle={statusLabel(shown)}>
        <dl className="control__dl">
          <dt>{t('subject')}</dt>
          <dd>
            {t(`subject_${record.subject.kind}` as ControlMessageKey, { label: record.subject.label })}
            {record.appealId ? (
              <>
                {' '}
                <a href={appealHref(record.appealId)}>{t('openAppeal')}</a>
              </>
            ) : null}
          </dd>
          {found.kind === 'escalation' ? (
            <>
              <dt>{t('fieldAssignee')}</dt>
              <dd>{[found.record.assignee, found.record.body].filter(Boolean).join(', ')}</dd>
              <dt>{t('fieldReason')}</dt>
              <dd>{t(`reason_${found.record.reason}` as ControlMessageKey)}</dd>
              <dt>{t('fieldNote')}</dt>
              <dd className="control__pre">{found.record.note || '—'}</dd>
            </>
          ) : (
            <>
              <dt>{t('fieldRequestKind')}</dt>
              <dd>{infoRequestKindLabel(found.record.kind, lang)}</dd>
              <dt>{t('fieldResponsibleBody')}</dt>
              <dd>{found.record.body}</dd>
              <dt>{t('fieldQuestion')}</dt>
              <dd className="control__pre">{found.record.question}</dd>
              <dt>{t('fieldDeadline')}</dt>
              <dd>{found.record.dueAt === null ? t('noDeadline') : formatDateTime(found.record.dueAt, timeZone, lang)}</dd>
            </>
          )}
          <dt>{t('answer')}</dt>
          <dd data-testid="record-answer">{record.answer ?? '—'}</dd>
        </dl>
      </Card>
      <Card title={t('history')}>
        <ol className="control__history">
          {record.history.map((h, i) => (
            <li key={i}>
              <span className="tabular">{formatDateTime(h.at, timeZone, lang)}</span> · {h.by} · {statusLabel(h.status)}
              {h.note ? `: ${h.note}` : ''}
            </li>
          ))}
        </ol>
      </Card>
      <Card title={t('colStatus')}>
        <Field label={t('fieldBy')}>
          <SignedInAuthor testId="record-by" />
        </Field>
        <div className="control__actions">
          {nextStatuses(kind, record.status as never).map((to) => (
            <Button key={to} size="small" onClick={() => setMove(to)} data-testid={`record-move-${to}`}>
              {t('moveTo', { status: statusLabel(to) })}
            </Button>
          ))}
        </div>
        {move ? (
          <form className="control__form" onSubmit={submit}>
            <Field label={t(move === 'answered' || move === 'resolved' ? 'answer' : 'moveNote')} wide>
              <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={4000} data-testid="record-move-note" />
            </Field>
            <Button type="submit" variant="primary" disabled={write.busy} data-testid="record-move-save">
              {t('moveTo', { status: statusLabel(move) })}
            </Button>
          </form>
        ) : null}
        <Errors errors={write.errors} />
        {write.conflict && move ? (
          <ConflictNotice
            storedVersion={write.conflict.version}
            mineVersion={version}
            stored={<p>{statusLabel(write.conflict.status)}</p>}
            mine={<p>{statusLabel(move)}</p>}
            onKeepStored={() => {
              setBasedOn(write.conflict!.version);
              setMove(null);
              write.clearConflict();
            }}
            onApplyMine={() => void apply(move, write.conflict!.version)}
          />
        ) : null}
      </Card>
    </div>
  );
}
