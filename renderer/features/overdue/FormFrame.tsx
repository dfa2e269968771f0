import type { FormEvent, ReactNode } from 'react';
import { Button } from '../../ui/Button';
import { useT } from '../../i18n';
import { overdueMessages } from './messages';
import { SignedInAuthor } from '../../ui/SignedInAuthor';

/** A labelled control of an action form. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  );
}

interface Props {
  title: string;
  hint?: string;
  /** Both actions are signed: the label says who signs (who escalates, who requests). */
  byLabel: string;
  error: string | null;
  busy: boolean;
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
}

/** The frame of an action form: title, the kind's own fields, the signature, errors, submit / cancel. */
export function FormFrame({ title, hint, byLabel, error, busy, onSubmit, onCancel, children }: Props) {
  const t = useT(overdueMessages);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} className="stack">
      <h2 className="card__title">{title}</h2>
      {hint ? <p className="overdue__muted">{hint}</p> : null}
      {children}
      <Field label={byLabel}>
        <SignedInAuthor testId="od-by" />
      </Field>
      {error ? <p className="overdue__error" role="alert">{t('formError', { message: error })}</p> : null}
      <div className="overdue__actions">
        <Button type="submit" variant="primary" disabled={busy} data-testid="od-submit">
          {t('formSubmit')}
        </Button>
        <Button onClick={onCancel}>{t('formCancel')}</Button>
      </div>
    </form>
  );
}
