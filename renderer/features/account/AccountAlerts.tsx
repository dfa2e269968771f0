import { useT } from '../../i18n';
import { accountMessages } from './messages';
import { problemKey } from './problem-text';

/** A refused account action (`too-short`, `login-taken`, …) in words, or nothing. */
export function AccountProblem({ problem, testId }: { problem: string | null; testId?: string }) {
  const t = useT(accountMessages);
  if (!problem) return null;
  return (
    <p className="account-error" role="alert" data-testid={testId}>
      {t(problemKey(problem))}
    </p>
  );
}

/**
 * What a failed sign-in or unlock says: one answer for a wrong login or password, and while the
 * throttle holds, the seconds left.
 */
export function AttemptNotice({ failed, secondsLeft }: { failed: boolean; secondsLeft: number }) {
  const t = useT(accountMessages);
  if (secondsLeft > 0) {
    return (
      <p className="account-error" role="alert" data-testid="account-wait" data-seconds={secondsLeft}>
        {t('wrong')} {t('wait', { seconds: secondsLeft })}
      </p>
    );
  }
  if (!failed) return null;
  return (
    <p className="account-error" role="alert" data-testid="account-error">
      {t('wrong')}
    </p>
  );
}
