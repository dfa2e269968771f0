import { useState } from 'react';
import { useT } from '../../i18n';
import { signIn } from '../../runtime/session';
import { Button } from '../../ui/Button';
import { AccountFrame } from './AccountFrame';
import { accountMessages } from './messages';
import { PasswordField } from './PasswordField';
import { useAttempt } from './use-attempt';
import { AttemptNotice } from './AccountAlerts';

/** Sign-in: one answer for every failure, a visible growing delay after wrong attempts. */
export function SignInScreen() {
  const t = useT(accountMessages);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const attempt = useAttempt();
  const waiting = attempt.secondsLeft > 0;
  return (
    <AccountFrame title={t('signInTitle')} testId="sign-in">
      <p>{t('signInIntro')}</p>
      <form
        className="account-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (waiting) return;
          const ok = await attempt.run(() => signIn(login, password));
          if (!ok) setPassword('');
        }}
      >
        <label className="account-field">
          <span>{t('login')}</span>
          <input value={login} onChange={(e) => setLogin(e.target.value)} autoComplete="username" autoFocus data-testid="account-login" />
        </label>
        <PasswordField label={t('password')} value={password} onChange={setPassword} testId="account-password" />
        <AttemptNotice failed={attempt.failed} secondsLeft={attempt.secondsLeft} />
        <Button type="submit" variant="primary" disabled={attempt.busy || waiting} data-testid="account-submit">
          {attempt.busy ? t('checking') : t('signIn')}
        </Button>
      </form>
    </AccountFrame>
  );
}
