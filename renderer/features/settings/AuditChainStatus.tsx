/**
 * Whether the activity log is intact: «Журнал цел», or exactly where its hash chain breaks (the
 * row, its time, and what is wrong with it). Re-checked live whenever a row is added.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { ChainCheck } from '../../../shared/audit/chain';
import { formatDateTime, formatNumber } from '../../../shared/format/ru';
import { checkAuditChain } from '../../db/audit-repo';
import { getDb } from '../../db/db';
import { useLang, useT } from '../../i18n';
import { auditMessages } from './audit-messages';

type Key = keyof (typeof auditMessages)['ru'];

const REASON_KEYS: Record<Extract<ChainCheck, { ok: false }>['reason'], Key> = {
  edited: 'chainEdited',
  'missing-before': 'chainMissingBefore',
  'out-of-order': 'chainOutOfOrder',
  unsealed: 'chainUnsealed',
  'tail-missing': 'chainTailMissing',
};

export function AuditChainStatus({ timeZone }: { timeZone: string }) {
  const t = useT(auditMessages);
  const lang = useLang();
  const check = useLiveQuery(() => checkAuditChain(getDb()).catch((error: unknown) => ({ failed: String(error) })), []);
  if (!check) return null;
  if ('failed' in check) {
    return (
      <p role="alert" className="sync-state--error" data-testid="audit-chain" data-state="unchecked">
        {t('chainUnchecked', { reason: check.failed })}
      </p>
    );
  }
  if (check.ok) {
    return (
      <p role="status" className="card__subtitle" data-testid="audit-chain" data-state="intact">
        {t('chainIntact')}
        {check.unsealedBefore > 0 ? ` ${t('chainUnsealedBefore', { count: formatNumber(check.unsealedBefore, 0, lang) })}` : ''}
      </p>
    );
  }
  const where = check.seq !== null ? t('chainAtRow', { seq: check.seq, at: check.at !== null ? formatDateTime(check.at, timeZone, lang) : '—' }) : '';
  return (
    <p role="alert" className="sync-state--error" data-testid="audit-chain" data-state="broken" data-reason={check.reason}>
      {t('chainBroken')} {where}
      {t(REASON_KEYS[check.reason])}
    </p>
  );
}
