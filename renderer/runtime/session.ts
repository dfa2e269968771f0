/**
 * The operator window's session: who is signed in, whether the window is locked, and every account
 * operation (first administrator, sign-in, lock/unlock, user switch, users admin, own password).
 *
 * - Access (role and scope) is published to runtime/access.ts and the audit actor to
 *   runtime/actor.ts the moment the phase changes, so every query and audit row follows at once.
 * - Passwords go only to the hasher (a worker) and to the session hooks; never to a log, a store
 *   or sessionStorage.
 * - Wrong attempts are throttled per workstation (shared/access/throttle.ts) and answered the same
 *   way whether the login exists or not (an unknown login is verified against a dummy hash, so it
 *   costs the same time too).
 * - Page reload: sessionStorage of this window keeps only `{ userId }`; a reloaded window opens
 *   LOCKED for that user (nothing derived from the password survives a reload, so the hooks need the
 *   password again). Closing the window forgets the session.
 * - Hooks (the contract with the personal-data vault): awaited in registration order; a failing or
 *   hanging hook (HOOK_TIMEOUT_MS) is reported as `hookError` and never blocks the sign-in.
 */
import { create } from 'zustand';
import type { AuditActor } from '../../shared/access/actor';
import { checkPassword, isValidLogin, normalizeLogin, type PasswordProblem } from '../../shared/access/password-policy';
import { assertCan, can, type Role } from '../../shared/access/roles';
import { normalizeScope, NOTHING, type AccessScope } from '../../shared/access/scope';
import { NO_FAILURES, recordFailure, waitLeft, delayAfter } from '../../shared/access/throttle';
import type { AuditEvent } from '../../shared/audit/events';
import { setAccess } from './access';
import {
  AccountsDatabase,
  accountsDbName,
  clampIdleMinutes,
  DEFAULT_IDLE_LOCK_MINUTES,
  IDLE_LOCK_KEY,
  readIdleLockMinutes,
  readThrottle,
  writeThrottle,
  type AccountRow,
} from './accounts-db';
import { currentActorLabel, setAuditActor } from './actor';
import { getBootOptions } from './boot-options';
import { defaultHasher, type PasswordHasher } from './password-hasher';

// ---- Hooks (contract with renderer/personal-vault; see the brief "session hooks") ----

export interface SessionHookUser {
  id: string;
  canRevealPersonal: boolean;
}
export interface SessionHooks {
  /** After a successful sign-in or unlock, with the password just verified. */
  onSignIn?(user: SessionHookUser, password: string): Promise<void>;
  /** The window locked or the user signed out: forget everything derived from the password. */
  onLock?(): void;
  /** A user's password was set or changed (first run, by the administrator, or by the user). */
  onPasswordSet?(user: SessionHookUser, password: string): Promise<void>;
  /** A user was deleted or lost a role that may reveal personal data. */
  onUserRemoved?(userId: string): Promise<void>;
  /** First run, right after the administrator was created: the text of a recovery key to show ONCE
   *  (the first-run screen shows it with «Распечатать» and «Я сохранил ключ»), or null for none. */
  onFirstRun?(admin: SessionHookUser, password: string): Promise<{ recoveryKey: string } | null>;
}

const hooks: SessionHooks[] = [];

/** Several registrations are allowed; they are called in order. */
export function registerSessionHooks(registration: SessionHooks): void {
  hooks.push(registration);
}

/** A hook that neither resolves nor fails in this time is reported and left behind. */
export const HOOK_TIMEOUT_MS = 30_000;

// ---- State ----

export type SessionPhase = 'loading' | 'first-run' | 'signed-out' | 'signed-in' | 'locked';

export interface SessionUser {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  scope: AccessScope;
  mustChangePassword: boolean;
}

export interface SessionState {
  readonly phase: SessionPhase;
  readonly user: SessionUser | null;
  /** Idle minutes before the window locks (set by the administrator). */
  readonly idleLockMinutes: number;
  /** A session hook failed (e.g. personal data could not be unlocked); shown, never blocking. */
  readonly hookError: string | null;
  /** Why the window is locked ('idle' shows «Заблокировано после бездействия»). */
  readonly lockReason: LockReason | null;
}

export type LockReason = 'idle' | 'manual' | 'reload';

export const sessionStore = create<SessionState>(() => ({
  phase: 'loading',
  user: null,
  idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
  hookError: null,
  lockReason: null,
}));

export function useSession<T>(select: (s: SessionState) => T): T {
  return sessionStore(select);
}

// ---- Configuration ----

export interface SessionConfig {
  accounts: AccountsDatabase;
  hasher: PasswordHasher;
  /** Writes one audit event to the region's log (the app wires logAudit). */
  audit(event: AuditEvent): Promise<unknown>;
  /** The operating-system account (Electron), or null. */
  osUser(): Promise<string | null>;
  /** Window-scoped storage for the reload rule (sessionStorage), or null. */
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /** Real time for the throttle (not the demo clock: a frozen clock would never let a delay pass). */
  now(): number;
  /** The centre server's check of a password, when this workstation may be connected to one. */
  remote?: RemoteVerifier;
}

// ---- Accounts issued by the centre server ----

/** A user as the centre server describes them (shared/centre/accounts.ts). */
export interface RemoteAccount {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  scope: AccessScope;
  disabled: boolean;
}

/**
 * What the centre server said of a password: accepted (with the user's role and scope), refused
 * (the same answer for every wrong login or password, perhaps with a wait), or unavailable (not
 * connected, offline, the server down): then this workstation's own verifier decides.
 */
export type RemoteVerdict = { kind: 'accepted'; account: RemoteAccount } | { kind: 'refused'; waitMs: number } | { kind: 'unavailable' };

export interface RemoteVerifier {
  verify(login: string, password: string): Promise<RemoteVerdict>;
}

let config: SessionConfig | null = null;
let osUserName: string | null = null;
const STORAGE_KEY = 'cur.session';

function cfg(): SessionConfig {
  if (!config) throw new Error('session is not configured');
  return config;
}

export function defaultSessionConfig(audit: SessionConfig['audit'], osUser: SessionConfig['osUser']): SessionConfig {
  return {
    accounts: new AccountsDatabase(accountsDbName(getBootOptions().dbName)),
    hasher: defaultHasher(),
    audit,
    osUser,
    storage: typeof sessionStorage === 'undefined' ? null : sessionStorage,
    now: () => Date.now(),
  };
}

function toSessionUser(row: AccountRow): SessionUser {
  return { id: row.id, login: row.login, displayName: row.displayName, role: row.role, scope: normalizeScope(row.scope), mustChangePassword: row.mustChangePassword };
}

function hookUser(user: { id: string; role: Role }): SessionHookUser {
  return { id: user.id, canRevealPersonal: can(user.role, 'personal-data.reveal') };
}

function personActor(user: SessionUser): AuditActor {
  return { kind: 'person', login: user.login, displayName: user.displayName, osUser: osUserName };
}

function publish(phase: SessionPhase, user: SessionUser | null, extra: Partial<SessionState> = {}): void {
  if (phase === 'signed-in' && user) {
    setAccess(user.role, user.scope);
    setAuditActor(personActor(user));
  } else {
    setAccess(null, NOTHING);
    // Rows written while nobody is signed in (a failed attempt) name nobody, with the OS account.
    setAuditActor({ kind: 'person', login: '—', displayName: 'вход не выполнен', osUser: osUserName });
  }
  sessionStore.setState({ phase, user, ...extra });
}

async function audit(event: AuditEvent): Promise<void> {
  try {
    await cfg().audit(event);
  } catch (error) {
    // The audit store can be unavailable (a broken region database); account work still goes on.
    console.error('audit write failed', event.action, error instanceof Error ? error.message : error);
  }
}

async function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), HOOK_TIMEOUT_MS)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs one hook kind over every registration; failures are collected, never thrown. */
async function runHooks<T>(call: (h: SessionHooks) => Promise<T> | undefined): Promise<{ results: T[]; failed: boolean }> {
  const results: T[] = [];
  let failed = false;
  for (const h of hooks) {
    try {
      const pending = call(h);
      if (pending) results.push(await withTimeout(pending));
    } catch (error) {
      failed = true;
      console.error('session hook failed', error instanceof Error ? error.message : error);
    }
  }
  if (failed) sessionStore.setState({ hookError: 'hook-failed' });
  return { results, failed };
}

function runLockHooks(): void {
  for (const h of hooks) {
    try {
      h.onLock?.();
    } catch (error) {
      console.error('session lock hook failed', error instanceof Error ? error.message : error);
    }
  }
}

function remember(userId: string | null): void {
  const storage = cfg().storage;
  if (!storage) return;
  if (userId) storage.setItem(STORAGE_KEY, JSON.stringify({ userId }));
  else storage.removeItem(STORAGE_KEY);
}

function remembered(): string | null {
  try {
    const raw = cfg().storage?.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return parsed && typeof parsed === 'object' && typeof (parsed as { userId?: unknown }).userId === 'string' ? (parsed as { userId: string }).userId : null;
  } catch {
    return null;
  }
}

// ---- Start ----

/** Configures the session and decides the first screen: first run, sign-in, or locked after a reload. */
export async function initSession(next: SessionConfig): Promise<void> {
  config = next;
  publish('loading', null);
  osUserName = await next.osUser().catch(() => null);
  const [count, idle] = await Promise.all([next.accounts.users.count(), readIdleLockMinutes(next.accounts)]);
  sessionStore.setState({ idleLockMinutes: idle });
  if (count === 0) return publish('first-run', null);
  const userId = remembered();
  const row = userId ? await next.accounts.users.get(userId) : undefined;
  if (row && !row.disabled) return publish('locked', toSessionUser(row), { lockReason: 'reload' });
  remember(null);
  publish('signed-out', null);
}

// ---- First run ----

export type AccountProblem = PasswordProblem | 'bad-login' | 'login-taken' | 'no-name' | 'not-first-run' | 'last-admin' | 'not-found' | 'centre-account';

export type FirstRunResult = { ok: true; recoveryKey: string | null } | { ok: false; problem: AccountProblem };

function validateNew(login: string, displayName: string, password: string): AccountProblem | null {
  if (!isValidLogin(login)) return 'bad-login';
  if (displayName.trim().length === 0) return 'no-name';
  return checkPassword(normalizeLogin(login), password);
}

function newId(): string {
  return crypto.randomUUID();
}

/** Creates the first administrator (only while there are no accounts) and signs them in. */
export async function createFirstAdministrator(login: string, displayName: string, password: string): Promise<FirstRunResult> {
  const c = cfg();
  const problem = validateNew(login, displayName, password);
  if (problem) return { ok: false, problem };
  const hash = await c.hasher.hash(password);
  const at = c.now();
  const row: AccountRow = {
    id: newId(),
    login: normalizeLogin(login),
    displayName: displayName.trim(),
    role: 'admin',
    scope: normalizeScope(null),
    passwordHash: hash,
    disabled: false,
    mustChangePassword: false,
    createdAt: at,
    createdBy: 'первый запуск',
    changedAt: at,
    changedBy: 'первый запуск',
  };
  const created = await c.accounts.transaction('rw', c.accounts.users, async () => {
    if ((await c.accounts.users.count()) > 0) return false;
    await c.accounts.users.add(row);
    return true;
  });
  if (!created) return { ok: false, problem: 'not-first-run' };
  const user = toSessionUser(row);
  publish('signed-in', user, { hookError: null, lockReason: null });
  remember(user.id);
  await audit({ action: 'user.create', details: { userId: row.id, login: row.login, displayName: row.displayName, role: row.role, scope: row.scope, firstRun: true } });
  await audit({ action: 'account.sign-in', details: { login: row.login } });
  const first = await runHooks((h) => h.onFirstRun?.(hookUser(row), password));
  await runHooks((h) => h.onPasswordSet?.(hookUser(row), password));
  await runHooks((h) => h.onSignIn?.(hookUser(row), password));
  const recoveryKey = first.results.find((r) => r && typeof r.recoveryKey === 'string')?.recoveryKey ?? null;
  return { ok: true, recoveryKey };
}

// ---- Sign-in, lock, unlock, switch ----

export type SignInResult = { ok: true } | { ok: false; reason: 'wrong' | 'wait'; waitMs: number };

// Verifying an unknown login against this costs the same time as a real one (same parameters).
let dummyHash: Promise<string> | null = null;
function dummy(): Promise<string> {
  dummyHash ??= cfg().hasher.hash('dummy password never used');
  return dummyHash;
}

/** How long the next attempt must wait now (ms); 0 when it may be made. */
export async function signInWait(): Promise<number> {
  return waitLeft(await readThrottle(cfg().accounts), cfg().now());
}

async function failAttempt(knownLogin: string | null, disabled: boolean): Promise<SignInResult> {
  const c = cfg();
  const state = recordFailure(await readThrottle(c.accounts), c.now());
  await writeThrottle(c.accounts, state);
  // The typed text is logged only when it is an existing login: an unknown "login" is often a
  // password typed into the wrong field, and must not land in a log.
  await audit({ action: 'account.sign-in-fail', details: { login: knownLogin, ...(disabled ? { disabled: true } : {}) } });
  return { ok: false, reason: 'wrong', waitMs: delayAfter(state.failures) };
}

/** Checks a password against an account with the throttle; the same answer for every failure. */
async function attempt(row: AccountRow | undefined, password: string): Promise<SignInResult> {
  const c = cfg();
  const wait = waitLeft(await readThrottle(c.accounts), c.now());
  if (wait > 0) return { ok: false, reason: 'wait', waitMs: wait };
  const valid = await c.hasher.verify(password, row?.passwordHash ?? (await dummy()));
  if (!row || !valid || row.disabled) return failAttempt(row?.login ?? null, Boolean(row?.disabled && valid));
  await writeThrottle(c.accounts, NO_FAILURES);
  return { ok: true };
}

async function enter(row: AccountRow, password: string, action: 'account.sign-in' | 'account.unlock'): Promise<void> {
  const user = toSessionUser(row);
  publish('signed-in', user, { hookError: null, lockReason: null });
  remember(user.id);
  await audit(action === 'account.sign-in' ? { action, details: { login: row.login } } : { action, details: {} });
  await runHooks((h) => h.onSignIn?.(hookUser(row), password));
}

export async function signIn(login: string, password: string): Promise<SignInResult> {
  const c = cfg();
  const row = await c.accounts.users.where('login').equals(normalizeLogin(login)).first();
  // The centre is asked about its own accounts and about logins this workstation does not know;
  // an account made on this workstation is checked here only (its password never leaves).
  if (c.remote && (!row || row.origin === 'centre')) {
    const remote = await signInAtCentre(c.remote, normalizeLogin(login), password, row);
    if (remote) return remote;
  }
  const result = await attempt(row, password);
  if (result.ok && row) await enter(row, password, 'account.sign-in');
  return result;
}

/** The centre's answer as a sign-in result, or null when it could not answer (the local verifier decides). */
async function signInAtCentre(remote: RemoteVerifier, login: string, password: string, row: AccountRow | undefined): Promise<SignInResult | null> {
  const c = cfg();
  const wait = waitLeft(await readThrottle(c.accounts), c.now());
  if (wait > 0) return { ok: false, reason: 'wait', waitMs: wait };
  let verdict: RemoteVerdict;
  try {
    verdict = await remote.verify(login, password);
  } catch (error) {
    console.error('centre sign-in failed', error instanceof Error ? error.message : error);
    verdict = { kind: 'unavailable' };
  }
  if (verdict.kind === 'unavailable') return null;
  if (verdict.kind === 'refused') {
    const failed = await failAttempt(row?.login ?? null, false);
    return failed.ok ? failed : { ...failed, waitMs: Math.max(failed.waitMs, verdict.waitMs) };
  }
  const { row: stored } = await storeCentreAccount(verdict.account, password);
  if (stored.disabled) return failAttempt(stored.login, true);
  await writeThrottle(c.accounts, NO_FAILURES);
  await enter(stored, password, 'account.sign-in');
  return { ok: true };
}

const CENTRE_ACTOR = 'сервер центра';

/**
 * Writes a centre account into the local accounts (the server is the source of truth for its
 * users: name, role, scope, state). With the password just accepted by the server, the local
 * verifier is (re)made from it, so the account unlocks offline; without, the verifier is kept
 * for an account already from the centre and cleared for a local account the centre took over
 * (its local password may not be the centre's).
 */
async function storeCentreAccount(account: RemoteAccount, password: string | null): Promise<{ row: AccountRow; changed: boolean }> {
  const c = cfg();
  const login = normalizeLogin(account.login);
  const existing = await c.accounts.users.where('login').equals(login).first();
  let passwordHash = existing?.origin === 'centre' ? existing.passwordHash : '';
  let passwordChanged = false;
  if (password !== null && !(passwordHash && (await c.hasher.verify(password, passwordHash)))) {
    passwordHash = await c.hasher.hash(password);
    passwordChanged = true;
  }
  const at = c.now();
  const row: AccountRow = {
    id: existing?.id ?? account.id,
    login,
    displayName: account.displayName,
    role: account.role,
    scope: normalizeScope(account.scope),
    passwordHash,
    disabled: account.disabled,
    mustChangePassword: false,
    createdAt: existing?.createdAt ?? at,
    createdBy: existing?.createdBy ?? CENTRE_ACTOR,
    changedAt: at,
    changedBy: CENTRE_ACTOR,
    origin: 'centre',
  };
  const same = existing && (['displayName', 'role', 'scope', 'disabled', 'passwordHash', 'origin'] as const).every((k) => JSON.stringify(existing[k]) === JSON.stringify(row[k]));
  if (same) return { row: existing, changed: false };
  await c.accounts.users.put(row);
  if (passwordChanged && password !== null) await runHooks((h) => h.onPasswordSet?.(hookUser(row), password));
  if (existing) await afterRowChange(existing, row);
  return { row, changed: true };
}

/** Consequences of a changed account for the vault and for the window of the person signed in. */
async function afterRowChange(before: AccountRow, after: AccountRow): Promise<void> {
  const couldReveal = can(before.role, 'personal-data.reveal') && !before.disabled;
  const canReveal = can(after.role, 'personal-data.reveal') && !after.disabled;
  if (couldReveal && !canReveal) await runHooks((h) => h.onUserRemoved?.(after.id));
  const { phase, user } = sessionStore.getState();
  if (!user || user.id !== after.id) return;
  if (after.disabled) await signOut();
  else if (phase === 'signed-in') publish('signed-in', toSessionUser(after));
  else sessionStore.setState({ user: toSessionUser(after) });
}

/**
 * The centre's user list into the local accounts: each centre user written (new ones without a
 * local verifier until their first sign-in checked by the server), centre accounts the server no
 * longer lists disabled. Returns how many rows changed. Runs without a signed-in administrator:
 * it is the server's administrator who decided.
 */
export async function applyCentreUsers(accounts: readonly RemoteAccount[]): Promise<number> {
  const c = cfg();
  let changed = 0;
  const listed = new Set<string>();
  for (const account of accounts) {
    listed.add(normalizeLogin(account.login));
    if ((await storeCentreAccount(account, null)).changed) changed += 1;
  }
  for (const row of await c.accounts.users.toArray()) {
    if (row.origin !== 'centre' || row.disabled || listed.has(row.login)) continue;
    const after: AccountRow = { ...row, disabled: true, changedAt: c.now(), changedBy: CENTRE_ACTOR };
    await c.accounts.users.put(after);
    await afterRowChange(row, after);
    changed += 1;
  }
  if (changed > 0) await audit({ action: 'user.centre-sync', details: { changed } });
  return changed;
}

/** Unlocks the locked window with the same user's password. */
export async function unlock(password: string): Promise<SignInResult> {
  const c = cfg();
  const locked = sessionStore.getState().user;
  if (sessionStore.getState().phase !== 'locked' || !locked) return { ok: false, reason: 'wrong', waitMs: 0 };
  const row = await c.accounts.users.get(locked.id);
  const result = await attempt(row, password);
  if (result.ok && row) await enter(row, password, 'account.unlock');
  return result;
}

/** Locks the window (idle time, or «Заблокировать»): data hidden until the password is entered again. */
export async function lock(reason: Exclude<LockReason, 'reload'>): Promise<void> {
  const { phase, user } = sessionStore.getState();
  if (phase !== 'signed-in' || !user) return;
  await audit({ action: 'account.lock', details: { reason } });
  publish('locked', user, { lockReason: reason });
  runLockHooks();
}

/** Signs out (also the quick user switch: the sign-in screen comes next). */
export async function signOut(): Promise<void> {
  const { phase, user } = sessionStore.getState();
  if (!user || (phase !== 'signed-in' && phase !== 'locked')) return;
  if (phase === 'signed-in') await audit({ action: 'account.sign-out', details: {} });
  remember(null);
  publish('signed-out', null, { lockReason: null, hookError: null });
  runLockHooks();
}

// ---- Own password ----

export type ChangeResult = { ok: true } | { ok: false; problem: AccountProblem | 'wrong-password' };

export async function changeOwnPassword(current: string, next: string): Promise<ChangeResult> {
  const c = cfg();
  const user = sessionStore.getState().user;
  if (sessionStore.getState().phase !== 'signed-in' || !user) return { ok: false, problem: 'not-found' };
  const row = await c.accounts.users.get(user.id);
  // A centre account's password is the server's: its administrator changes it there.
  if (row?.origin === 'centre') return { ok: false, problem: 'centre-account' };
  if (!row || !(await c.hasher.verify(current, row.passwordHash))) return { ok: false, problem: 'wrong-password' };
  const problem = checkPassword(row.login, next);
  if (problem) return { ok: false, problem };
  if (current === next) return { ok: false, problem: 'same-as-login' };
  const hash = await c.hasher.hash(next);
  await c.accounts.users.update(row.id, { passwordHash: hash, mustChangePassword: false, changedAt: c.now(), changedBy: currentActorLabel() });
  await audit({ action: 'account.change-password', details: { login: row.login } });
  sessionStore.setState({ user: { ...user, mustChangePassword: false } });
  await runHooks((h) => h.onPasswordSet?.(hookUser(row), next));
  return { ok: true };
}

// ---- Users admin (administrator only; refused here, not only hidden in the UI) ----

export interface AccountSummary extends RemoteAccount {
  mustChangePassword: boolean;
  createdAt: number;
  createdBy: string;
  changedAt: number;
  changedBy: string;
  /** 'centre' for an account issued by the centre server (changed there, not here). */
  origin?: 'centre';
}

function requireAdmin(): SessionUser {
  const { phase, user } = sessionStore.getState();
  assertCan(phase === 'signed-in' ? user?.role : null, 'users.manage');
  return user!;
}

function summary(row: AccountRow): AccountSummary {
  // The hash never leaves this module.
  const { passwordHash: _hash, ...rest } = row;
  void _hash;
  return { ...rest, scope: normalizeScope(rest.scope) };
}

export async function listAccounts(): Promise<AccountSummary[]> {
  requireAdmin();
  const rows = await cfg().accounts.users.toArray();
  return rows.map(summary).sort((a, b) => a.login.localeCompare(b.login));
}

export interface NewAccount {
  login: string;
  displayName: string;
  role: Role;
  scope: AccessScope;
  /** The first password; the user must change it at the first sign-in. */
  password: string;
}

export async function createAccount(input: NewAccount): Promise<{ ok: true; id: string } | { ok: false; problem: AccountProblem }> {
  requireAdmin();
  const c = cfg();
  const problem = validateNew(input.login, input.displayName, input.password);
  if (problem) return { ok: false, problem };
  const login = normalizeLogin(input.login);
  if (await c.accounts.users.where('login').equals(login).count()) return { ok: false, problem: 'login-taken' };
  const hash = await c.hasher.hash(input.password);
  const at = c.now();
  const by = currentActorLabel();
  const row: AccountRow = {
    id: newId(),
    login,
    displayName: input.displayName.trim(),
    role: input.role,
    scope: normalizeScope(input.scope),
    passwordHash: hash,
    disabled: false,
    mustChangePassword: true,
    createdAt: at,
    createdBy: by,
    changedAt: at,
    changedBy: by,
  };
  try {
    await c.accounts.users.add(row);
  } catch {
    return { ok: false, problem: 'login-taken' };
  }
  await audit({ action: 'user.create', details: { userId: row.id, login, displayName: row.displayName, role: row.role, scope: row.scope } });
  await runHooks((h) => h.onPasswordSet?.(hookUser(row), input.password));
  return { ok: true, id: row.id };
}

export interface AccountChange {
  displayName?: string;
  role?: Role;
  scope?: AccessScope;
  disabled?: boolean;
}

async function activeAdmins(db: AccountsDatabase): Promise<AccountRow[]> {
  return (await db.users.toArray()).filter((u) => u.role === 'admin' && !u.disabled);
}

/** Changes name, role, scope or the disabled flag. The last active administrator cannot be demoted or disabled. */
export async function changeAccount(id: string, change: AccountChange): Promise<{ ok: true } | { ok: false; problem: AccountProblem }> {
  const me = requireAdmin();
  const c = cfg();
  const row = await c.accounts.users.get(id);
  if (!row) return { ok: false, problem: 'not-found' };
  if (row.origin === 'centre') return { ok: false, problem: 'centre-account' };
  const next: AccountRow = {
    ...row,
    displayName: change.displayName !== undefined ? change.displayName.trim() : row.displayName,
    role: change.role ?? row.role,
    scope: change.scope !== undefined ? normalizeScope(change.scope) : row.scope,
    disabled: change.disabled ?? row.disabled,
  };
  if (next.displayName.length === 0) return { ok: false, problem: 'no-name' };
  const losesAdmin = row.role === 'admin' && !row.disabled && (next.role !== 'admin' || next.disabled);
  if (losesAdmin && (await activeAdmins(c.accounts)).length <= 1) return { ok: false, problem: 'last-admin' };
  const changed = (['displayName', 'role', 'scope', 'disabled'] as const).filter((k) => JSON.stringify(row[k]) !== JSON.stringify(next[k]));
  if (changed.length === 0) return { ok: true };
  await c.accounts.users.put({ ...next, changedAt: c.now(), changedBy: currentActorLabel() });
  if (changed.includes('disabled') && next.disabled) {
    await audit({ action: 'user.disable', details: { userId: id, login: row.login } });
  }
  const rest = changed.filter((k) => k !== 'disabled' || !next.disabled);
  if (rest.length > 0) {
    await audit({
      action: 'user.change',
      details: { userId: id, login: row.login, changed: rest, role: next.role, scope: next.scope, disabled: next.disabled },
    });
  }
  const couldReveal = can(row.role, 'personal-data.reveal') && !row.disabled;
  const canReveal = can(next.role, 'personal-data.reveal') && !next.disabled;
  if (couldReveal && !canReveal) await runHooks((h) => h.onUserRemoved?.(id));
  // The administrator changed themselves: their window follows at once.
  if (id === me.id) {
    if (next.disabled) await signOut();
    else publish('signed-in', toSessionUser(next));
  }
  return { ok: true };
}

/** Sets a new password chosen by the administrator; the user must change it at the next sign-in. */
export async function resetPassword(id: string, password: string): Promise<{ ok: true } | { ok: false; problem: AccountProblem }> {
  requireAdmin();
  const c = cfg();
  const row = await c.accounts.users.get(id);
  if (!row) return { ok: false, problem: 'not-found' };
  if (row.origin === 'centre') return { ok: false, problem: 'centre-account' };
  const problem = checkPassword(row.login, password);
  if (problem) return { ok: false, problem };
  const hash = await c.hasher.hash(password);
  await c.accounts.users.update(id, { passwordHash: hash, mustChangePassword: true, changedAt: c.now(), changedBy: currentActorLabel() });
  await audit({ action: 'user.reset-password', details: { userId: id, login: row.login } });
  await runHooks((h) => h.onPasswordSet?.(hookUser(row), password));
  return { ok: true };
}

/** The administrator's idle time before the operator window locks. */
export async function setIdleLockMinutes(minutes: number): Promise<number> {
  const { phase, user } = sessionStore.getState();
  assertCan(phase === 'signed-in' ? user?.role : null, 'settings.manage');
  const value = clampIdleMinutes(minutes);
  const before = sessionStore.getState().idleLockMinutes;
  await cfg().accounts.meta.put({ key: IDLE_LOCK_KEY, value });
  sessionStore.setState({ idleLockMinutes: value });
  if (value !== before) await audit({ action: 'account.set-idle-lock', details: { minutes: value, before } });
  return value;
}

/** For tests: forget hooks and configuration. */
export function resetSessionForTests(): void {
  hooks.length = 0;
  config = null;
  dummyHash = null;
  osUserName = null;
  sessionStore.setState({ phase: 'loading', user: null, idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES, hookError: null, lockReason: null });
}
