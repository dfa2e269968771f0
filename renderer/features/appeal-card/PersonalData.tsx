import { useState } from 'react';
import type { CurDatabase } from '../../db/schema';
import { maskAddress, maskEmail, maskName, maskPhone, SEALED_MASKS } from '../../export/mask';
import { keychainError, openWithRecoveryKey, type PersonalPresence } from '../../personal-vault';
import { useT } from '../../i18n';
import { useCan } from '../../runtime/use-access';
import { isViewerMode } from '../../runtime/snapshots';
import { openSnapshotVaultWithPassphrase } from '../../viewer/snapshot-vault';
import { Button } from '../../ui/Button';
import { cardMessages } from './messages';
import { useAppealReveal, type AppealReveal, type RevealableAppeal } from './use-appeal-reveal';

type Field = keyof PersonalPresence;
const FIELDS: { field: Field; label: 'fullName' | 'phone' | 'email' | 'applicantAddress'; mask: (v: string | null) => string | null; testId?: string }[] = [
  { field: 'fullName', label: 'fullName', mask: maskName, testId: 'personal-name' },
  { field: 'phone', label: 'phone', mask: maskPhone, testId: 'personal-phone' },
  { field: 'email', label: 'email', mask: maskEmail, testId: 'personal-email' },
  { field: 'address', label: 'applicantAddress', mask: maskAddress, testId: 'personal-address' },
];

/**
 * The applicant's data, masked until the operator explicitly asks. Sealed data (renderer/personal-vault)
 * is masked by which fields are present alone; «Показать» writes the audit row first, then opens it.
 */
export function PersonalData({ db, appeal, reveal: shared }: { db: CurDatabase; appeal: RevealableAppeal; reveal?: AppealReveal }) {
  const t = useT(cardMessages);
  // Observers and analysts never see personal data: no «Показать» (and the audit call refuses too).
  const mayReveal = useCan('personal-data.reveal');
  // The card passes the reveal it shares with the text block; alone, this block has its own.
  const own = useAppealReveal(db, appeal);
  const reveal = shared ?? own;
  const shown = reveal.personal;
  const blocked = reveal.blocked;
  const [recovering, setRecovering] = useState(false);
  const [recoveryError, setRecoveryError] = useState<string | null>(null);
  const [recovery, setRecovery] = useState('');
  const [recovered, setRecovered] = useState(false);
  // On a snapshot the field takes the bundle's passphrase; on a workstation the recovery key.
  const viewer = isViewerMode();
  const busy = reveal.busy || recovering;
  const error = recoveryError ?? reveal.error;
  const clear = appeal.personal;
  const present: PersonalPresence | null = clear
    ? { fullName: !!clear.fullName, phone: !!clear.phone, email: !!clear.email, address: !!clear.address }
    : (appeal.sealedPersonal?.present ?? null);
  const recover = async () => {
    setRecovering(true);
    setRecoveryError(null);
    try {
      if (viewer) await openSnapshotVaultWithPassphrase(db, recovery);
      else await openWithRecoveryKey(db, recovery);
      setRecovery('');
      setRecovered(true);
      setRecovering(false);
      await reveal.show();
    } catch (e) {
      setRecoveryError(e instanceof Error ? e.message : String(e));
      setRecovering(false);
    }
  };
  const recoveryForm =
    blocked === 'locked' ? (
      <form
        className="appeal-personal__recovery"
        onSubmit={(e) => {
          e.preventDefault();
          void recover();
        }}
      >
        <label>
          {t(viewer ? 'snapshotPassphrase' : 'recoveryKey')}{' '}
          <input
            type={viewer ? 'password' : 'text'}
            value={recovery}
            onChange={(e) => setRecovery(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            data-testid="personal-recovery-key"
          />
        </label>{' '}
        <Button size="small" type="submit" disabled={busy || recovery.trim() === ''} data-testid="personal-recovery-open">
          {t(viewer ? 'snapshotOpen' : 'recoveryOpen')}
        </Button>
      </form>
    ) : null;
  if (!present || !Object.values(present).some(Boolean)) {
    // No applicant data; a sealed text's reveal may still need the recovery key, offered here.
    return (
      <div className="appeal-personal" data-testid="appeal-personal-none">
        <p className="registry-note">{t('personalNone')}</p>
        {recoveryForm}
        {recovered && !viewer ? <p className="registry-note">{t('recoveryOpened')}</p> : null}
        {recoveryError ? <p role="alert" className="registry-error">{recoveryError}</p> : null}
      </div>
    );
  }
  const value = (field: Field, mask: (v: string | null) => string | null) => {
    if (shown) return shown[field] ?? t('none');
    if (!present[field]) return t('none');
    return (clear ? mask(clear[field]) : SEALED_MASKS[field]) ?? t('none');
  };
  const reason = keychainError();
  return (
    <div className="appeal-personal" data-testid="appeal-personal" data-shown={String(shown !== null)} data-blocked={blocked ?? undefined}>
      <dl className="dl">
        {FIELDS.map(({ field, label, mask, testId }) => (
          <div key={field} style={{ display: 'contents' }}>
            <dt>{t(label)}</dt>
            <dd data-testid={testId}>{value(field, mask)}</dd>
          </div>
        ))}
      </dl>
      {shown ? (
        <>
          <p className="registry-note">{t('personalShownNote')}</p>
          <Button size="small" onClick={() => reveal.hide()}>
            {t('personalHide')}
          </Button>
        </>
      ) : (
        <>
          <p className="registry-note">{t('personalMasked')}</p>
          {mayReveal ? (
            <Button size="small" onClick={() => void reveal.show()} disabled={busy} data-testid="personal-show">
              {t('personalShow')}
            </Button>
          ) : null}
        </>
      )}
      {blocked ? (
        <p role="status" className="registry-note" data-testid="personal-blocked">
          {t(blocked === 'locked' ? 'personalLocked' : blocked === 'lost' ? 'personalLost' : 'personalDamaged')}
          {blocked === 'locked' && reason ? ` ${t('keychainReason', { reason })}` : null}
        </p>
      ) : null}
      {recoveryForm}
      {recovered && !viewer ? <p className="registry-note">{t('recoveryOpened')}</p> : null}
      {error ? <p role="alert" className="registry-error">{error}</p> : null}
    </div>
  );
}
