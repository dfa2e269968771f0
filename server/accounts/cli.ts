/**
 * `npm run server -- user …`: the administrator's user management from the server's console, on
 * the server's own database (no token needed: whoever runs it holds the database).
 *
 *   user add --login ivanov --name "Иванов И. И." --role operator [--sectors housing,roads] [--municipalities m1,m2]
 *   user list
 *   user scope --login ivanov [--sectors …|--all-sectors] [--municipalities …|--all-municipalities]
 *   user role --login ivanov --role analyst
 *   user password --login ivanov      # a new password (printed once); the user's sessions end
 *   user disable --login ivanov       # the user's tokens stop at the next request
 *   user enable --login ivanov
 *
 * A new password is generated and printed once unless one comes on standard input
 * (`--password-stdin`), so it never lands in the shell's history.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { checkPassword } from '../../shared/access/password-policy';
import { ROLE_LABELS, isRole } from '../../shared/access/roles';
import type { AccessScope } from '../../shared/access/scope';
import { PASSWORD_PROBLEM_TEXT, userCreateSchema } from '../../shared/centre/accounts';
import { describeIssues } from '../../shared/feed/protocol';
import type { RegionPack } from '../../shared/domain/region-pack';
import { sectorsOf } from '../../shared/domain/sectors';
import type { Queryable } from '../db/database';
import { PasswordKeeper } from './passwords';
import { createUser, listUsers, revokeUserTokens, updateUser, userByLogin, type StoredUser } from './users';

export interface CliIo {
  out(line: string): void;
  /** The password from standard input (only with --password-stdin). */
  readPassword(): Promise<string>;
  now(): number;
}

export class CliError extends Error {}

/** A readable generated password: 20 characters from 15 random bytes (120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

function list(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function checkIds(kind: string, ids: string[] | null, known: readonly string[]): void {
  const unknown = (ids ?? []).filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new CliError(`неизвестные ${kind}: ${unknown.join(', ')}; известны: ${known.join(', ')}`);
}

function describe(user: StoredUser): string {
  const scope = [user.scope.sectors ? `блоки: ${user.scope.sectors.join(', ')}` : 'все блоки', user.scope.municipalities ? `МО: ${user.scope.municipalities.join(', ')}` : 'все МО'].join('; ');
  return `${user.login}\t${user.displayName}\t${ROLE_LABELS[user.role].ru}\t${scope}${user.disabled ? '\tотключён' : ''}`;
}

export async function runUserCommand(db: Queryable, pack: RegionPack, argv: readonly string[], io: CliIo, passwords = new PasswordKeeper()): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      login: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      sectors: { type: 'string' },
      municipalities: { type: 'string' },
      'all-sectors': { type: 'boolean', default: false },
      'all-municipalities': { type: 'boolean', default: false },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  const action = positionals[0];
  const sectors = list(values.sectors);
  const municipalities = list(values.municipalities);
  checkIds('блоки', sectors, sectorsOf(pack).map((s) => s.id));
  checkIds('муниципальные образования', municipalities, pack.municipalities.map((m) => m.id));
  const newPassword = async (login: string) => {
    const password = values['password-stdin'] ? (await io.readPassword()).replace(/\r?\n$/, '') : generatePassword();
    const problem = checkPassword(login, password);
    if (problem) throw new CliError(PASSWORD_PROBLEM_TEXT[problem]);
    return { password, printed: !values['password-stdin'] };
  };
  const existing = async () => {
    if (!values.login) throw new CliError('укажите --login');
    const user = await userByLogin(db, values.login.trim().toLowerCase());
    if (!user) throw new CliError(`нет пользователя «${values.login}»`);
    return user;
  };

  switch (action) {
    case 'list': {
      const users = await listUsers(db);
      if (users.length === 0) io.out('пользователей нет');
      for (const user of users) io.out(describe(user));
      return;
    }
    case 'add': {
      const { password, printed } = await newPassword(values.login ?? '');
      const parsed = userCreateSchema.safeParse({ login: values.login ?? '', displayName: values.name ?? '', role: values.role ?? '', scope: { sectors, municipalities }, password });
      if (!parsed.success) throw new CliError(describeIssues(parsed.error));
      const input = parsed.data;
      const created = await createUser(db, { ...input, passwordHash: await passwords.hash(password) }, io.now());
      if (!created) throw new CliError(`имя для входа «${input.login}» уже занято`);
      io.out(`создан: ${describe(created)}`);
      if (printed) io.out(`пароль (показан один раз, передайте пользователю): ${password}`);
      return;
    }
    case 'role': {
      const user = await existing();
      if (!isRole(values.role)) throw new CliError('роль: admin, operator, analyst или observer');
      io.out(`изменён: ${describe((await updateUser(db, user.id, { role: values.role }, io.now()))!)}`);
      return;
    }
    case 'scope': {
      const user = await existing();
      const scope: AccessScope = {
        sectors: values['all-sectors'] ? null : (sectors ?? user.scope.sectors),
        municipalities: values['all-municipalities'] ? null : (municipalities ?? user.scope.municipalities),
      };
      io.out(`изменён: ${describe((await updateUser(db, user.id, { scope }, io.now()))!)}`);
      return;
    }
    case 'password': {
      const user = await existing();
      const { password, printed } = await newPassword(user.login);
      await updateUser(db, user.id, { passwordHash: await passwords.hash(password) }, io.now());
      const ended = await revokeUserTokens(db, user.id, io.now());
      io.out(`пароль ${user.login} заменён; завершено сеансов: ${ended}`);
      if (printed) io.out(`новый пароль (показан один раз): ${password}`);
      return;
    }
    case 'disable':
    case 'enable': {
      const user = await existing();
      io.out(`${action === 'disable' ? 'отключён' : 'включён'}: ${describe((await updateUser(db, user.id, { disabled: action === 'disable' }, io.now()))!)}`);
      return;
    }
    default:
      throw new CliError('команды: user add | list | role | scope | password | disable | enable (см. README «Centre server»)');
  }
}
