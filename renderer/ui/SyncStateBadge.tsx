import { defineMessages, useT } from '../i18n';
import './sync-state.css';

const messages = defineMessages(
  { sent: 'отправлено', pending: 'ожидает отправки', conflict: 'конфликт', conflictTitle: 'Запись изменена и здесь, и на другом рабочем месте: выберите версию в «Источниках»' },
  { sent: 'sent', pending: 'waiting to be sent', conflict: 'conflict', conflictTitle: 'Changed here and on another workstation: choose a version in «Sources»' },
);

/** A shared record's standing with the centre server, next to the record in a list. */
export function SyncStateBadge({ state }: { state: 'sent' | 'pending' | 'conflict' | undefined }) {
  const t = useT(messages);
  if (!state) return null;
  const label = <span className={`sync-state sync-state--${state}`} data-testid="record-sync-state" data-state={state}>{t(state)}</span>;
  // A conflict is resolved on the sources screen, where both versions are shown.
  return state === 'conflict' ? (
    <a href="#/sources" title={t('conflictTitle')}>
      {label}
    </a>
  ) : (
    label
  );
}
