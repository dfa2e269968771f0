import type { ReactNode } from 'react';
import { Button } from '../../ui/Button';
import { useT } from '../../i18n';
import { controlMessages } from './messages';

interface Props {
  storedVersion: number;
  mineVersion: number;
  stored: ReactNode;
  mine: ReactNode;
  onKeepStored(): void;
  onApplyMine(): void;
}

/**
 * A write refused because another window saved first: both versions side by side and a choice.
 * Nothing is overwritten until the person chooses «Применить моё поверх».
 */
export function ConflictNotice({ storedVersion, mineVersion, stored, mine, onKeepStored, onApplyMine }: Props) {
  const t = useT(controlMessages);
  return (
    <div className="control__conflict" role="alertdialog" aria-labelledby="control-conflict-title" data-testid="control-conflict">
      <h3 id="control-conflict-title">{t('conflictTitle')}</h3>
      <p>{t('conflictText', { stored: storedVersion, mine: mineVersion })}</p>
      <div className="control__conflict-sides">
        <section data-testid="conflict-stored">
          <h4>{t('conflictStored')}</h4>
          {stored}
        </section>
        <section data-testid="conflict-mine">
          <h4>{t('conflictMine')}</h4>
          {mine}
        </section>
      </div>
      <div className="control__actions">
        <Button onClick={onKeepStored} data-testid="conflict-keep-stored">
          {t('conflictKeepStored')}
        </Button>
        <Button variant="primary" onClick={onApplyMine} data-testid="conflict-apply-mine">
          {t('conflictApplyMine')}
        </Button>
      </div>
    </div>
  );
}

export function Errors({ errors }: { errors: string[] }) {
  const t = useT(controlMessages);
  if (!errors.length) return null;
  return (
    <ul className="control__errors" role="alert" data-testid="control-errors">
      {errors.map((e) => (
        <li key={e}>{t('error', { message: e })}</li>
      ))}
    </ul>
  );
}

export function Field({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <label className={wide ? 'control__field control__field--wide' : 'control__field'}>
      <span>{label}</span>
      {children}
    </label>
  );
}
