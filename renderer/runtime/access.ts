/**
 * What the current viewer of this window may see and do: the role and the effective scope. The
 * session sets them in the operator window; the wall window takes the presenter's scope from
 * wall-control commands; the report worker takes the requester's scope from its message. Every
 * query reads `effectiveScope()` — aggregate reads (renderer/db/aggregate-queries.ts), the
 * registry's row predicate and index (renderer/features/registry/query-plan.ts,
 * renderer/analytics-engine/registry-match.ts, scoped-view.ts), appeal reads (appeals-repo), the
 * appeal card, overdue lists, the centre's records, the wall's lists, the report worker — so no
 * screen filters by scope on its own and none can forget to.
 *
 * Plain module state with no dependency (workers bundle it: tests/unit/worker-import-graph.test.ts);
 * React components read it through use-access.ts.
 */
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

// A realm starts unrestricted and unenforced (workers, tests); the operator window sets NOTHING at
// boot (main.tsx) until someone signs in, and the wall takes the presenter's scope.
let state: AccessState = { role: null, scope: UNRESTRICTED, enforced: false };
const listeners = new Set<(next: AccessState, previous: AccessState) => void>();

function update(next: AccessState): void {
  const previous = state;
  state = next;
  for (const listener of listeners) listener(next, previous);
}

export function getAccess(): AccessState {
  return state;
}

export function subscribeAccess(listener: (next: AccessState, previous: AccessState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The operator window's session: from now on actions need the role's permission. */
export function setAccess(role: Role | null, scope: AccessScope): void {
  update({ role, scope, enforced: true });
}

/** The wall and the report worker: no role (no actions), a scope given by whoever drives them. */
export function setViewerScope(scope: AccessScope): void {
  update({ role: null, scope, enforced: true });
}

/** Tests only: back to the unenforced start state (no role, everything in scope, nothing read-only). */
export function resetAccessForTests(): void {
  readOnlyData = false;
  update({ role: null, scope: UNRESTRICTED, enforced: false });
}

export function effectiveScope(): AccessScope {
  return state.scope;
}

export function currentRole(): Role | null {
  return state.role;
}

/** What a window on a snapshot (viewer mode) may never do, whatever the role: its data is read-only. */
const CHANGES_DATA: ReadonlySet<Permission> = new Set(['records.edit', 'data.import', 'sources.manage']);
let readOnlyData = false;

/** Viewer mode (renderer/runtime/snapshots.ts): set once at boot, before anyone signs in. */
export function setReadOnlyData(on: boolean): void {
  readOnlyData = on;
}

export function mayDo(permission: Permission): boolean {
  if (readOnlyData && CHANGES_DATA.has(permission)) return false;
  return !state.enforced || can(state.role, permission);
}

/**
 * The data layer's refusal: throws AccessDeniedError when this window's role may not do it. UI
 * hides the action too; this is what holds when the UI is bypassed.
 */
export function requirePermission(permission: Permission): void {
  if (!mayDo(permission)) throw new AccessDeniedError(permission);
}

export { UNRESTRICTED, NOTHING };
