import type { HTMLAttributes } from 'react';
import { useSyncStatus } from '../sync/use-sync-status';

/**
 * A window's root element that says where sync stands: `data-sync` (starting, running, idle) and
 * `data-sync-pulls` (pulls finished so far), for end-to-end tests and anyone automating the app.
 * Only this element re-renders when they change: its children are elements its parent made.
 */
export function SyncAwareRoot(props: HTMLAttributes<HTMLDivElement>) {
  const sync = useSyncStatus();
  return <div {...props} data-sync={sync.phase} data-sync-pulls={sync.pulls} />;
}
