/**
 * Who may create a snapshot bundle. The rule of issue #18: an administrator or an operator of the
 * centre (the roles come with accounts, issue #13: gate this on the signed-in user's role there).
 * Until roles exist every workstation user is an operator, so creation is allowed; a window that
 * views a snapshot never creates one.
 */
import { isViewerMode } from '../../runtime/snapshots';

export function canCreateSnapshot(): boolean {
  return !isViewerMode();
}
