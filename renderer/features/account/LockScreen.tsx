import { useState } from 'react';
import { useT } from '../../i18n';
import { signOut, unlock, useSession } from '../../runtime/session';
import { Button } from '../../ui/Button';
import { AccountFrame } from './AccountFrame';
import { accountMessages } from './messages';
import { PasswordField } from './PasswordField';
import { useAttempt } from './use-attempt';
import { AttemptNotice } from './AccountAlerts';

/** The locked operator window: no data behind it, the same user's password, or a user switch. */
export function LockScreen() {
  const t = useT(accountMessages);
  const user = useSession((s) => s.user);
  const reason = useSession((s) => s.lockReason);
  const [password, setPassword] = useState('');
  const attempt = useAttempt();
  const waiting = attempt.secondsLeft > 0;
  return (
    <AccountFrame title={t('lockedTitle')} testId="lock-screen">
      <p data-lock-reason={reason ?? ''}>{t(reason === 'idle' ? 'lockedIdle' : reason === 'reload' ? 'lockedReload' : 'lockedManual')}</p>
      <p>
        <strong>{t('lockedUser', { name: user ? `${user.displayName} (${user.login})` : '—' })}</strong>
      </p>
      <form
        className="account-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (waiting) return;
          const ok = await attempt.run(() => unlock(password));
          if (!ok) setPassword('');
        }}
      >
        <PasswordField label={t('password')} value={password} onChange={setPassword} testId="account-password" autoFocus />
        <AttemptNotice failed={attempt.failed} secondsLeft={attempt.secondsLeft} />
        <div className="account-actions">
          <Button type="submit" variant="primary" disabled={attempt.busy || waiting} data-testid="account-submit">
            {attempt.busy ? t('checking') : t('unlock')}
          </Button>
          <Button onClick={() => void signOut()} data-testid="switch-user">
            {t('switchUser')}
          </Button>
        </div>
      </form>
    </AccountFrame>
  );
}
