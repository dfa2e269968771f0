import { useEffect, useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import { getAppeal } from '../../db/appeals-repo';
import { ESCALATION_REASONS, type EscalationReason } from '../../db/cur-records-repo';
import { now } from '../../app/clock';
import { Button } from '../../ui/Button';
import { useT } from '../../i18n';
import { escalateAppeal, loadFormDefaults, requestInformation } from './actions';
import { useReasonLabel } from './labels';
import { overdueMessages } from './messages';
import { useOverdueView } from './store';

/** The escalation / information-request form for the appeal chosen in the list. */
export function ActionForm() {
  const action = useOverdueView((s) => s.action);
  const close = useOverdueView((s) => s.closeAction);
  const appeal = useLiveQuery(() => (action ? getAppeal(getDb(), action.appealId) : Promise.resolve(undefined)), [action?.appealId]);
  if (!action || !appeal) return null;
  return (
    <div className="overdue__dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <div className="overdue__dialog card" role="dialog" aria-modal="true" data-testid={`od-form-${action.kind}`}>
        {action.kind === 'escalate' ? (
          <EscalateForm key={appeal.id} appealId={appeal.id} externalId={appeal.externalId} sector={appeal.sector} onDone={close} />
        ) : (
          <RequestForm key={appeal.id} appealId={appeal.id} externalId={appeal.externalId} organisation={appeal.orgCurrent} onDone={close} />
        )}
      </div>
    </div>
  );
}

interface FormProps {
  appealId: string;
  externalId: string;
  onDone(): void;
}

function useSubmit(onDone: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

async function freshAppeal(id: string) {
  const appeal = await getAppeal(getDb(), id);
  if (!appeal) throw new Error('Обращение не найдено');
  return appeal;
}

function EscalateForm({ appealId, externalId, sector, onDone }: FormProps & { sector: string }) {
  const t = useT(overdueMessages);
  const reasonLabel = useReasonLabel();
  const [reason, setReason] = useState<EscalationReason>('overdue');
  const [note, setNote] = useState('');
  const [assignee, setAssignee] = useState('');
  const [by, setBy] = useState('');
  const { error, busy, run } = useSubmit(onDone);
  useEffect(() => {
    void loadFormDefaults(getDb(), sector).then((d) => {
      setAssignee((v) => v || d.assignee);
      setBy((v) => v || d.by);
    });
  }, [sector]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => escalateAppeal(getDb(), await freshAppeal(appealId), { reason, note, assignee, by }, now()));
  };
  return (
    <form onSubmit={submit} className="stack">
      <h2 className="card__title">{t('formEscalateTitle', { number: externalId })}</h2>
      <label className="field">
        <span>{t('formReason')}</span>
        <select autoFocus value={reason} onChange={(e) => setReason(e.target.value as EscalationReason)} data-testid="od-reason">
          {ESCALATION_REASONS.map((r) => (
            <option key={r} value={r}>
              {reasonLabel(r)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('formAssignee')}</span>
        <input value={assignee} onChange={(e) => setAssignee(e.target.value)} required maxLength={200} data-testid="od-assignee" />
      </label>
      <label className="field">
        <span>{t('formNote')}</span>
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={2000} data-testid="od-note" />
      </label>
      <label className="field">
        <span>{t('formBy')}</span>
        <input value={by} onChange={(e) => setBy(e.target.value)} required maxLength={200} data-testid="od-by" />
      </label>
      {error ? <p className="overdue__error" role="alert">{t('formError', { message: error })}</p> : null}
      <div className="overdue__actions">
        <Button type="submit" variant="primary" disabled={busy} data-testid="od-submit">
          {t('formSubmit')}
        </Button>
        <Button onClick={onDone}>{t('formCancel')}</Button>
      </div>
    </form>
  );
}

function RequestForm({ appealId, externalId, organisation, onDone }: FormProps & { organisation: string | null }) {
  const t = useT(overdueMessages);
  const [body, setBody] = useState(organisation ?? '');
  const [question, setQuestion] = useState('');
  const [by, setBy] = useState('');
  const { error, busy, run } = useSubmit(onDone);
  useEffect(() => {
    void loadFormDefaults(getDb(), '').then((d) => setBy((v) => v || d.by));
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => requestInformation(getDb(), await freshAppeal(appealId), { body, question, by }, now()));
  };
  return (
    <form onSubmit={submit} className="stack">
      <h2 className="card__title">{t('formRequestTitle', { number: externalId })}</h2>
      <p className="overdue__muted">{t('formClockHint')}</p>
      <label className="field">
        <span>{t('formBody')}</span>
        <input autoFocus value={body} onChange={(e) => setBody(e.target.value)} required maxLength={300} data-testid="od-body" />
      </label>
      <label className="field">
        <span>{t('formQuestion')}</span>
        <textarea value={question} onChange={(e) => setQuestion(e.target.value)} required rows={3} maxLength={2000} data-testid="od-question" />
      </label>
      <label className="field">
        <span>{t('formRequestBy')}</span>
        <input value={by} onChange={(e) => setBy(e.target.value)} required maxLength={200} data-testid="od-by" />
      </label>
      {error ? <p className="overdue__error" role="alert">{t('formError', { message: error })}</p> : null}
      <div className="overdue__actions">
        <Button type="submit" variant="primary" disabled={busy} data-testid="od-submit">
          {t('formSubmit')}
        </Button>
        <Button onClick={onDone}>{t('formCancel')}</Button>
      </div>
    </form>
  );
}
