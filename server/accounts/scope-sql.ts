/**
 * A user's scope as a SQL condition with bound parameters (never concatenated values), the same
 * rule as shared/access/scope.ts `isInScope`: inside every restricted dimension; an unknown
 * municipality is outside any municipality scope. Unrestricted scope adds no condition, so the
 * unscoped page query stays exactly what it was.
 */
import { isUnrestricted, normalizeScope, type AccessScope } from '../../shared/access/scope';

export interface ScopeCondition {
  /** `AND (…)`, or '' for an unrestricted scope. */
  sql: string;
  params: unknown[];
}

/**
 * `target` is the SQL expression of the JSON object holding `sector` and `municipality` (an appeal);
 * `applies` says which rows the scope concerns (others always pass: references, tombstones,
 * records about no appeal). Parameters are numbered from `first`.
 */
export function scopeCondition(scope: AccessScope | null, target: string, applies: string, first: number): ScopeCondition {
  if (!scope || isUnrestricted(scope)) return { sql: '', params: [] };
  const clean = normalizeScope(scope);
  const parts: string[] = [];
  const params: unknown[] = [];
  if (clean.sectors !== null) {
    params.push(clean.sectors);
    parts.push(`COALESCE(${target}->>'sector', '') = ANY($${first + params.length - 1}::text[])`);
  }
  if (clean.municipalities !== null) {
    params.push(clean.municipalities);
    parts.push(`COALESCE(${target}->>'municipality', '') = ANY($${first + params.length - 1}::text[])`);
  }
  return { sql: ` AND (NOT COALESCE(${applies}, false) OR (${parts.join(' AND ')}))`, params };
}

/** Feed items: only appeals are scoped. */
export function feedScope(scope: AccessScope | null, first: number): ScopeCondition {
  return scopeCondition(scope, "item->'appeal'", "item_type = 'appeal'", first);
}

/** Shared records: those made about an appeal (escalations, information requests) follow its scope. */
export function recordScope(scope: AccessScope | null, first: number): ScopeCondition {
  return scopeCondition(scope, "body->'appeal'", "json_typeof(body->'appeal') = 'object'", first);
}

/** A stable text of a scope for cache keys ('' = unrestricted). */
export function scopeKey(scope: AccessScope | null): string {
  if (!scope || isUnrestricted(scope)) return '';
  const clean = normalizeScope(scope);
  return JSON.stringify([clean.sectors, clean.municipalities]);
}
