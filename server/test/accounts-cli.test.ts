/** `npm run server -- user …` (server/accounts/cli.ts) on a server database: add, scope, disable, a new password. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIROV_PACK } from '../../shared/domain/packs';
import { sectorsOf } from '../../shared/domain/sectors';
import { CliError, runUserCommand } from '../accounts/cli';
import { PasswordKeeper, verifyPassword } from '../accounts/passwords';
import { userByLogin } from '../accounts/users';
import { openDatabase, type Database } from '../db/database';
import { migrate } from '../db/migrate';
import { ENGINES } from './support';

const keeper = new PasswordKeeper({ memorySize: 64, iterations: 1, parallelism: 1 });
const sector = sectorsOf(KIROV_PACK)[0]!.id;
const muni = KIROV_PACK.municipalities[0]!.id;

describe('user command line', { timeout: 120_000 }, () => {
  let db: Database;
  let drop: () => Promise<void>;
  const lines: string[] = [];
  const run = (...argv: string[]) => runUserCommand(db, KIROV_PACK, argv, { out: (l) => lines.push(l), now: () => 1, readPassword: async () => 'typed on stdin passphrase\n' }, keeper);

  beforeAll(async () => {
    const target = await ENGINES[0]!.create();
    drop = target.drop;
    db = await openDatabase({ url: target.url });
    await migrate(db);
  }, 120_000);
  afterAll(async () => {
    await db.close();
    await drop();
  });

  it('adds a user with a generated password printed once, and with one from stdin', async () => {
    await run('add', '--login', 'Ivanov', '--name', 'Иванов И. И.', '--role', 'operator', '--sectors', sector, '--municipalities', muni);
    const printed = /пароль \(показан один раз, передайте пользователю\): (\S+)/.exec(lines.join('\n'))![1]!;
    const user = (await userByLogin(db, 'ivanov'))!;
    expect(user.scope).toEqual({ sectors: [sector], municipalities: [muni] });
    expect(await verifyPassword(printed, user.passwordHash)).toBe(true);

    lines.length = 0;
    await run('add', '--login', 'petrova', '--name', 'Петрова', '--role', 'observer', '--password-stdin');
    expect(lines.join('\n')).not.toMatch(/пароль/);
    expect(await verifyPassword('typed on stdin passphrase', (await userByLogin(db, 'petrova'))!.passwordHash)).toBe(true);
  });

  it('refuses unknown blocks, roles and taken logins with a reason', async () => {
    await expect(run('add', '--login', 'x1', '--name', 'X', '--role', 'operator', '--sectors', 'no-such-block')).rejects.toThrow(/неизвестные блоки/);
    await expect(run('add', '--login', 'x1', '--name', 'X', '--role', 'king')).rejects.toThrow(CliError);
    await expect(run('add', '--login', 'ivanov', '--name', 'X', '--role', 'observer')).rejects.toThrow(/занято/);
  });

  it('changes scope, disables and enables', async () => {
    await run('scope', '--login', 'ivanov', '--all-sectors');
    expect((await userByLogin(db, 'ivanov'))!.scope).toEqual({ sectors: null, municipalities: [muni] });
    await run('disable', '--login', 'ivanov');
    expect((await userByLogin(db, 'ivanov'))!.disabled).toBe(true);
    await run('enable', '--login', 'ivanov');
    expect((await userByLogin(db, 'ivanov'))!.disabled).toBe(false);
    lines.length = 0;
    await run('list');
    expect(lines).toHaveLength(2);
  });
});
