import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/audit/events';
import { NOTHING, UNRESTRICTED } from '../../shared/access/scope';
import { getAccess } from './access';
import { AccountsDatabase } from './accounts-db';
import { currentActorLabel } from './actor';
import { inThreadHasher } from './password-hasher';
import {
  changeAccount,
  changeOwnPassword,
  createAccount,
  createFirstAdministrator,
  initSession,
  listAccounts,
  lock,
  registerSessionHooks,
  resetPassword,
  resetSessionForTests,
  sessionStore,
  setIdleLockMinutes,
  signIn,
  signOut,
  unlock,
  type SessionConfig,
} from './session';

// Tiny Argon2id parameters: the tests check the flow, not the cost.
const hasher = inThreadHasher({ memorySize: 64, iterations: 1, parallelism: 1 });
const ADMIN_PASSWORD = 'правильный конь батарейка';
let counter = 0;

function memoryStorage(): SessionConfig['storage'] & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

let audit: AuditEvent[];
let clock: number;
let accounts: AccountsDatabase;
let storage: ReturnType<typeof memoryStorage>;

function config(): SessionConfig {
  return {
    accounts,
    hasher,
    audit: async (e) => void audit.push(e),
    osUser: async () => 'winuser',
    storage,
    now: () => clock,
  };
}

beforeEach(async () => {
  resetSessionForTests();
  audit = [];
  clock = 1_000_000;
  accounts = new AccountsDatabase(`accounts-test-${++counter}`);
  storage = memoryStorage();
  await initSession(config());
});

afterEach(async () => {
  await accounts.delete();
});

async function withAdmin(): Promise<void> {
  const result = await createFirstAdministrator('admin', 'Администратор Центра', ADMIN_PASSWORD);
  expect(result.ok).toBe(true);
}

describe('session', () => {
  it('starts on the first-run screen with no accounts and nothing visible', () => {
    expect(sessionStore.getState().phase).toBe('first-run');
    expect(getAccess().scope).toEqual(NOTHING);
  });

  it('first run creates the administrator, signs them in, runs the hooks in order and returns the recovery key', async () => {
    const calls: string[] = [];
    registerSessionHooks({
      onFirstRun: async (u, p) => {
        calls.push(`first:${u.canRevealPersonal}:${p === ADMIN_PASSWORD}`);
        return { recoveryKey: 'KEY-1234' };
      },
      onPasswordSet: async () => void calls.push('password'),
      onSignIn: async () => void calls.push('sign-in'),
    });
    const result = await createFirstAdministrator('Admin', 'Администратор', ADMIN_PASSWORD);
    expect(result).toEqual({ ok: true, recoveryKey: 'KEY-1234' });
    expect(calls).toEqual(['first:true:true', 'password', 'sign-in']);
    expect(sessionStore.getState().phase).toBe('signed-in');
    expect(getAccess()).toEqual({ role: 'admin', scope: UNRESTRICTED, enforced: true });
    expect(currentActorLabel()).toBe('admin (Администратор) · ОС: winuser');
    expect(audit.map((e) => e.action)).toEqual(['user.create', 'account.sign-in']);
    // A second first run is refused.
    expect(await createFirstAdministrator('other', 'Другой', ADMIN_PASSWORD)).toEqual({ ok: false, problem: 'not-first-run' });
  });

  it('refuses a weak first password and a bad login', async () => {
    expect(await createFirstAdministrator('admin', 'A', 'short')).toEqual({ ok: false, problem: 'too-short' });
    expect(await createFirstAdministrator('администратор', 'A', ADMIN_PASSWORD)).toEqual({ ok: false, problem: 'bad-login' });
    expect(await createFirstAdministrator('admin-password', 'A', 'ADMIN-PASSWORD')).toEqual({ ok: false, problem: 'same-as-login' });
  });

  it('never stores a password in clear', async () => {
    await withAdmin();
    const rows = await accounts.users.toArray();
    expect(JSON.stringify(rows)).not.toContain(ADMIN_PASSWORD);
    expect(rows[0]!.passwordHash).toMatch(/^\$argon2id\$v=19\$/);
    expect(JSON.stringify([...storage.data.values()])).not.toContain(ADMIN_PASSWORD);
    expect(JSON.stringify(audit)).not.toContain(ADMIN_PASSWORD);
  });

  it('answers a wrong password and an unknown login the same way, with a growing delay', async () => {
    await withAdmin();
    await signOut();
    const unknown = await signIn('nobody', 'whatever whatever');
    const wrong = await signIn('admin', 'whatever whatever');
    expect(unknown).toEqual({ ok: false, reason: 'wrong', waitMs: 0 });
    expect(wrong).toEqual({ ok: false, reason: 'wrong', waitMs: 0 });
    const third = await signIn('nobody', 'x');
    expect(third).toEqual({ ok: false, reason: 'wrong', waitMs: 1_000 });
    // Even the right password waits for the delay.
    expect(await signIn('admin', ADMIN_PASSWORD)).toEqual({ ok: false, reason: 'wait', waitMs: 1_000 });
    clock += 1_000;
    expect(await signIn('admin', 'bad bad bad bad')).toEqual({ ok: false, reason: 'wrong', waitMs: 2_000 });
    clock += 2_000;
    expect(await signIn('ADMIN ', ADMIN_PASSWORD)).toEqual({ ok: true });
    // The typed text of an unknown login never reaches the log; an existing login does.
    const fails = audit.filter((e) => e.action === 'account.sign-in-fail').map((e) => e.details);
    expect(fails).toEqual([{ login: null }, { login: 'admin' }, { login: null }, { login: 'admin' }]);
    // Success reset the counter.
    await signOut();
    expect(await signIn('admin', 'wrong wrong wrong')).toEqual({ ok: false, reason: 'wrong', waitMs: 0 });
  });

  it('the throttle survives a reload (it is stored, not in memory)', async () => {
    await withAdmin();
    await signOut();
    for (let i = 0; i < 4; i++) {
      await signIn('admin', 'wrong wrong wrong');
      clock += 10_000;
    }
    clock -= 10_000;
    await initSession(config());
    expect(await signIn('admin', ADMIN_PASSWORD)).toMatchObject({ ok: false, reason: 'wait' });
  });

  it('lock hides everything and unlock needs the same password; hooks follow', async () => {
    const calls: string[] = [];
    registerSessionHooks({ onLock: () => void calls.push('lock'), onSignIn: async () => void calls.push('sign-in') });
    await withAdmin();
    calls.length = 0;
    await lock('idle');
    expect(sessionStore.getState()).toMatchObject({ phase: 'locked', lockReason: 'idle' });
    expect(getAccess().scope).toEqual(NOTHING);
    expect(calls).toEqual(['lock']);
    expect(await unlock('not the password')).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await unlock(ADMIN_PASSWORD)).toEqual({ ok: true });
    expect(calls).toEqual(['lock', 'sign-in']);
    expect(sessionStore.getState().phase).toBe('signed-in');
    expect(audit.map((e) => e.action)).toContain('account.unlock');
  });

  it('a reload opens the window locked for the same user; closing it forgets the session', async () => {
    await withAdmin();
    await initSession(config());
    expect(sessionStore.getState()).toMatchObject({ phase: 'locked', lockReason: 'reload', user: { login: 'admin' } });
    storage.data.clear();
    await initSession(config());
    expect(sessionStore.getState().phase).toBe('signed-out');
  });

  it('a failing or hanging hook never blocks sign-in', async () => {
    registerSessionHooks({ onSignIn: async () => Promise.reject(new Error('vault broken')) });
    await withAdmin();
    expect(sessionStore.getState()).toMatchObject({ phase: 'signed-in', hookError: 'hook-failed' });
  });

  it('the administrator manages users; other roles are refused in the session itself', async () => {
    const removed: string[] = [];
    registerSessionHooks({ onUserRemoved: async (id) => void removed.push(id) });
    await withAdmin();
    const created = await createAccount({
      login: 'petrova',
      displayName: 'Петрова А. С.',
      role: 'operator',
      scope: { sectors: ['zhkh'], municipalities: null },
      password: 'временный пароль 1',
    });
    expect(created.ok).toBe(true);
    const id = created.ok ? created.id : '';
    expect(await createAccount({ login: 'Petrova', displayName: 'X', role: 'observer', scope: UNRESTRICTED, password: 'временный пароль 1' })).toEqual({
      ok: false,
      problem: 'login-taken',
    });
    expect((await listAccounts()).map((a) => [a.login, a.role, a.createdBy])).toEqual([
      ['admin', 'admin', 'первый запуск'],
      ['petrova', 'operator', 'admin (Администратор Центра) · ОС: winuser'],
    ]);
    expect(JSON.stringify(await listAccounts())).not.toContain('argon2');

    // Operator → analyst: loses the right to reveal personal data.
    expect(await changeAccount(id, { role: 'analyst' })).toEqual({ ok: true });
    expect(removed).toEqual([id]);
    expect(await resetPassword(id, 'новый пароль для входа')).toEqual({ ok: true });

    await signOut();
    expect(await signIn('petrova', 'временный пароль 1')).toMatchObject({ ok: false });
    expect(await signIn('petrova', 'новый пароль для входа')).toEqual({ ok: true });
    expect(sessionStore.getState().user).toMatchObject({ role: 'analyst', mustChangePassword: true, scope: { sectors: ['zhkh'], municipalities: null } });
    expect(getAccess()).toEqual({ role: 'analyst', scope: { sectors: ['zhkh'], municipalities: null }, enforced: true });
    await expect(listAccounts()).rejects.toThrow(/Недостаточно прав/);
    await expect(createAccount({ login: 'x1', displayName: 'X', role: 'admin', scope: UNRESTRICTED, password: 'достаточно длинный' })).rejects.toThrow();
    await expect(setIdleLockMinutes(1)).rejects.toThrow();

    expect(await changeOwnPassword('новый пароль для входа', 'мой собственный пароль')).toEqual({ ok: true });
    expect(sessionStore.getState().user?.mustChangePassword).toBe(false);
    await signOut();

    // Disabled: the right password gets the same answer as a wrong one.
    await signIn('admin', ADMIN_PASSWORD);
    expect(await changeAccount(id, { disabled: true })).toEqual({ ok: true });
    await signOut();
    expect(await signIn('petrova', 'мой собственный пароль')).toEqual({ ok: false, reason: 'wrong', waitMs: 0 });
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['user.create', 'user.change', 'user.reset-password', 'account.change-password', 'user.disable']),
    );
  });

  it('the last active administrator cannot be demoted or disabled', async () => {
    await withAdmin();
    const me = sessionStore.getState().user!.id;
    expect(await changeAccount(me, { role: 'operator' })).toEqual({ ok: false, problem: 'last-admin' });
    expect(await changeAccount(me, { disabled: true })).toEqual({ ok: false, problem: 'last-admin' });
  });

  it('the idle lock time is clamped and kept', async () => {
    await withAdmin();
    expect(await setIdleLockMinutes(0)).toBe(1);
    expect(await setIdleLockMinutes(30)).toBe(30);
    await initSession(config());
    expect(sessionStore.getState().idleLockMinutes).toBe(30);
  });
});
