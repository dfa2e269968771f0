/**
 * Settings section «Пользователи» (administrator only): the accounts of this workstation — create,
 * role, scope, reset password, disable — and the idle lock time. The session refuses every one of
 * these for another role too; hiding the section is only the first line.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { sectorsOf } from '../../../shared/domain/sectors';
import { ROLES, type Role } from '../../../shared/access/roles';
import { UNRESTRICTED, type AccessScope } from '../../../shared/access/scope';
import { formatDateTime } from '../../../shared/format/ru';
import { useRegionPack } from '../../app/region';
import { useLang, useT } from '../../i18n';
import { useCan } from '../../runtime/use-access';
import {
  changeAccount,
  createAccount,
  listAccounts,
  resetPassword,
  setIdleLockMinutes,
  useSession,
  type AccountSummary,
} from '../../runtime/session';
import { Button } from '../../ui/Button';
import { SettingsSection } from '../../ui/SettingsSection';
import { accountMessages, type AccountMessageKey } from './messages';
import { PasswordField } from './PasswordField';
import { problemKey } from './problem-text';
import { ScopeEditor } from './ScopeEditor';
import './account.css';
import { AccountProblem } from './AccountAlerts';

function RolePicker({ value, onChange, testId }: { value: Role; onChange(role: Role): void; testId: string }) {
  const t = useT(accountMessages);
  return (
    <label className="account-field">
      <span>{t('role')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as Role)} data-testid={testId}>
        {ROLES.map((r) => (
          <option key={r} value={r} title={t(`roleHint.${r}` as AccountMessageKey)}>
            {t(`role.${r}` as AccountMessageKey)} — {t(`roleHint.${r}` as AccountMessageKey)}
          </option>
        ))}
      </select>
    </label>
  );
}

function useScopeText() {
  const t = useT(accountMessages);
  const pack = useRegionPack();
  const sectorName = useMemo(() => new Map(sectorsOf(pack).map((s) => [s.id, s.shortName])), [pack]);
  const muniName = useMemo(() => new Map(pack.municipalities.map((m) => [m.id, m.shortName])), [pack]);
  return (scope: AccessScope) => {
    if (scope.sectors === null && scope.municipalities === null) return t('scopeAll');
    const parts: string[] = [];
    parts.push(scope.sectors === null ? t('allSectors') : scope.sectors.map((id) => sectorName.get(id) ?? id).join(', '));
    parts.push(scope.municipalities === null ? t('allMunicipalities') : scope.municipalities.map((id) => muniName.get(id) ?? id).join(', '));
    return parts.join('; ');
  };
}

function NewUserForm({ onCreated }: { onCreated(): void }) {
  const t = useT(accountMessages);
  const [login, setLogin] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [scope, setScope] = useState<AccessScope>(UNRESTRICTED);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="account-form account-form--wide"
      data-testid="new-user"
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await createAccount({ login, displayName: name, role, scope, password });
        if (!result.ok) return setProblem(result.problem);
        setProblem(null);
        setLogin('');
        setName('');
        setPassword('');
        setScope(UNRESTRICTED);
        onCreated();
      }}
    >
      <h3>{t('newUser')}</h3>
      <label className="account-field">
        <span>{t('login')}</span>
        <input value={login} onChange={(e) => setLogin(e.target.value)} data-testid="new-user-login" autoComplete="off" />
      </label>
      <label className="account-field">
        <span>{t('displayName')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} data-testid="new-user-name" />
      </label>
      <RolePicker value={role} onChange={setRole} testId="new-user-role" />
      <ScopeEditor value={scope} onChange={setScope} testId="new-user-scope" />
      <PasswordField label={t('tempPassword')} value={password} onChange={setPassword} testId="new-user-password" isNew />
      <p className="account-hint">{t('passwordHint')}</p>
      <AccountProblem problem={problem} testId="new-user-error" />
      <Button type="submit" variant="primary" data-testid="new-user-add">
        {t('add')}
      </Button>
    </form>
  );
}

function EditUser({ user, onDone }: { user: AccountSummary; onDone(message: AccountMessageKey | null): void }) {
  const t = useT(accountMessages);
  const [role, setRole] = useState<Role>(user.role);
  const [scope, setScope] = useState<AccessScope>(user.scope);
  const [name, setName] = useState(user.displayName);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="account-form account-form--wide" data-testid="edit-user">
      <label className="account-field">
        <span>{t('displayName')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <RolePicker value={role} onChange={setRole} testId="edit-user-role" />
      <ScopeEditor value={scope} onChange={setScope} testId="edit-user-scope" />
      <AccountProblem problem={problem} />
      <div className="account-actions">
        <Button
          variant="primary"
          onClick={async () => {
            const result = await changeAccount(user.id, { role, scope, displayName: name });
            if (result.ok) onDone('userSaved');
            else setProblem(result.problem);
          }}
        >
          {t('save')}
        </Button>
        <Button onClick={() => onDone(null)}>{t('cancel')}</Button>
      </div>
      <PasswordField label={t('tempPassword')} value={password} onChange={setPassword} testId="reset-password" isNew />
      <Button
        onClick={async () => {
          const result = await resetPassword(user.id, password);
          if (result.ok) onDone('passwordReset');
          else setProblem(result.problem);
        }}
      >
        {t('resetPassword')}
      </Button>
    </div>
  );
}

function IdleLockSetting() {
  const t = useT(accountMessages);
  const minutes = useSession((s) => s.idleLockMinutes);
  const [draft, setDraft] = useState(String(minutes));
  useEffect(() => setDraft(String(minutes)), [minutes]);
  return (
    <form
      className="account-inline"
      data-testid="idle-lock"
      onSubmit={async (event) => {
        event.preventDefault();
        const value = await setIdleLockMinutes(Number(draft));
        setDraft(String(value));
      }}
    >
      <strong>{t('idleTitle')}</strong>
      <span className="account-hint">{t('idleHint')}</span>
      <label className="field">
        <span>{t('idleMinutes')}</span>
        <input type="number" min={1} max={240} value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="idle-lock-minutes" />
      </label>
      <Button type="submit" size="small" data-testid="idle-lock-save">
        {t('save')}
      </Button>
    </form>
  );
}

export default function UsersSection() {
  const t = useT(accountMessages);
  const lang = useLang();
  const pack = useRegionPack();
  const mayManage = useCan('users.manage');
  const scopeText = useScopeText();
  const [users, setUsers] = useState<AccountSummary[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<AccountMessageKey | null>(null);
  const reload = useCallback(() => {
    void listAccounts().then(setUsers);
  }, []);
  useEffect(() => {
    if (mayManage) reload();
  }, [mayManage, reload]);
  if (!mayManage) return null;
  return (
    <SettingsSection title={t('usersTitle')} description={t('usersHint')} testId="users-admin">
      <IdleLockSetting />
      {message ? (
        <p className="account-ok" role="status">
          {t(message)}
        </p>
      ) : null}
      <table className="table account-users" data-testid="users-table">
        <thead>
          <tr>
            <th>{t('login')}</th>
            <th>{t('displayName')}</th>
            <th>{t('role')}</th>
            <th>{t('scope')}</th>
            <th>{t('status')}</th>
            <th>{t('changed')}</th>
            <th>{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(users ?? []).map((u) => (
            <tr key={u.id} data-login={u.login}>
              <td>{u.login}</td>
              <td>{u.displayName}</td>
              <td>{t(`role.${u.role}` as AccountMessageKey)}</td>
              <td>{scopeText(u.scope)}</td>
              <td>
                {t(u.disabled ? 'disabled' : 'active')}
                {u.mustChangePassword && !u.disabled ? `, ${t('mustChange')}` : ''}
                {u.origin === 'centre' ? (
                  <span className="account-centre" data-testid="centre-account">
                    {' · '}
                    {t('centreAccount')}
                  </span>
                ) : null}
              </td>
              <td>
                {formatDateTime(u.changedAt, pack.timeZone, lang)} · {u.changedBy}
              </td>
              {u.origin === 'centre' ? (
                <td className="account-actions">{t('centreAccountHint')}</td>
              ) : (
                <td className="account-actions">
                  <Button size="small" onClick={() => setEditing(editing === u.id ? null : u.id)}>
                    {t('edit')}
                  </Button>
                  <Button
                    size="small"
                    variant={u.disabled ? 'secondary' : 'danger'}
                    onClick={async () => {
                      const result = await changeAccount(u.id, { disabled: !u.disabled });
                      setMessage(result.ok ? 'userSaved' : problemKey(result.problem));
                      reload();
                    }}
                  >
                    {t(u.disabled ? 'enable' : 'disable')}
                  </Button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {editing && users?.find((u) => u.id === editing) ? (
        <EditUser
          key={editing}
          user={users.find((u) => u.id === editing)!}
          onDone={(done) => {
            setEditing(null);
            setMessage(done);
            reload();
          }}
        />
      ) : null}
      <NewUserForm onCreated={reload} />
    </SettingsSection>
  );
}
