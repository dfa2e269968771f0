import { useState } from 'react';
import type { PersonalData as Personal } from '../../../shared/domain/appeal';
import type { CurDatabase } from '../../db/schema';
import { maskAddress, maskEmail, maskName, maskPhone } from '../../export/mask';
import { useT } from '../../i18n';
import { useCan } from '../../runtime/use-access';
import { Button } from '../../ui/Button';
import { cardMessages } from './messages';
import { auditPersonalDataShown } from './queries';

/** The applicant's data, masked until the operator explicitly asks; asking is audited first. */
export function PersonalData({ db, appealId, personal }: { db: CurDatabase; appealId: string; personal: Personal | null }) {
  const t = useT(cardMessages);
  // Observers and analysts never see personal data: no «Показать» (and the audit call refuses too).
  const mayReveal = useCan('personal-data.reveal');
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!personal || (!personal.fullName && !personal.phone && !personal.email && !personal.address)) {
    return <p className="registry-note">{t('personalNone')}</p>;
  }
  const show = async () => {
    setBusy(true);
    setError(null);
    try {
      // Log before showing: if the audit write fails, the data stays hidden.
      await auditPersonalDataShown(db, appealId);
      setShown(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const v = (value: string | null, mask: (x: string | null) => string | null) => (shown ? value : mask(value)) ?? t('none');
  return (
    <div className="appeal-personal" data-testid="appeal-personal" data-shown={String(shown)}>
      <dl className="dl">
        <dt>{t('fullName')}</dt>
        <dd data-testid="personal-name">{v(personal.fullName, maskName)}</dd>
        <dt>{t('phone')}</dt>
        <dd data-testid="personal-phone">{v(personal.phone, maskPhone)}</dd>
        <dt>{t('email')}</dt>
        <dd>{v(personal.email, maskEmail)}</dd>
        <dt>{t('applicantAddress')}</dt>
        <dd>{v(personal.address, maskAddress)}</dd>
      </dl>
      {shown ? (
        <>
          <p className="registry-note">{t('personalShownNote')}</p>
          <Button size="small" onClick={() => setShown(false)}>
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
      {error ? <p role="alert" className="registry-error">{error}</p> : null}
    </div>
  );
}
