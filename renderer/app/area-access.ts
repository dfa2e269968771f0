/**
 * Which areas a role may open. The navigation hides them and the shell refuses them (a typed URL
 * shows «Недостаточно прав»); the data layer refuses the actions themselves too. Areas not listed
 * are open to every signed-in role (they only read, within the user's scope).
 */
import { can, type Permission, type Role } from '../../shared/access/roles';

export const AREA_PERMISSIONS: Readonly<Partial<Record<string, Permission>>> = {
  sources: 'sources.manage',
  import: 'data.import',
  'wall-control': 'wall.control',
};

export function mayOpenArea(role: Role | null, area: string): boolean {
  const permission = AREA_PERMISSIONS[area];
  return permission === undefined || can(role, permission);
}
