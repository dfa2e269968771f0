import { useState } from 'react';
import { useT } from '../../i18n';
import { createFirstAdministrator } from '../../runtime/session';
import { Button } from '../../ui/Button';
import { AccountFrame } from './AccountFrame';
import { accountMessages } from './messages';
import { PasswordField } from './PasswordField';
import { recoveryKeyStore } from './store';
import { AccountProblem } from './AccountAlerts';

/** No users yet: create the administrator. */
export function FirstRunScreen() {
  const t = useT(accountMessages);
  const [login, setLogin] = useState('admin');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <AccountFrame title={t('firstRunTitle')} testId="first-run">
      <p>{t('firstRunIntro')}</p>
      <form
        className="account-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (password !== repeat) return setProblem('mismatch');
          setBusy(true);
          setProblem(null);
          try {
            const result = await createFirstAdministrator(login, name || login, password);
            if (!result.ok) setProblem(result.problem);
            else if (result.recoveryKey) recoveryKeyStore.setState({ key: result.recoveryKey });
          } finally {
            setBusy(false);
          }
        }}
      >
        <label className="account-field">
          <span>{t('login')}</span>
          <input value={login} onChange={(e) => setLogin(e.target.value)} autoComplete="username" data-testid="account-login" title={t('loginHint')} />
        </label>
        <label className="account-field">
          <span>{t('displayName')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="account-name" />
        </label>
        <PasswordField label={t('password')} value={password} onChange={setPassword} testId="account-password" isNew autoFocus />
        <PasswordField label={t('passwordRepeat')} value={repeat} onChange={setRepeat} testId="account-password-repeat" isNew />
        <p className="account-hint">{t('passwordHint')}</p>
        <AccountProblem problem={problem} testId="account-error" />
        <Button type="submit" variant="primary" disabled={busy} data-testid="account-submit">
          {busy ? t('creating') : t('create')}
        </Button>
      </form>
    </AccountFrame>
  );
}
