/**
 * Roles of local accounts and what each may do. One table, read by the UI (to hide or disable an
 * action) and by the data layer (to refuse it), so the two never disagree.
 *
 * - администратор: everything, including users, sources, settings and keys;
 * - оператор: everything operational (registry, card, escalations, requests, exports with personal data);
 * - аналитик: reads everything, analytics and reports, exports without personal data;
 * - наблюдатель: read-only, never personal data.
 */

export const ROLES = ['admin', 'operator', 'analyst', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** «Показать» personal data on the appeal card. */
  'personal-data.reveal',
  /** Save a file with personal data in clear. */
  'export.with-personal-data',
  /** Save a file with personal data masked or absent (tables, pivots, reports). */
  'export.without-personal-data',
  /** Create and change the centre's own records: escalations, information requests, their statuses. */
  'records.edit',
  /** Build reports and keep them in the archive. */
  'reports.generate',
  /** Drive the wall: playlists, focus, period. */
  'wall.control',
  /** Import files into the store. */
  'data.import',
  /** Users: create, role, scope, reset password, disable. */
  'users.manage',
  /** Sources: feeds, folders, schedules, resync. */
  'sources.manage',
  /** Workstation settings: region, weights, terms, idle lock, wall map. */
  'settings.manage',
  /** Keys: the personal-data key, its recovery. */
  'keys.manage',
  /** Read the activity log. */
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const OPERATIONAL: readonly Permission[] = [
  'personal-data.reveal',
  'export.with-personal-data',
  'export.without-personal-data',
  'records.edit',
  'reports.generate',
  'wall.control',
  'data.import',
];

/** What each role may do; anything not listed is refused. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  admin: new Set(PERMISSIONS),
  operator: new Set(OPERATIONAL),
  analyst: new Set<Permission>(['export.without-personal-data', 'reports.generate', 'wall.control']),
  observer: new Set<Permission>(),
};

/** How a role is named on screen and in the audit log. */
export const ROLE_LABELS: Readonly<Record<Role, { ru: string; en: string }>> = {
  admin: { ru: 'администратор', en: 'administrator' },
  operator: { ru: 'оператор', en: 'operator' },
  analyst: { ru: 'аналитик', en: 'analyst' },
  observer: { ru: 'наблюдатель', en: 'observer' },
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` may do `permission`; no role (nobody signed in) may do nothing. */
export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && ROLE_PERMISSIONS[role].has(permission);
}

/** Error a data-layer entry point throws when the signed-in role may not do what was asked. */
export class AccessDeniedError extends Error {
  constructor(readonly permission: Permission) {
    super(`Недостаточно прав: ${permission}`);
    this.name = 'AccessDeniedError';
  }
}

/** Throws `AccessDeniedError` unless `role` may do `permission`. */
export function assertCan(role: Role | null | undefined, permission: Permission): void {
  if (!can(role, permission)) throw new AccessDeniedError(permission);
}
