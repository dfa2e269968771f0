import { useEffect, useState } from 'react';
import { getDb } from '../../db/db';
import { ESCALATION_REASONS, type EscalationReason } from '../../db/cur-records-repo';
import { now } from '../../runtime/clock';
import { useT } from '../../i18n';
import { escalateAppeal, loadFormDefaults } from './actions';
import { Field, FormFrame } from './FormFrame';
import { useReasonLabel } from './labels';
import { overdueMessages } from './messages';
import { Options } from './Options';
import { useActionSubmit } from './use-action-submit';
import { useSignedInName } from '../../ui/SignedInAuthor';

interface Props {
  appealId: string;
  externalId: string;
  sector: string;
  onDone(): void;
}

/** Escalate an appeal to the person responsible for its block (remembered per sector). */
export function EscalateForm({ appealId, externalId, sector, onDone }: Props) {
  const t = useT(overdueMessages);
  const reasonLabel = useReasonLabel();
  const [reason, setReason] = useState<EscalationReason>('overdue');
  const [note, setNote] = useState('');
  const [assignee, setAssignee] = useState('');
  const by = useSignedInName();
  const { error, busy, run } = useActionSubmit(appealId, onDone);
  useEffect(() => {
    void loadFormDefaults(getDb(), sector).then((d) => setAssignee((v) => v || d.assignee));
  }, [sector]);
  return (
    <FormFrame
      title={t('formEscalateTitle', { number: externalId })}
      byLabel={t('formBy')}
      error={error}
      busy={busy}
      onSubmit={() => void run((appeal) => escalateAppeal(getDb(), appeal, { reason, note, assignee, by }, now()))}
      onCancel={onDone}
    >
      <Field label={t('formReason')}>
        <select autoFocus value={reason} onChange={(e) => setReason(e.target.value as EscalationReason)} data-testid="od-reason">
          <Options values={ESCALATION_REASONS} label={reasonLabel} />
        </select>
      </Field>
      <Field label={t('formAssignee')}>
        <input value={assignee} onChange={(e) => setAssignee(e.target.value)} required maxLength={200} data-testid="od-assignee" />
      </Field>
      <Field label={t('formNote')}>
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={2000} data-testid="od-note" />
      </Field>
    </FormFrame>
  );
}
