import { useT } from '../../i18n';
import { EmptyState } from '../../ui/EmptyState';
import { accountMessages } from './messages';

/** What an area shows to a role that may not use it (the navigation hides it too). */
export function AccessDenied() {
  const t = useT(accountMessages);
  return (
    <div data-testid="access-denied" data-ready="true">
      <EmptyState title={t('denied')} hint={t('deniedHint')} />
    </div>
  );
}
