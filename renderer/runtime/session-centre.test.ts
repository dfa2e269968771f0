/**
 * Sign-in against the centre server (the session's remote verifier): the server's answer decides
 * for centre accounts and unknown logins, its role and scope are what the window gets, a local
 * verifier is kept for unlocking and signing in offline, the server's user list populates the
 * local accounts, and an account made on this workstation never reaches the server.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/audit/events';
import { getAccess } from './access';
import { AccountsDatabase } from './accounts-db';
import { inThreadHasher } from './password-hasher';
import {
  applyCentreUsers,
  changeAccount,
  changeOwnPassword,
  createFirstAdministrator,
  initSession,
  lock,
  resetSessionForTests,
  sessionStore,
  signIn,
  signOut,
  unlock,
  type RemoteAccount,
  type RemoteVerdict,
  type SessionConfig,
} from './session';

const hasher = inThreadHasher({ memorySize: 64, iterations: 1, parallelism: 1 });
const PASSWORD = 'пароль центра длинный';
const IVANOV: RemoteAccount = { id: 'srv-1', login: 'ivanov', displayName: 'Иванов И. И.', role: 'operator', scope: { sectors: ['housing'], municipalities: null }, disabled: false };

let counter = 0;
let accounts: AccountsDatabase;
let audit: AuditEvent[];
/** What the fake server answers; `asked` records every login sent to it. */
let server: { online: boolean; users: Map<string, { account: RemoteAccount; password: string }>; asked: string[] };

function remoteVerdict(login: string, password: string): RemoteVerdict {
  server.asked.push(login);
  if (!server.online) return { kind: 'unavailable' };
  const entry = server.users.get(login);
  if (!entry || entry.password !== password || entry.account.disabled) return { kind: 'refused', waitMs: 0 };
  return { kind: 'accepted', account: entry.account };
}

function config(): SessionConfig {
  return {
    accounts,
    hasher,
    audit: async (e) => void audit.push(e),
    osUser: async () => null,
    storage: null,
    now: () => 1_000_000,
    remote: { verify: async (login, password) => remoteVerdict(login, password) },
  };
}

beforeEach(async () => {
  resetSessionForTests();
  audit = [];
  server = { online: true, users: new Map([['ivanov', { account: IVANOV, password: PASSWORD }]]), asked: [] };
  accounts = new AccountsDatabase(`accounts-centre-test-${++counter}`);
  await initSession(config());
  expect((await createFirstAdministrator('admin', 'Администратор', 'местный пароль админа')).ok).toBe(true);
  await signOut();
  server.asked.length = 0;
});

afterEach(async () => {
  await accounts.delete();
});

describe('centre accounts on the workstation', () => {
  it('signs a centre user in with the role and scope the server gives, and keeps a verifier for offline use', async () => {
    expect(await signIn('Ivanov', PASSWORD)).toEqual({ ok: true });
    expect(server.asked).toEqual(['ivanov']);
    expect(sessionStore.getState().user).toMatchObject({ login: 'ivanov', role: 'operator', scope: { sectors: ['housing'], municipalities: null } });
    expect(getAccess().scope).toEqual({ sectors: ['housing'], municipalities: null });
    const row = (await accounts.users.where('login').equals('ivanov').first())!;
    expect(row.origin).toBe('centre');
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);

    // Offline: the local verifier unlocks and signs in, with the last role and scope the server gave.
    server.online = false;
    await lock('manual');
    expect(await unlock('wrong password here')).toMatchObject({ ok: false });
    expect(await unlock(PASSWORD)).toEqual({ ok: true });
    await signOut();
    expect(await signIn('ivanov', PASSWORD)).toEqual({ ok: true });
    expect(sessionStore.getState().user?.role).toBe('operator');
  });

  it('refuses what the server refuses, the same way as a wrong local password', async () => {
    const refused = await signIn('ivanov', 'not the password at all');
    expect(refused).toMatchObject({ ok: false, reason: 'wrong' });
    expect(sessionStore.getState().phase).toBe('signed-out');
    expect(await signIn('stranger', PASSWORD)).toMatchObject({ ok: false, reason: 'wrong' });
    expect(audit.filter((e) => e.action === 'account.sign-in-fail')).toHaveLength(2);
    // The server is the source of truth: once it refuses (password changed there), the old local verifier no longer opens online.
    expect(await signIn('ivanov', PASSWORD)).toEqual({ ok: true });
    await signOut();
    server.users.set('ivanov', { account: IVANOV, password: 'a brand new centre password' });
    expect(await signIn('ivanov', PASSWORD)).toMatchObject({ ok: false });
  });

  it('never sends a local account’s password to the server', async () => {
    expect(await signIn('admin', 'местный пароль админа')).toEqual({ ok: true });
    expect(server.asked).toEqual([]);
  });

  it('fills the local accounts from the server’s list: new users cannot unlock offline before their first online sign-in', async () => {
    const petrova: RemoteAccount = { id: 'srv-2', login: 'petrova', displayName: 'Петрова', role: 'analyst', scope: { sectors: null, municipalities: ['m1'] }, disabled: false };
    expect(await applyCentreUsers([IVANOV, petrova])).toBe(2);
    expect(await applyCentreUsers([IVANOV, petrova])).toBe(0);
    const row = (await accounts.users.where('login').equals('petrova').first())!;
    expect(row).toMatchObject({ origin: 'centre', role: 'analyst', passwordHash: '' });
    server.online = false;
    expect(await signIn('petrova', 'anything at all here')).toMatchObject({ ok: false });

    // A user the server no longer lists is disabled here; a signed-in one is signed out.
    server.online = true;
    expect(await signIn('ivanov', PASSWORD)).toEqual({ ok: true });
    expect(await applyCentreUsers([petrova])).toBe(1);
    expect((await accounts.users.where('login').equals('ivanov').first())!.disabled).toBe(true);
    expect(sessionStore.getState().phase).toBe('signed-out');
    expect(audit.some((e) => e.action === 'user.centre-sync')).toBe(true);
  });

  it('a role or scope changed on the server reaches the signed-in window; centre accounts are not edited here', async () => {
    expect(await signIn('ivanov', PASSWORD)).toEqual({ ok: true });
    await applyCentreUsers([{ ...IVANOV, scope: { sectors: ['roads'], municipalities: null } }]);
    expect(getAccess().scope).toEqual({ sectors: ['roads'], municipalities: null });
    expect(await changeOwnPassword(PASSWORD, 'another long password')).toEqual({ ok: false, problem: 'centre-account' });
    await signOut();
    expect(await signIn('admin', 'местный пароль админа')).toEqual({ ok: true });
    const id = (await accounts.users.where('login').equals('ivanov').first())!.id;
    expect(await changeAccount(id, { role: 'admin' })).toEqual({ ok: false, problem: 'centre-account' });
  });
});
