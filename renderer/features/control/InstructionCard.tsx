/**
 * An instruction's card: what, who, by when, what it is linked to, its state at the app clock, its
 * history, comments and evidence; moves along the lifecycle and comments, each based on the
 * version on screen (another window's save in between shows the conflict and asks).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { effectiveStatus, nextStatuses, needsNote, type HistoryEntry, type Instruction, type InstructionStatus } from '../../../shared/records';
import { formatIsoDay } from '../../../shared/domain/ru-text';
import { formatDateTime } from '../../../shared/format/ru';
import { sectorsOf } from '../../../shared/domain/sectors';
import { useRegionPack } from '../../app/region';
import { useAppNow } from '../../app/use-app-now';
import { appealHref } from '../../app/registry-filter';
import { commentInstruction, setInstructionStatus } from '../../db/control-repo';
import { getDb } from '../../db/db';
import { now } from '../../runtime/clock';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { Skeleton } from '../../ui/Skeleton';
import { useLang, useT } from '../../i18n';
import { ConflictNotice, Errors, Field } from './ConflictNotice';
import { controlMessages, type ControlMessageKey } from './messages';
import { useInstruction, useMeeting } from './queries';
import { useStatusLabel, useWrite } from './use-write';
import { SignedInAuthor, useSignedInName } from '../../ui/SignedInAuthor';

/** The pending change, kept so «Применить моё поверх» can repeat it on the stored version. */
type Pending = { type: 'move'; to: InstructionStatus; note: string } | { type: 'comment'; text: string };

export function InstructionCard({ id }: { id: string }) {
  const t = useT(controlMessages);
  const lang = useLang();
  const pack = useRegionPack();
  const clock = useAppNow();
  const record = useInstruction(id);
  const meeting = useMeeting(record?.meetingId ?? '');
  const statusLabel = useStatusLabel();
  const write = useWrite<Instruction>();
  // The version the person is looking at: it follows the store until they start a change.
  const [basedOn, setBasedOn] = useState<number | null>(null);
  const [basedLog, setBasedLog] = useState(0);
  const [move, setMove] = useState<InstructionStatus | null>(null);
  const [note, setNote] = useState('');
  const [comment, setComment] = useState('');
  const by = useSignedInName();
  const [pending, setPending] = useState<Pending | null>(null);
  useEffect(() => {
    if (record && basedOn === null) {
      setBasedOn(record.version);
      setBasedLog(record.log.length);
    }
  }, [record, basedOn]);

  if (record === undefined) return <Skeleton height={96} lines={4} />;
  if (record === null) return <EmptyState title={t('notFound')} hint={t('instructionBack')} />;
  const version = basedOn ?? record.version;

  const apply = (change: Pending, onVersion: number) =>
    write.run(async () => {
      const db = getDb();
      const saved =
        change.type === 'move'
          ? await setInstructionStatus(db, record.id, onVersion, { to: change.to, by, at: now(), note: change.note })
          : await commentInstruction(db, record.id, onVersion, { text: change.text, by, at: now() });
      setBasedOn(saved.version);
      setBasedLog(saved.log.length);
      setPending(null);
      setMove(null);
      setNote('');
      setComment('');
    });
  const submit = (change: Pending) => (e: FormEvent) => {
    e.preventDefault();
    setPending(change);
    void apply(change, version);
  };
  const sectorName = (sid: string) => sectorsOf(pack).find((s) => s.id === sid)?.shortName ?? sid;
  const muniName = (mid: string) => pack.municipalities.find((m) => m.id === mid)?.name ?? mid;
  const shown = effectiveStatus('instruction', record, clock);
  const stale = record.version !== version && !write.conflict;

  return (
    <div className="stack" data-testid="instruction-card" data-ready="true" data-status={shown} data-version={record.version}>
      <a href="#/control">{t('instructionBack')}</a>
      <Card title={t('instructionTitle')} subtitle={statusLabel(shown)}>
        <p className="control__pre control__lead" data-testid="instruction-text-shown">
          {record.text}
        </p>
        <dl className="control__dl">
          <dt>{t('fieldResponsibleBody')}</dt>
          <dd data-testid="instruction-body-shown">{record.responsibleBody}</dd>
          <dt>{t('fieldResponsibleOfficial')}</dt>
          <dd>{record.responsibleOfficial || '—'}</dd>
          <dt>{t('fieldDeadline')}</dt>
          <dd>{formatIsoDay(record.dueDay)}</dd>
          <dt>{t('colStatus')}</dt>
          <dd data-testid="instruction-status">{statusLabel(shown)}</dd>
          {meeting ? (
            <>
              <dt>{t('meeting')}</dt>
              <dd>
                <a href={`#/control/meeting/${encodeURIComponent(meeting.id)}`}>{meeting.title}</a>
              </dd>
            </>
          ) : null}
          <dt>{t('links')}</dt>
          <dd>
            {[
              record.links.sector ? sectorName(record.links.sector) : null,
              record.links.municipality ? muniName(record.links.municipality) : null,
              record.links.organisation,
            ]
              .filter(Boolean)
              .join(' · ') || '—'}
            {record.links.appealIds.map((a) => (
              <a key={a} className="control__chip" href={appealHref(a)}>
                {a}
              </a>
            ))}
          </dd>
          <dt>{t('evidence')}</dt>
          <dd data-testid="instruction-evidence">{record.evidence ?? t('evidenceNone')}</dd>
        </dl>
      </Card>
      <Card title={t('history')} testId="instruction-history">
        <ol className="control__history">
          {record.log.map((entry, i) => (
            <li key={i} data-testid="history-entry" data-type={entry.type}>
              <span className="tabular">{formatDateTime(entry.at, pack.timeZone, lang)}</span> · {entry.by} · <HistoryText entry={entry} />
            </li>
          ))}
        </ol>
      </Card>
      <Card title={t('colStatus')} testId="instruction-actions">
        {stale ? (
          <p className="control__muted" data-testid="instruction-stale">
            {t('conflictTitle')}
          </p>
        ) : null}
        <Field label={t('fieldBy')}>
          <SignedInAuthor testId="instruction-card-by" />
        </Field>
        <div className="control__actions">
          {nextStatuses('instruction', record.status).map((to) => (
            <Button key={to} size="small" onClick={() => setMove(to)} data-testid={`instruction-move-${to}`}>
              {t('moveTo', { status: statusLabel(to) })}
            </Button>
          ))}
        </div>
        {move ? (
          <form className="control__form" onSubmit={submit({ type: 'move', to: move, note })} data-testid="instruction-move-form">
            <Field label={t(needsNote('instruction', move) ? (`moveNote_${move}` as ControlMessageKey) : 'moveNote')} wide>
              <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={4000} data-testid="instruction-move-note" />
            </Field>
            <Button type="submit" variant="primary" disabled={write.busy} data-testid="instruction-move-save">
              {t('moveTo', { status: statusLabel(move) })}
            </Button>
          </form>
        ) : null}
        <form className="control__form" onSubmit={submit({ type: 'comment', text: comment })}>
          <Field label={t('comment')} wide>
            <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={4000} data-testid="instruction-comment" />
          </Field>
          <Button type="submit" disabled={write.busy} data-testid="instruction-comment-save">
            {t('addComment')}
          </Button>
        </form>
        <Errors errors={write.errors} />
        {write.conflict && pending ? (
          <ConflictNotice
            storedVersion={write.conflict.version}
            mineVersion={version}
            stored={<LastChanges record={write.conflict} sinceLog={basedLog} />}
            mine={<p>{pending.type === 'move' ? `${statusLabel(record.status)} → ${statusLabel(pending.to)}${pending.note ? `: ${pending.note}` : ''}` : pending.text}</p>}
            onKeepStored={() => {
              setBasedOn(write.conflict!.version);
              setBasedLog(write.conflict!.log.length);
              setPending(null);
              setMove(null);
              write.clearConflict();
            }}
            onApplyMine={() => void apply(pending, write.conflict!.version)}
          />
        ) : null}
      </Card>
    </div>
  );
}

function HistoryText({ entry }: { entry: HistoryEntry<InstructionStatus> }) {
  const t = useT(controlMessages);
  const statusLabel = useStatusLabel();
  switch (entry.type) {
    case 'created':
      return <>{t('hist_created', { status: statusLabel(entry.status) })}</>;
    case 'status':
      return (
        <>
          {t('hist_status', { from: statusLabel(entry.from), to: statusLabel(entry.to) })}
          {entry.note ? `: ${entry.note}` : ''}
        </>
      );
    case 'comment':
      return <>{`${t('hist_comment')}: ${entry.text}`}</>;
    case 'evidence':
      return <>{`${t('hist_evidence')}: ${entry.text}`}</>;
    case 'edit':
      return <>{`${t('hist_edit')}: ${entry.fields.join(', ')}`}</>;
  }
}

/** What the other window did since the version this one was based on. */
function LastChanges({ record, sinceLog }: { record: Instruction; sinceLog: number }) {
  const statusLabel = useStatusLabel();
  const added = record.log.slice(sinceLog);
  return (
    <div>
      <p>{statusLabel(record.status)}</p>
      <ul>
        {added.map((e, i) => (
          <li key={i}>
            {e.by}: <HistoryText entry={e} />
          </li>
        ))}
      </ul>
    </div>
  );
}
