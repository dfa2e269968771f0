import { describe, expect, it } from 'vitest';
import { AccessDeniedError, assertCan, can, PERMISSIONS, ROLES, type Permission, type Role } from './roles';

// The table a security officer signs: every role × permission, written out, not derived.
const EXPECTED: Record<Permission, Role[]> = {
  'personal-data.reveal': ['admin', 'operator'],
  'export.with-personal-data': ['admin', 'operator'],
  'export.without-personal-data': ['admin', 'operator', 'analyst'],
  'records.edit': ['admin', 'operator'],
  'reports.generate': ['admin', 'operator', 'analyst'],
  'wall.control': ['admin', 'operator', 'analyst'],
  'data.import': ['admin', 'operator'],
  'users.manage': ['admin'],
  'sources.manage': ['admin'],
  'settings.manage': ['admin'],
  'keys.manage': ['admin'],
  'audit.read': ['admin'],
};

describe('role permissions', () => {
  for (const permission of PERMISSIONS) {
    for (const role of ROLES) {
      const allowed = EXPECTED[permission].includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    }
  }

  it('the observer may do nothing at all, and never see personal data', () => {
    expect(PERMISSIONS.filter((p) => can('observer', p))).toEqual([]);
  });

  it('nobody signed in may do nothing', () => {
    for (const p of PERMISSIONS) {
      expect(can(null, p)).toBe(false);
      expect(can(undefined, p)).toBe(false);
    }
  });

  it('assertCan throws a typed refusal', () => {
    expect(() => assertCan('analyst', 'export.with-personal-data')).toThrow(AccessDeniedError);
    expect(() => assertCan('operator', 'export.with-personal-data')).not.toThrow();
  });
});
