import { useState } from 'react';
import { useT } from '../../i18n';
import { changeOwnPassword } from '../../runtime/session';
import { Button } from '../../ui/Button';
import { accountMessages } from './messages';
import { PasswordField } from './PasswordField';
import { AccountProblem } from './AccountAlerts';

/** The signed-in user's own password (forced after an administrator's reset). */
export function ChangePasswordForm({ onDone, onCancel }: { onDone(): void; onCancel?: () => void }) {
  const t = useT(accountMessages);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="account-form"
      data-testid="change-password"
      onSubmit={async (event) => {
        event.preventDefault();
        if (next !== repeat) return setProblem('mismatch');
        setBusy(true);
        try {
          const result = await changeOwnPassword(current, next);
          if (result.ok) onDone();
          else setProblem(result.problem);
        } finally {
          setBusy(false);
        }
      }}
    >
      <PasswordField label={t('currentPassword')} value={current} onChange={setCurrent} testId="current-password" autoFocus />
      <PasswordField label={t('newPassword')} value={next} onChange={setNext} testId="new-password" isNew />
      <PasswordField label={t('passwordRepeat')} value={repeat} onChange={setRepeat} testId="new-password-repeat" isNew />
      <p className="account-hint">{t('passwordHint')}</p>
      <AccountProblem problem={problem} />
      <div className="account-actions">
        <Button type="submit" variant="primary" disabled={busy} data-testid="change-password-save">
          {t('save')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('cancel')}</Button> : null}
      </div>
    </form>
  );
}
