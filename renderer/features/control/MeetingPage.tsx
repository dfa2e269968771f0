/** One meeting: its agenda and participants, the instructions given, the wall, and the protocol. */
import { useState } from 'react';
import { effectiveStatus } from '../../../shared/records';
import { formatIsoDay } from '../../../shared/domain/ru-text';
import { navigate } from '../../app/router';
import { useRegionPack } from '../../app/region';
import { useAppNow } from '../../app/use-app-now';
import { getDb } from '../../db/db';
import { useCan } from '../../runtime/use-access';
import { useSyncStatus } from '../../sync/use-sync-status';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { Skeleton } from '../../ui/Skeleton';
import { useT } from '../../i18n';
import { loadOperator, meetingProtocol, saveProtocol, startMeetingOnWall, type ProtocolFormat } from './actions';
import { InstructionForm } from './InstructionForm';
import { MeetingForm } from './MeetingForm';
import { controlMessages } from './messages';
import { useMeeting, useMeetingInstructions } from './queries';
import { useStatusLabel } from './use-write';

export function MeetingPage({ id }: { id: string }) {
  const t = useT(controlMessages);
  const { timeZone } = useRegionPack();
  const now = useAppNow();
  const sync = useSyncStatus();
  const meeting = useMeeting(id);
  const instructions = useMeetingInstructions(id);
  const statusLabel = useStatusLabel();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  // The data layer refuses these too (wall settings, exports); the page does not offer them.
  const mayDriveWall = useCan('wall.control');
  const mayExport = useCan('export.without-personal-data');

  if (meeting === undefined || instructions === undefined) return <Skeleton height={96} lines={4} />;
  if (meeting === null) return <EmptyState title={t('notFound')} hint={t('meetingBack')} />;

  const startWall = async () => {
    const playlist = await startMeetingOnWall(getDb(), meeting);
    setNote(playlist ? t('startedOnWall', { name: playlist.name }) : t('wallNoPlaylist', { name: meeting.playlist ?? '—' }));
  };
  const save = async (format: ProtocolFormat) => {
    const author = await loadOperator(getDb());
    const doc = meetingProtocol(meeting, instructions, now, timeZone, author, sync.isDemo);
    if (await saveProtocol(getDb(), meeting, doc, instructions.length, format)) setNote(t('protocolSaved'));
  };

  return (
    <div className="stack" data-testid="meeting-page" data-ready="true">
      <a href="#/control/meetings">{t('meetingBack')}</a>
      <Card
        title={`${t(`meetingKind_${meeting.kind}`)} — ${formatIsoDay(meeting.day)}`}
        subtitle={meeting.title}
        testId="meeting-card"
        actions={
          <>
            {mayDriveWall ? (
              <Button variant="primary" onClick={() => void startWall()} data-testid="meeting-start-wall">
                {t('startOnWall')}
              </Button>
            ) : null}
            {mayExport ? (
              <>
                <Button onClick={() => void save('docx')} data-testid="meeting-protocol-docx">
                  {t('protocolDocx')}
                </Button>
                <Button onClick={() => void save('pdf')} data-testid="meeting-protocol-pdf">
                  {t('protocolPdf')}
                </Button>
              </>
            ) : null}
            <a className="button button--secondary" href={`#/control/protocol/${encodeURIComponent(meeting.id)}`} data-testid="meeting-protocol-print">
              {t('protocolPrint')}
            </a>
            {!editing ? (
              <Button onClick={() => setEditing(true)} data-testid="meeting-edit">
                {t('edit')}
              </Button>
            ) : null}
          </>
        }
      >
        {note ? (
          <p role="status" className="control__muted" data-testid="meeting-note">
            {note}
          </p>
        ) : null}
        {editing ? (
          <MeetingForm meeting={meeting} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
        ) : (
          <div className="control__meeting-body">
            <section>
              <h3>{t('agenda')}</h3>
              {meeting.agenda.length ? (
                <ol data-testid="meeting-agenda-list">
                  {meeting.agenda.map((item, i) => (
                    <li key={i}>{item}</li>
                  ))}
                </ol>
              ) : (
                <p className="control__muted">{t('agendaEmpty')}</p>
              )}
            </section>
            <section>
              <h3>{t('participants')}</h3>
              <p className="control__pre" data-testid="meeting-participants-text">
                {meeting.participants || t('participantsEmpty')}
              </p>
              <p className="control__muted">
                {t('fieldPlaylist')}: {meeting.playlist ?? t('noPlaylist')}
              </p>
            </section>
          </div>
        )}
      </Card>
      <Card title={t('meetingInstructions')} testId="meeting-instructions" ready>
        {instructions.length === 0 ? (
          <p className="control__muted">{t('meetingNoInstructions')}</p>
        ) : (
          <ol className="control__instructions">
            {instructions.map((r) => (
              <li key={r.id} data-testid="meeting-instruction" data-status={effectiveStatus('instruction', r, now)}>
                <a href={`#/control/instruction/${encodeURIComponent(r.id)}`}>{r.text}</a> — {r.responsibleBody}
                {r.responsibleOfficial ? ` (${r.responsibleOfficial})` : ''}, {t('dueLine', { day: formatIsoDay(r.dueDay) })},{' '}
                <strong>{statusLabel(effectiveStatus('instruction', r, now))}</strong>
              </li>
            ))}
          </ol>
        )}
        <h3>{t('instructionNew')}</h3>
        <InstructionForm meetingId={meeting.id} onDone={() => undefined} />
      </Card>
    </div>
  );
}

export function NewMeetingPage() {
  const t = useT(controlMessages);
  return (
    <Card title={t('meetingNew')} testId="meeting-new" ready>
      <MeetingForm onDone={(m) => navigate(`#/control/meeting/${encodeURIComponent(m.id)}`)} onCancel={() => navigate('#/control/meetings')} />
    </Card>
  );
}
