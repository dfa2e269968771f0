import type { EscalationReason, EscalationStatus, InfoRequestStatus } from '../../db/cur-records-repo';
import { useT } from '../../i18n';
import { overdueMessages } from './messages';

const ESCALATION_STATUS_KEYS = { open: 'statusOpen', 'in-progress': 'statusInProgress', resolved: 'statusResolved' } as const;
const REQUEST_STATUS_KEYS = { open: 'reqOpen', answered: 'reqAnswered', cancelled: 'reqCancelled' } as const;

export function useEscalationStatusLabel() {
  const t = useT(overdueMessages);
  return (status: EscalationStatus) => t(ESCALATION_STATUS_KEYS[status]);
}

export function useRequestStatusLabel() {
  const t = useT(overdueMessages);
  return (status: InfoRequestStatus) => t(REQUEST_STATUS_KEYS[status]);
}

export function useReasonLabel() {
  const t = useT(overdueMessages);
  return (reason: EscalationReason) => t(`reason_${reason}`);
}
