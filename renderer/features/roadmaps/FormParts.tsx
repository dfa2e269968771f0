/** Pieces of the roadmap forms: fields with labels, errors, and the two-version conflict notice. */
import type { ReactNode } from 'react';
import { Button } from '../../ui/Button';
import { DayInput, type DayInputProps } from '../../ui/DayInput';
import { useT } from '../../i18n';
import { roadmapMessages } from './messages';
import type { Conflict } from './use-write';

/** Both versions side by side and the choice; nothing is saved until the person picks one. */
export function ConflictNotice({ conflict, mine, stored }: { conflict: Conflict; mine: ReactNode; stored: ReactNode }) {
  const t = useT(roadmapMessages);
  const who = conflict.stored?.updatedBy ?? conflict.stored?.enteredBy ?? '—';
  return (
    <div className="roadmaps__conflict" role="alert" data-testid="rm-conflict">
      <strong>{t('conflictTitle')}</strong>
      {conflict.stored ? (
        <>
          <p>{t('conflictHint')}</p>
          <div className="roadmaps__conflict-versions">
            <div>
              <h4>{t('yours')}</h4>
              {mine}
            </div>
            <div>
              <h4>{t('stored', { by: who })}</h4>
              {stored}
            </div>
          </div>
          <div className="roadmaps__actions">
            <Button variant="primary" onClick={() => void conflict.keepMine()} data-testid="rm-conflict-mine">
              {t('conflictMine')}
            </Button>
            <Button onClick={conflict.keepStored} data-testid="rm-conflict-theirs">
              {t('conflictTheirs')}
            </Button>
          </div>
        </>
      ) : (
        <>
          <p>{t('conflictRemoved')}</p>
          <Button onClick={conflict.keepStored}>{t('cancel')}</Button>
        </>
      )}
    </div>
  );
}

/** A day field with its visible label (the shared DayInput expects a `.field` around it). */
export function DayField(props: DayInputProps) {
  return (
    <div className="field">
      <span>{props.label}</span>
      <DayInput {...props} />
    </div>
  );
}

/** A labelled control. */
export function Field({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    <label className="roadmaps__field">
      <span className="roadmaps__label">{label}</span>
      {children}
      {hint ? <span className="roadmaps__hint">{hint}</span> : null}
    </label>
  );
}

export function Errors({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <ul className="roadmaps__errors" role="alert" data-testid="rm-errors">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}
