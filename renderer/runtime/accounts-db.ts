/**
 * Local accounts of this workstation, in their own small IndexedDB database `${dbName}.accounts`.
 * Not in the region's store: a region switch opens another appeals database, and the people who
 * work at the workstation must not disappear with it (nor be created per region). Only password
 * hashes (Argon2id, encoded) are stored, never a password.
 *
 * It lives in the runtime layer because the session (who is signed in, their role and scope) is
 * runtime state every data layer reads; the runtime may use Dexie but not renderer/db.
 */
import Dexie, { type Table } from 'dexie';
import type { Role } from '../../shared/access/roles';
import type { AccessScope } from '../../shared/access/scope';
import type { ThrottleState } from '../../shared/access/throttle';

export interface AccountRow {
  id: string;
  /** Lower-case, unique (`normalizeLogin`). */
  login: string;
  displayName: string;
  role: Role;
  scope: AccessScope;
  /** Argon2id, encoded with its parameters (password-kdf.ts). */
  passwordHash: string;
  disabled: boolean;
  /** Set when the administrator reset the password: the user picks a new one at the next sign-in. */
  mustChangePassword: boolean;
  createdAt: number;
  /** Actor label (shared/access/actor.ts) of who created it. */
  createdBy: string;
  changedAt: number;
  changedBy: string;
  /**
   * 'centre' for an account issued by the centre server (shared/centre/accounts.ts): its name,
   * role, scope and state come from the server; `passwordHash` is this workstation's own verifier,
   * written at the last sign-in checked by the server ('' until then), to unlock offline.
   * Absent for an account made on this workstation.
   */
  origin?: 'centre';
}

export interface AccountsMetaRow {
  key: string;
  value: unknown;
}

export const THROTTLE_KEY = 'sign-in-throttle';
export const IDLE_LOCK_KEY = 'idle-lock-minutes';
export const DEFAULT_IDLE_LOCK_MINUTES = 10;
export const MIN_IDLE_LOCK_MINUTES = 1;
export const MAX_IDLE_LOCK_MINUTES = 240;

export class AccountsDatabase extends Dexie {
  users!: Table<AccountRow, string>;
  meta!: Table<AccountsMetaRow, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({ users: 'id, &login', meta: 'key' });
  }
}

export function accountsDbName(baseDbName: string): string {
  return `${baseDbName}.accounts`;
}

export async function readThrottle(db: AccountsDatabase): Promise<ThrottleState> {
  const row = await db.meta.get(THROTTLE_KEY);
  const v = row?.value as Partial<ThrottleState> | undefined;
  return typeof v?.failures === 'number' ? { failures: v.failures, lastFailureAt: typeof v.lastFailureAt === 'number' ? v.lastFailureAt : null } : { failures: 0, lastFailureAt: null };
}

export async function writeThrottle(db: AccountsDatabase, state: ThrottleState): Promise<void> {
  await db.meta.put({ key: THROTTLE_KEY, value: state });
}

export function clampIdleMinutes(value: unknown): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : DEFAULT_IDLE_LOCK_MINUTES;
  return Math.min(MAX_IDLE_LOCK_MINUTES, Math.max(MIN_IDLE_LOCK_MINUTES, n));
}

export async function readIdleLockMinutes(db: AccountsDatabase): Promise<number> {
  return clampIdleMinutes((await db.meta.get(IDLE_LOCK_KEY))?.value);
}
