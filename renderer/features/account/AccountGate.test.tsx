// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AccountsDatabase } from '../../runtime/accounts-db';
import { inThreadHasher } from '../../runtime/password-hasher';
import { createFirstAdministrator, initSession, lock, registerSessionHooks, resetSessionForTests, signOut } from '../../runtime/session';
import { isIdle } from './idle-lock';
import { AccountGate } from './AccountGate';

let n = 0;
let accounts: AccountsDatabase;

beforeEach(async () => {
  resetSessionForTests();
  accounts = new AccountsDatabase(`gate-test-${++n}`);
  await initSession({
    accounts,
    hasher: inThreadHasher({ memorySize: 64, iterations: 1, parallelism: 1 }),
    audit: async () => undefined,
    osUser: async () => null,
    storage: null,
    now: () => Date.now(),
  });
});

afterEach(async () => {
  cleanup();
  await accounts.delete();
});

const secret = <div data-testid="secret">данные</div>;

describe('AccountGate', () => {
  it('shows the first run and nothing of the app until the administrator exists', async () => {
    render(<AccountGate>{secret}</AccountGate>);
    await screen.findByTestId('first-run');
    expect(screen.queryByTestId('secret')).toBeNull();
    fireEvent.change(screen.getByTestId('account-password'), { target: { value: 'длинный пароль админа' } });
    fireEvent.change(screen.getByTestId('account-password-repeat'), { target: { value: 'другой пароль админа' } });
    fireEvent.click(screen.getByTestId('account-submit'));
    expect((await screen.findByTestId('account-error')).textContent).toMatch(/не совпадают/);
    fireEvent.change(screen.getByTestId('account-password-repeat'), { target: { value: 'длинный пароль админа' } });
    fireEvent.click(screen.getByTestId('account-submit'));
    await screen.findByTestId('secret');
  });

  it('shows the recovery key once, before the app', async () => {
    registerSessionHooks({ onFirstRun: async () => ({ recoveryKey: 'ABCD-EFGH-1234' }) });
    render(<AccountGate>{secret}</AccountGate>);
    await screen.findByTestId('first-run');
    fireEvent.change(screen.getByTestId('account-password'), { target: { value: 'длинный пароль админа' } });
    fireEvent.change(screen.getByTestId('account-password-repeat'), { target: { value: 'длинный пароль админа' } });
    fireEvent.click(screen.getByTestId('account-submit'));
    expect((await screen.findByTestId('recovery-key-text')).textContent).toBe('ABCD-EFGH-1234');
    expect(screen.queryByTestId('secret')).toBeNull();
    fireEvent.click(screen.getByTestId('recovery-key-saved'));
    await screen.findByTestId('secret');
  });

  it('locks and signs out: the app disappears', async () => {
    await createFirstAdministrator('admin', 'Админ', 'длинный пароль админа');
    render(<AccountGate>{secret}</AccountGate>);
    await screen.findByTestId('secret');
    await lock('manual');
    await screen.findByTestId('lock-screen');
    expect(screen.queryByTestId('secret')).toBeNull();
    await signOut();
    await screen.findByTestId('sign-in');
    fireEvent.change(screen.getByTestId('account-login'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByTestId('account-password'), { target: { value: 'не тот пароль' } });
    fireEvent.click(screen.getByTestId('account-submit'));
    expect((await screen.findByTestId('account-error')).textContent).toBe('Неверный логин или пароль.');
    fireEvent.change(screen.getByTestId('account-password'), { target: { value: 'длинный пароль админа' } });
    fireEvent.click(screen.getByTestId('account-submit'));
    await waitFor(() => expect(screen.queryByTestId('secret')).not.toBeNull());
  });

  it('idle means no input for the whole idle time', () => {
    expect(isIdle(0, 599_999, 600_000)).toBe(false);
    expect(isIdle(0, 600_000, 600_000)).toBe(true);
  });
});
