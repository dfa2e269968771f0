/** Top bar: who is signed in and in what role, «Заблокировать», «Сменить пользователя», own password. */
import { useState } from 'react';
import { useT } from '../../i18n';
import { lock, signOut, useSession } from '../../runtime/session';
import { Button } from '../../ui/Button';
import { ChangePasswordForm } from './ChangePasswordForm';
import { accountMessages, type AccountMessageKey } from './messages';

export function UserMenu() {
  const t = useT(accountMessages);
  const user = useSession((s) => s.user);
  const hookError = useSession((s) => s.hookError);
  const [open, setOpen] = useState(false);
  const [changing, setChanging] = useState(false);
  if (!user) return null;
  return (
    <div className="user-menu" data-testid="user-menu">
      <Button variant="ghost" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="user-menu-button" title={t('userMenu')}>
        <span className="user-menu__name">{user.displayName}</span>
        <span className="user-menu__role" data-testid="user-role">
          {t(`role.${user.role}` as AccountMessageKey)}
        </span>
      </Button>
      {hookError ? (
        <span className="account-error user-menu__warning" role="status">
          {t('hookError')}
        </span>
      ) : null}
      {open ? (
        <div className="user-menu__panel" role="menu">
          {changing ? (
            <ChangePasswordForm onDone={() => setChanging(false)} onCancel={() => setChanging(false)} />
          ) : (
            <>
              <Button role="menuitem" onClick={() => void lock('manual')} data-testid="lock-now">
                {t('lockNow')}
              </Button>
              <Button role="menuitem" onClick={() => void signOut()} data-testid="switch-user">
                {t('switchUser')}
              </Button>
              <Button role="menuitem" onClick={() => setChanging(true)}>
                {t('changePassword')}
              </Button>
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}
