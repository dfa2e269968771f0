/**
 * The records cards' data: the rows under the chosen status and sector, and the status choice
 * wired to the view store, so the cards themselves only say how a row is shown.
 */
import { ESCALATION_STATUSES, INFO_REQUEST_STATUSES } from '../../db/cur-records-repo';
import { useEscalationStatusLabel, useRequestStatusLabel } from './labels';
import { useEscalations, useInfoRequests } from './queries';
import { useOverdueView } from './store';

export function useEscalationList(sector: string | null) {
  const value = useOverdueView((s) => s.escalationStatus);
  const onChange = useOverdueView((s) => s.setEscalationStatus);
  const choice = { value, onChange, statuses: ESCALATION_STATUSES, label: useEscalationStatusLabel() };
  return { rows: useEscalations({ status: value, sector }), choice };
}

export function useInfoRequestList(sector: string | null) {
  const value = useOverdueView((s) => s.requestStatus);
  const onChange = useOverdueView((s) => s.setRequestStatus);
  const choice = { value, onChange, statuses: INFO_REQUEST_STATUSES, label: useRequestStatusLabel() };
  return { rows: useInfoRequests({ status: value, sector }), choice };
}
