import { useState } from 'react';
import type { PersonalData as Personal } from '../../../shared/domain/appeal';
import type { CurDatabase, StoredAppeal } from '../../db/schema';
import { maskAddress, maskEmail, maskName, maskPhone, SEALED_MASKS } from '../../export/mask';
import { keychainError, openWithRecoveryKey, revealPersonal, type PersonalPresence } from '../../personal-vault';
import { useT } from '../../i18n';
import { useCan } from '../../runtime/use-access';
import { isViewerMode } from '../../runtime/snapshots';
import { openSnapshotVaultWithLaptopKey, openSnapshotVaultWithPassphrase } from '../../viewer/snapshot-vault';
import { Button } from '../../ui/Button';
import { cardMessages } from './messages';
import { auditPersonalDataShown } from './queries';

type Field = keyof PersonalPresence;
const FIELDS: { field: Field; label: 'fullName' | 'phone' | 'email' | 'applicantAddress'; mask: (v: string | null) => string | null; testId?: string }[] = [
  { field: 'fullName', label: 'fullName', mask: maskName, testId: 'personal-name' },
  { field: 'phone', label: 'phone', mask: maskPhone, testId: 'personal-phone' },
  { field: 'email', label: 'email', mask: maskEmail, testId: 'personal-email' },
  { field: 'address', label: 'applicantAddress', mask: maskAddress, testId: 'personal-address' },
];

type Blocked = 'locked' | 'lost' | 'damaged';

/**
 * The applicant's data, masked until the operator explicitly asks. Sealed data (renderer/personal-vault)
 * is masked by which fields are present alone; «Показать» writes the audit row first, then opens it.
 */
export function PersonalData({ db, appeal }: { db: CurDatabase; appeal: Pick<StoredAppeal, 'id' | 'personal' | 'sealedPersonal'> }) {
  const t = useT(cardMessages);
  // Observers and analysts never see personal data: no «Показать» (and the audit call refuses too).
  const mayReveal = useCan('personal-data.reveal');
  const [shown, setShown] = useState<Personal | null>(null);
  const [blocked, setBlocked] = useState<Blocked | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [recovery, setRecovery] = useState('');
  const [recovered, setRecovered] = useState(false);
  const clear = appeal.personal;
  const present: PersonalPresence | null = clear
    ? { fullName: !!clear.fullName, phone: !!clear.phone, email: !!clear.email, address: !!clear.address }
    : (appeal.sealedPersonal?.present ?? null);
  if (!present || !Object.values(present).some(Boolean)) {
    return <p className="registry-note">{t('personalNone')}</p>;
  }
  const show = async () => {
    setBusy(true);
    setError(null);
    try {
      // Log before opening: if the audit write fails, nothing is decrypted.
      await auditPersonalDataShown(db, appeal.id);
      let result = await revealPersonal(db, appeal);
      // A snapshot opened with this laptop's key opens its personal data with it again (after a restart, a lock).
      if (result.kind === 'locked' && isViewerMode() && (await openSnapshotVaultWithLaptopKey(db))) result = await revealPersonal(db, appeal);
      if (result.kind === 'shown') {
        setShown(result.personal);
        setBlocked(null);
      } else setBlocked(result.kind === 'none' ? 'damaged' : result.kind);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const recover = async () => {
    setBusy(true);
    setError(null);
    try {
      // On a snapshot the field takes its passphrase; on a workstation the recovery key.
      if (isViewerMode()) await openSnapshotVaultWithPassphrase(db, recovery);
      else await openWithRecoveryKey(db, recovery);
      setRecovery('');
      setRecovered(true);
      setBusy(false);
      await show();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  const value = (field: Field, mask: (v: string | null) => string | null) => {
    if (shown) return shown[field] ?? t('none');
    if (!present[field]) return t('none');
    return (clear ? mask(clear[field]) : SEALED_MASKS[field]) ?? t('none');
  };
  const reason = keychainError();
  const viewer = isViewerMode();
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
          <Button size="small" onClick={() => setShown(null)}>
            {t('personalHide')}
          </Button>
        </>
      ) : (
        <>
          <p className="registry-note">{t('personalMasked')}</p>
          {mayReveal ? (
            <Button size="small" onClick={() => void show()} disabled={busy} data-testid="personal-show">
              {t('personalShow')}
            </Button>
          ) : null}
        </>
      )}
      {blocked ? (
        <p role="status" className="registry-note" data-testid="personal-blocked">
          {t(blocked === 'locked' ? (viewer ? 'snapshotLocked' : 'personalLocked') : blocked === 'lost' ? 'personalLost' : 'personalDamaged')}
          {blocked === 'locked' && reason ? ` ${t('keychainReason', { reason })}` : null}
        </p>
      ) : null}
      {blocked === 'locked' ? (
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
      ) : null}
      {recovered && !viewer ? <p className="registry-note">{t('recoveryOpened')}</p> : null}
      {error ? <p role="alert" className="registry-error">{error}</p> : null}
    </div>
  );
}
