/** A meeting's details, for a new meeting or an edit (an edit may meet another window's save). */
import { useEffect, useState, type FormEvent } from 'react';
import { MEETING_KINDS, type Meeting, type MeetingKind } from '../../../shared/records';
import { regionDay } from '../../../shared/domain/time';
import { createMeeting, updateMeeting, type MeetingFields } from '../../db/control-repo';
import { getDb } from '../../db/db';
import { now } from '../../runtime/clock';
import { useRegionPack } from '../../app/region';
import { Button } from '../../ui/Button';
import { DayInput } from '../../ui/DayInput';
import { useT } from '../../i18n';
import { wallPlaylists } from './actions';
import { ConflictNotice, Errors, Field } from './ConflictNotice';
import { controlMessages } from './messages';
import { useWrite } from './use-write';
import { SignedInAuthor, useSignedInName } from '../../ui/SignedInAuthor';

const DEFAULT_PLAYLIST_NAME = 'Оперативное совещание';

function fieldsOf(m: Meeting): MeetingFields {
  return { kind: m.kind, day: m.day, title: m.title, agenda: m.agenda, participants: m.participants, playlist: m.playlist };
}

interface Props {
  meeting?: Meeting;
  onDone(meeting: Meeting): void;
  onCancel(): void;
}

export function MeetingForm({ meeting, onDone, onCancel }: Props) {
  const t = useT(controlMessages);
  const { timeZone } = useRegionPack();
  const [fields, setFields] = useState<MeetingFields>(
    () => (meeting ? fieldsOf(meeting) : { kind: 'operative', day: regionDay(now(), timeZone), title: '', agenda: [], participants: '', playlist: DEFAULT_PLAYLIST_NAME }),
  );
  const [agendaText, setAgendaText] = useState(() => fields.agenda.join('\n'));
  const by = useSignedInName();
  const [basedOn] = useState(meeting?.version ?? 0);
  const [playlists, setPlaylists] = useState<string[]>([]);
  const write = useWrite<Meeting>();
  useEffect(() => {
    void wallPlaylists(getDb()).then((list) => setPlaylists(list.map((p) => p.name)));
  }, []);
  const set = <K extends keyof MeetingFields>(key: K, value: MeetingFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const current = (): MeetingFields => ({ ...fields, agenda: agendaText.split('\n') });

  const save = (version: number) =>
    write.run(async () => {
      const db = getDb();
      const saved = meeting ? await updateMeeting(db, meeting.id, version, current(), by, now()) : await createMeeting(db, current(), by, now());
      onDone(saved);
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(basedOn);
  };
  const conflict = write.conflict;
  return (
    <form className="control__form" onSubmit={submit} data-testid="meeting-form">
      <Field label={t('fieldKind')}>
        <select value={fields.kind} onChange={(e) => set('kind', e.target.value as MeetingKind)} data-testid="meeting-kind">
          {MEETING_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`meetingKind_${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('fieldDay')}>
        <DayInput value={fields.day} onEntry={(day) => day && set('day', day)} label={t('fieldDay')} testId="meeting-day" />
      </Field>
      <Field label={t('fieldTitle')} wide>
        <input value={fields.title} onChange={(e) => set('title', e.target.value)} maxLength={300} data-testid="meeting-title" />
      </Field>
      <Field label={t('fieldAgenda')} wide>
        <textarea value={agendaText} onChange={(e) => setAgendaText(e.target.value)} rows={4} maxLength={8000} data-testid="meeting-agenda" />
      </Field>
      <Field label={t('fieldParticipants')} wide>
        <textarea value={fields.participants} onChange={(e) => set('participants', e.target.value)} rows={3} maxLength={4000} data-testid="meeting-participants" />
      </Field>
      <Field label={t('fieldPlaylist')}>
        <select value={fields.playlist ?? ''} onChange={(e) => set('playlist', e.target.value || null)} data-testid="meeting-playlist">
          <option value="">{t('noPlaylist')}</option>
          {[...new Set([...playlists, ...(fields.playlist ? [fields.playlist] : [])])].map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('fieldBy')}>
        <SignedInAuthor testId="meeting-by" />
      </Field>
      <Errors errors={write.errors} />
      {conflict ? (
        <ConflictNotice
          storedVersion={conflict.version}
          mineVersion={basedOn}
          stored={<MeetingSummary fields={fieldsOf(conflict)} />}
          mine={<MeetingSummary fields={current()} />}
          onKeepStored={() => onDone(conflict)}
          onApplyMine={() => void save(conflict.version)}
        />
      ) : (
        <div className="control__actions">
          <Button type="submit" variant="primary" disabled={write.busy} data-testid="meeting-save">
            {t('save')}
          </Button>
          <Button onClick={onCancel}>{t('cancel')}</Button>
        </div>
      )}
    </form>
  );
}

function MeetingSummary({ fields }: { fields: MeetingFields }) {
  const t = useT(controlMessages);
  return (
    <dl className="control__dl">
      <dt>{t('fieldTitle')}</dt>
      <dd>{fields.title}</dd>
      <dt>{t('agenda')}</dt>
      <dd>{fields.agenda.filter((a) => a.trim()).join('; ') || '—'}</dd>
      <dt>{t('participants')}</dt>
      <dd>{fields.participants || '—'}</dd>
    </dl>
  );
}
