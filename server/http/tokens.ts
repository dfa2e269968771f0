/**
 * Bearer tokens of the centre server: the administrator's (issued once at the first start and
 * printed once), workstations' and intake robots'. Only a SHA-256 of each token is stored; a
 * token is revocable and its last use is recorded.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '../../shared/access/roles';
import { normalizeScope, type AccessScope } from '../../shared/access/scope';
import type { TokenRole } from '../../shared/centre/protocol';
import type { Queryable } from '../db/database';

/** The person a user token belongs to (server/accounts/): what the server filters by. */
export interface TokenUser {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  scope: AccessScope;
}

export interface TokenOwner {
  id: string;
  label: string;
  /** An administrator user's token acts as `admin`; other user tokens as `workstation`. */
  role: TokenRole;
  /** Set for a token a user signed in for; null for workstation, intake and administrator tokens. */
  user: TokenUser | null;
  /** The workstation token a user token was signed in through (the token's own id otherwise). */
  workstationId: string;
}

export interface TokenRow {
  id: string;
  label: string;
  role: TokenRole;
  userId: string | null;
  workstationId: string | null;
  createdAt: number;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newTokenText(): string {
  return `cur_${randomBytes(24).toString('base64url')}`;
}

/** Issues a token; the text is returned once and never stored. */
export async function issueToken(
  db: Queryable,
  label: string,
  role: TokenRole,
  now = Date.now(),
  holder: { userId: string; workstationId: string } | null = null,
): Promise<{ id: string; token: string }> {
  const token = newTokenText();
  const id = randomUUID();
  await db.query('INSERT INTO api_tokens (id, label, role, token_hash, created_at, user_id, workstation_id) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    id,
    label,
    role,
    hashToken(token),
    now,
    holder?.userId ?? null,
    holder?.workstationId ?? null,
  ]);
  return { id, token };
}

export async function hasAdminToken(db: Queryable): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM api_tokens WHERE role = 'admin' AND revoked_at IS NULL LIMIT 1");
  return rows.length > 0;
}

export async function revokeToken(db: Queryable, id: string, now = Date.now()): Promise<boolean> {
  const { rowCount } = await db.query('UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, now]);
  return rowCount > 0;
}

export async function listTokens(db: Queryable): Promise<TokenRow[]> {
  const { rows } = await db.query<{
    id: string;
    label: string;
    role: TokenRole;
    user_id: string | null;
    workstation_id: string | null;
    created_at: number;
    revoked_at: number | null;
    last_used_at: number | null;
  }>('SELECT id, label, role, user_id, workstation_id, created_at, revoked_at, last_used_at FROM api_tokens ORDER BY created_at');
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    role: r.role,
    userId: r.user_id,
    workstationId: r.workstation_id,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  }));
}

interface OwnerRow {
  id: string;
  label: string;
  role: TokenRole;
  workstation_id: string | null;
  user_id: string | null;
  login: string | null;
  display_name: string | null;
  user_role: Role | null;
  sectors: string[] | null;
  municipalities: string[] | null;
}

/** A live token: not revoked; for a user's token also its user enabled and its workstation's token not revoked. */
const OWNER_QUERY = `SELECT t.id, t.label, t.role, t.workstation_id, u.id AS user_id, u.login, u.display_name, u.role AS user_role, u.sectors, u.municipalities
  FROM api_tokens t
  LEFT JOIN centre_users u ON u.id = t.user_id
  LEFT JOIN api_tokens w ON w.id = t.workstation_id
  WHERE t.token_hash = $1 AND t.revoked_at IS NULL
    AND (t.user_id IS NULL OR (u.id IS NOT NULL AND u.disabled_at IS NULL))
    AND (t.workstation_id IS NULL OR (w.id IS NOT NULL AND w.revoked_at IS NULL))`;

function ownerOf(row: OwnerRow): TokenOwner {
  const user: TokenUser | null =
    row.user_id !== null && row.user_role !== null
      ? { id: row.user_id, login: row.login ?? '', displayName: row.display_name ?? '', role: row.user_role, scope: normalizeScope({ sectors: row.sectors, municipalities: row.municipalities }) }
      : null;
  return { id: row.id, label: row.label, role: user?.role === 'admin' ? 'admin' : row.role, user, workstationId: row.workstation_id ?? row.id };
}

/**
 * Resolves bearer tokens with a short cache, so a pull of a thousand pages does not cost a
 * thousand lookups; a revocation takes effect within `ttlMs` (and at once on this server).
 */
export class TokenVerifier {
  private readonly cache = new Map<string, { owner: TokenOwner | null; until: number }>();
  private readonly touched = new Map<string, number>();
  /** Lookups under way: fifty workstations arriving at once with one token make one query. */
  private readonly pending = new Map<string, Promise<TokenOwner | null>>();

  constructor(
    private readonly db: Queryable,
    private readonly ttlMs = 5_000,
  ) {}

  async verify(token: string, now = Date.now()): Promise<TokenOwner | null> {
    if (token.length < 8 || token.length > 500) return null;
    const hash = hashToken(token);
    const cached = this.cache.get(hash);
    if (cached && cached.until > now) return cached.owner;
    const underway = this.pending.get(hash);
    if (underway) return underway;
    const lookup = this.lookup(hash, now).finally(() => this.pending.delete(hash));
    this.pending.set(hash, lookup);
    return lookup;
  }

  private async lookup(hash: string, now: number): Promise<TokenOwner | null> {
    const { rows } = await this.db.query<OwnerRow>(OWNER_QUERY, [hash]);
    const owner = rows[0] ? ownerOf(rows[0]) : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { owner, until: now + this.ttlMs });
    if (owner && (this.touched.get(owner.id) ?? 0) < now - 60_000) {
      this.touched.set(owner.id, now);
      await this.db.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [owner.id, now]);
    }
    return owner;
  }

  forget(): void {
    this.cache.clear();
  }
}
