import { EmptyState } from '../../ui/EmptyState';

/** Area not built yet: shown honestly empty until its issue lands. */
export default function Screen() {
  return <EmptyState title="Нет данных" hint="Этот раздел появится в следующих версиях." />;
}
