import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { AccountFrame } from './AccountFrame';
import { accountMessages } from './messages';
import { recoveryKeyStore } from './store';

/** The recovery key from the first run, shown once; printing prints only this card (account.css). */
export function RecoveryKeyScreen({ recoveryKey }: { recoveryKey: string }) {
  const t = useT(accountMessages);
  return (
    <AccountFrame title={t('recoveryTitle')} testId="recovery-key">
      <p>{t('recoveryIntro')}</p>
      <pre className="account-recovery-key" data-testid="recovery-key-text">
        {recoveryKey}
      </pre>
      <div className="account-actions">
        <Button onClick={() => window.print()}>{t('print')}</Button>
        <Button variant="primary" data-testid="recovery-key-saved" onClick={() => recoveryKeyStore.setState({ key: null })}>
          {t('saved')}
        </Button>
      </div>
    </AccountFrame>
  );
}
