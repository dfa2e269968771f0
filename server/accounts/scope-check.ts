/** The same scope rule as server/accounts/scope-sql.ts, for one record body in hand (a push, a single read). */
import { isInScope, type AccessScope } from '../../shared/access/scope';

export function recordInScope(body: Record<string, unknown>, scope: AccessScope | null): boolean {
  if (!scope) return true;
  const appeal = body.appeal;
  if (!appeal || typeof appeal !== 'object' || Array.isArray(appeal)) return true;
  const { sector, municipality } = appeal as { sector?: unknown; municipality?: unknown };
  return isInScope(scope, { sector: typeof sector === 'string' ? sector : '', muniKey: typeof municipality === 'string' ? municipality : '' });
}
