/** React's view of runtime/access.ts: components re-render when the role or the scope changes. */
import { useSyncExternalStore } from 'react';
import { can, type Permission, type Role } from '../../shared/access/roles';
import type { AccessScope } from '../../shared/access/scope';
import { getAccess, subscribeAccess, type AccessState } from './access';

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

export function useCan(permission: Permission): boolean {
  return useAccess((s) => !s.enforced || can(s.role, permission));
}
