/**
 * What the current viewer of this window may see and do: the role and the effective scope. The
 * session sets them in the operator window; the wall window takes the presenter's scope from
 * wall-control commands. Every query reads `effectiveScope()` — aggregate reads
 * (renderer/db/aggregate-queries.ts), the registry's row predicate and index
 * (renderer/features/registry/query-plan.ts, renderer/analytics-engine/registry-match.ts), the
 * appeal card, overdue lists, the wall's lists, the report worker — so no screen filters by scope on
 * its own and none can forget to.
 *
 * Before anyone signs in the operator window's scope is NOTHING: a query that runs behind the
 * sign-in screen finds no appeal at all.
 */
import { create } from 'zustand';
import { AccessDeniedError, can, type Permission, type Role } from '../../shared/access/roles';
import { NOTHING, UNRESTRICTED, type AccessScope } from '../../shared/access/scope';

export interface AccessState {
  readonly role: Role | null;
  readonly scope: AccessScope;
  /**
   * Whether this realm has a session whose role gates actions (the operator window). Workers and
   * unit tests have none: they perform no person's actions, so role checks do not apply there.
   */
  readonly enforced: boolean;
}

// A realm starts unrestricted (workers, tests); the operator window sets NOTHING at boot (main.tsx)
// until someone signs in, and the wall takes the presenter's scope.
export const accessStore = create<AccessState>(() => ({ role: null, scope: UNRESTRICTED, enforced: false }));

/** The operator window's session: from now on actions need the role's permission. */
export function setAccess(role: Role | null, scope: AccessScope): void {
  accessStore.setState({ role, scope, enforced: true });
}

/** The wall and workers: no role (no actions), a scope given by whoever drives them. */
export function setViewerScope(scope: AccessScope): void {
  accessStore.setState({ role: null, scope, enforced: true });
}

export function effectiveScope(): AccessScope {
  return accessStore.getState().scope;
}

export function currentRole(): Role | null {
  return accessStore.getState().role;
}

export function mayDo(permission: Permission): boolean {
  const { enforced, role } = accessStore.getState();
  return !enforced || can(role, permission);
}

/**
 * The data layer's refusal: throws AccessDeniedError when this window's role may not do it. UI
 * hides the action too; this is what holds when the UI is bypassed.
 */
export function requirePermission(permission: Permission): void {
  if (!mayDo(permission)) throw new AccessDeniedError(permission);
}

export function useEffectiveScope(): AccessScope {
  return accessStore((s) => s.scope);
}

export function useCan(permission: Permission): boolean {
  return accessStore((s) => !s.enforced || can(s.role, permission));
}

export { UNRESTRICTED, NOTHING };
