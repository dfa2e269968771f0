/** Giving an instruction: text, responsible body and official, a deadline in working or calendar days or by a date, links. */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { officialFor, type DeadlineSpec, type Instruction, type InstructionLinks } from '../../../shared/records';
import { sectorsOf } from '../../../shared/domain/sectors';
import { regionDay } from '../../../shared/domain/time';
import { createInstruction } from '../../db/control-repo';
import { getDb } from '../../db/db';
import { now } from '../../runtime/clock';
import { useRegionPack } from '../../app/region';
import { Button } from '../../ui/Button';
import { DayInput } from '../../ui/DayInput';
import { useT } from '../../i18n';
import { Errors, Field } from './ConflictNotice';
import { controlMessages } from './messages';
import { useOfficials } from './queries';
import { useWrite } from './use-write';
import { SignedInAuthor, useSignedInName } from '../../ui/SignedInAuthor';
import { NamedOptions } from '../../ui/NamedOptions';

type DeadlineKind = DeadlineSpec['kind'];

interface Props {
  meetingId: string | null;
  links?: Partial<InstructionLinks>;
  onDone(instruction: Instruction): void;
  onCancel?(): void;
}

export function InstructionForm({ meetingId, links, onDone, onCancel }: Props) {
  const t = useT(controlMessages);
  const pack = useRegionPack();
  const sectors = sectorsOf(pack);
  const stored = useOfficials();
  const officials = useMemo(() => stored ?? [], [stored]);
  const [text, setText] = useState('');
  const [sector, setSector] = useState(links?.sector ?? '');
  const [body, setBody] = useState('');
  const [official, setOfficial] = useState('');
  const [deadlineKind, setDeadlineKind] = useState<DeadlineKind>('working-days');
  const [days, setDays] = useState('5');
  const [day, setDay] = useState(() => regionDay(now(), pack.timeZone));
  const [municipality, setMunicipality] = useState(links?.municipality ?? '');
  const [organisation, setOrganisation] = useState(links?.organisation ?? '');
  const [appeals, setAppeals] = useState((links?.appealIds ?? []).join(', '));
  const by = useSignedInName();
  const write = useWrite<Instruction>();
  // Picking a block fills the body and official from the directory when they are still empty.
  useEffect(() => {
    const entry = officialFor(officials, sector || null);
    if (!entry) return;
    setBody((b) => b || entry.body);
    setOfficial((o) => o || entry.official);
  }, [sector, officials]);

  const deadline = (): DeadlineSpec =>
    deadlineKind === 'date' ? { kind: 'date', day } : { kind: deadlineKind, days: Number(days.trim() || Number.NaN) };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void write.run(async () => {
      const db = getDb();
      const saved = await createInstruction(db, {
        meetingId,
        text,
        responsibleBody: body,
        responsibleOfficial: official,
        deadline: deadline(),
        links: { sector: sector || null, municipality: municipality || null, organisation: organisation || null, appealIds: appeals.split(',') },
        by,
        at: now(),
      });
      setText('');
      onDone(saved);
    });
  };
  const bodies = [...new Set(officials.map((o) => o.body).filter(Boolean))];
  return (
    <form className="control__form" onSubmit={submit} data-testid="instruction-form" noValidate>
      <Field label={t('fieldText')} wide>
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={4000} data-testid="instruction-text" />
      </Field>
      <Field label={t('fieldSector')}>
        <select value={sector} onChange={(e) => setSector(e.target.value)} data-testid="instruction-sector">
          <option value="">{t('none')}</option>
          <NamedOptions items={sectors} />
        </select>
      </Field>
      <Field label={t('fieldResponsibleBody')}>
        <input value={body} onChange={(e) => setBody(e.target.value)} list="control-bodies" maxLength={300} data-testid="instruction-body" />
        <datalist id="control-bodies">
          {bodies.map((b) => (
            <option key={b} value={b} />
          ))}
        </datalist>
      </Field>
      <Field label={t('fieldResponsibleOfficial')}>
        <input value={official} onChange={(e) => setOfficial(e.target.value)} maxLength={300} data-testid="instruction-official" />
      </Field>
      <Field label={t('fieldDeadline')}>
        <span className="control__inline">
          {deadlineKind === 'date' ? (
            <DayInput value={day} onEntry={(d) => d && setDay(d)} label={t('fieldDeadline')} testId="instruction-due-day" />
          ) : (
            <input type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} className="control__days" data-testid="instruction-days" />
          )}
          <select value={deadlineKind} onChange={(e) => setDeadlineKind(e.target.value as DeadlineKind)} data-testid="instruction-deadline-kind">
            <option value="working-days">{t('deadlineWorking')}</option>
            <option value="calendar-days">{t('deadlineCalendar')}</option>
            <option value="date">{t('deadlineDate')}</option>
          </select>
        </span>
      </Field>
      <Field label={t('fieldMunicipality')}>
        <select value={municipality} onChange={(e) => setMunicipality(e.target.value)} data-testid="instruction-municipality">
          <option value="">{t('none')}</option>
          <NamedOptions items={pack.municipalities} label="full" />
        </select>
      </Field>
      <Field label={t('fieldOrganisation')}>
        <input value={organisation} onChange={(e) => setOrganisation(e.target.value)} maxLength={300} data-testid="instruction-organisation" />
      </Field>
      <Field label={t('fieldAppeals')} wide>
        <input value={appeals} onChange={(e) => setAppeals(e.target.value)} maxLength={2000} data-testid="instruction-appeals" />
      </Field>
      <Field label={t('fieldBy')}>
        <SignedInAuthor testId="instruction-by" />
      </Field>
      <Errors errors={write.errors} />
      <div className="control__actions">
        <Button type="submit" variant="primary" disabled={write.busy} data-testid="instruction-save">
          {t('instructionNew')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('cancel')}</Button> : null}
      </div>
    </form>
  );
}
