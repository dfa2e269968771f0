/**
 * The gate of the operator window (renderer/app/OperatorShell wraps the shell in it): first run,
 * sign-in, the lock screen or the forced password change replace the whole shell, so no screen,
 * number or name is rendered behind them. The wall root (`#/wall`) is not gated.
 */
import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { useSession } from '../../runtime/session';
import { Skeleton } from '../../ui/Skeleton';
import { AccountFrame } from './AccountFrame';
import { ChangePasswordForm } from './ChangePasswordForm';
import { FirstRunScreen } from './FirstRunScreen';
import { useIdleLock } from './idle-lock';
import { LockScreen } from './LockScreen';
import { accountMessages } from './messages';
import { RecoveryKeyScreen } from './RecoveryKeyScreen';
import { SignInScreen } from './SignInScreen';
import { recoveryKeyStore } from './store';
import './account.css';

export function AccountGate({ children }: { children: ReactNode }) {
  const t = useT(accountMessages);
  const phase = useSession((s) => s.phase);
  const mustChange = useSession((s) => s.user?.mustChangePassword ?? false);
  const recoveryKey = recoveryKeyStore((s) => s.key);
  useIdleLock();
  if (recoveryKey) return <RecoveryKeyScreen recoveryKey={recoveryKey} />;
  switch (phase) {
    case 'loading':
      return (
        <div className="account-screen" data-testid="account-loading">
          <Skeleton lines={3} />
        </div>
      );
    case 'first-run':
      return <FirstRunScreen />;
    case 'signed-out':
      return <SignInScreen />;
    case 'locked':
      return <LockScreen />;
    case 'signed-in':
      if (mustChange) {
        return (
          <AccountFrame title={t('mustChangeTitle')} testId="must-change-password">
            <p>{t('mustChangeIntro')}</p>
            <ChangePasswordForm onDone={() => undefined} />
          </AccountFrame>
        );
      }
      return <>{children}</>;
  }
}
