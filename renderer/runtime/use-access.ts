/** React's view of runtime/access.ts: components re-render when the role or the scope changes. */
import { useSyncExternalStore } from 'react';
import type { Permission, Role } from '../../shared/access/roles';
import type { AccessScope } from '../../shared/access/scope';
import { getAccess, mayDo, subscribeAccess, type AccessState } from './access';

function useAccess<T>(select: (s: AccessState) => T): T {
  return useSyncExternalStore(
    (onChange) => subscribeAccess(() => onChange()),
    () => select(getAccess()),
  );
}

export function useEffectiveScope(): AccessScope {
  return useAccess((s) => s.scope);
}

export function useAccessRole(): Role | null {
  return useAccess((s) => s.role);
}

/** The same answer as the data layer's `mayDo` (role, and a snapshot's read-only data), so a screen never offers what is refused. */
export function useCan(permission: Permission): boolean {
  return useAccess(() => mayDo(permission));
}
