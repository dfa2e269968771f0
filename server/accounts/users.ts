/**
 * The centre's users in PostgreSQL (centre_users): create, list, change, disable. Scope is kept
 * as two nullable text arrays (null = unrestricted), normalised as shared/access/scope.ts does.
 */
import { randomUUID } from 'node:crypto';
import { normalizeScope, type AccessScope } from '../../shared/access/scope';
import type { Role } from '../../shared/access/roles';
import type { CentreUser } from '../../shared/centre/accounts';
import type { Queryable } from '../db/database';

interface UserRow {
  id: string;
  login: string;
  display_name: string;
  role: Role;
  sectors: string[] | null;
  municipalities: string[] | null;
  password_hash: string;
  disabled_at: number | null;
  changed_at: number;
}

const COLUMNS = 'id, login, display_name, role, sectors, municipalities, password_hash, disabled_at, changed_at';

export interface StoredUser extends CentreUser {
  passwordHash: string;
}

function plainScope(scope: AccessScope): CentreUser['scope'] {
  return { sectors: scope.sectors === null ? null : [...scope.sectors], municipalities: scope.municipalities === null ? null : [...scope.municipalities] };
}

function toUser(row: UserRow): StoredUser {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: row.role,
    scope: plainScope(normalizeScope({ sectors: row.sectors, municipalities: row.municipalities })),
    disabled: row.disabled_at !== null,
    changedAt: Number(row.changed_at),
    passwordHash: row.password_hash,
  };
}

/** The user without the hash (what leaves the server). */
export function publicUser(user: StoredUser): CentreUser {
  const { passwordHash: _hash, ...rest } = user;
  void _hash;
  return rest;
}

export interface NewUser {
  login: string;
  displayName: string;
  role: Role;
  scope: AccessScope;
  passwordHash: string;
}

/** Creates a user; null when the login is taken. */
export async function createUser(db: Queryable, input: NewUser, now: number): Promise<StoredUser | null> {
  const scope = normalizeScope(input.scope);
  const { rows } = await db.query<UserRow>(
    `INSERT INTO centre_users (id, login, display_name, role, sectors, municipalities, password_hash, created_at, changed_at)
     VALUES ($1, $2, $3, $4, $5::text[], $6::text[], $7, $8, $8)
     ON CONFLICT (login) DO NOTHING RETURNING ${COLUMNS}`,
    [randomUUID(), input.login, input.displayName, input.role, scope.sectors, scope.municipalities, input.passwordHash, now],
  );
  return rows[0] ? toUser(rows[0]) : null;
}

export async function listUsers(db: Queryable): Promise<StoredUser[]> {
  const { rows } = await db.query<UserRow>(`SELECT ${COLUMNS} FROM centre_users ORDER BY login`);
  return rows.map(toUser);
}

export async function userByLogin(db: Queryable, login: string): Promise<StoredUser | null> {
  const { rows } = await db.query<UserRow>(`SELECT ${COLUMNS} FROM centre_users WHERE login = $1`, [login]);
  return rows[0] ? toUser(rows[0]) : null;
}

export async function userById(db: Queryable, id: string): Promise<StoredUser | null> {
  const { rows } = await db.query<UserRow>(`SELECT ${COLUMNS} FROM centre_users WHERE id = $1`, [id]);
  return rows[0] ? toUser(rows[0]) : null;
}

export interface UserUpdate {
  displayName?: string;
  role?: Role;
  scope?: AccessScope;
  disabled?: boolean;
  passwordHash?: string;
}

/** Applies the given fields (each parameter null = keep); null when there is no such user. */
export async function updateUser(db: Queryable, id: string, change: UserUpdate, now: number): Promise<StoredUser | null> {
  const scope = change.scope ? normalizeScope(change.scope) : null;
  const { rows } = await db.query<UserRow>(
    `UPDATE centre_users SET
       display_name = COALESCE($2, display_name),
       role = COALESCE($3, role),
       sectors = CASE WHEN $4::boolean THEN $5::text[] ELSE sectors END,
       municipalities = CASE WHEN $4::boolean THEN $6::text[] ELSE municipalities END,
       disabled_at = CASE WHEN $7::boolean IS NULL THEN disabled_at WHEN $7::boolean THEN COALESCE(disabled_at, $9) ELSE NULL END,
       password_hash = COALESCE($8, password_hash),
       changed_at = $9
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, change.displayName ?? null, change.role ?? null, scope !== null, scope?.sectors ?? null, scope?.municipalities ?? null, change.disabled ?? null, change.passwordHash ?? null, now],
  );
  return rows[0] ? toUser(rows[0]) : null;
}

/** Ends every token of a user (a new password, or the administrator's «sign out everywhere»). */
export async function revokeUserTokens(db: Queryable, userId: string, now: number): Promise<number> {
  const { rowCount } = await db.query('UPDATE api_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [userId, now]);
  return rowCount;
}
