/**
 * `npm run server`: the centre server. Embedded PGlite in ./server-data/ by default, or
 * PostgreSQL with DATABASE_URL=postgres://…; prints its address and, at the first start, the
 * administrator's token (shown once: keep it).
 *
 *   npm run server -- --port 8788 --host 127.0.0.1 --region kirov --data ./server-data
 *   DATABASE_URL=postgres://cur:…@localhost/cur npm run server
 *   npm run server -- --new-admin-token      # issue another administrator token and exit
 *   npm run server -- user add --login ivanov --name "Иванов И. И." --role operator --sectors housing
 *                                            # users of the centre (server/accounts/cli.ts)
 */
import { parseArgs } from 'node:util';
import { CliError, runUserCommand } from './accounts/cli';
import { join, resolve } from 'node:path';
import { BUNDLED_PACKS } from '../shared/domain/packs';
import { describeDatabase, openDatabase } from './db/database';
import { migrate } from './db/migrate';
import { issueToken } from './http/tokens';
import { startServer } from './server';

// `user …` takes the rest of the line (server/accounts/cli.ts); --data and --region may precede it.
const userAt = process.argv.indexOf('user', 2);
const serverArgs = userAt >= 0 ? process.argv.slice(2, userAt) : process.argv.slice(2);

const { values } = parseArgs({
  args: serverArgs,
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8788' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    data: { type: 'string', default: process.env.CUR_SERVER_DATA ?? 'server-data' },
    region: { type: 'string', default: process.env.CUR_REGION ?? 'kirov' },
    'allow-origin': { type: 'string', multiple: true, default: [] },
    'max-page-size': { type: 'string', default: '5000' },
    'new-admin-token': { type: 'boolean', default: false },
  },
});

const pack = BUNDLED_PACKS.find((p) => p.id === values.region);
if (!pack) {
  console.error(`cur-server: unknown region «${values.region}»; known: ${BUNDLED_PACKS.map((p) => p.id).join(', ')}`);
  process.exit(2);
}
const dataDir = resolve(values.data);
const database = process.env.DATABASE_URL || join(dataDir, 'db');

if (userAt >= 0) {
  const db = await openDatabase({ url: database });
  await migrate(db);
  try {
    await runUserCommand(db, pack, process.argv.slice(userAt + 1), {
      out: (line) => console.log(line),
      now: () => Date.now(),
      readPassword: async () => {
        let text = '';
        for await (const chunk of process.stdin) text += String(chunk);
        return text;
      },
    });
  } catch (error) {
    console.error(`cur-server: ${error instanceof CliError ? error.message : error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  } finally {
    await db.close();
  }
  process.exit();
}

if (values['new-admin-token']) {
  const db = await openDatabase({ url: database });
  await migrate(db);
  const issued = await issueToken(db, 'Администратор', 'admin');
  await db.close();
  console.log(`cur-server: new administrator token (shown once): ${issued.token}`);
  process.exit(0);
}

const server = await startServer({
  database,
  pack,
  host: values.host,
  port: Number(values.port),
  inboxDir: join(dataDir, 'inbox'),
  maxPageSize: Number(values['max-page-size']),
  allowedOrigins: values['allow-origin'],
  log: (line) => console.log(`cur-server: ${line}`),
});

console.log(`cur-server: ${pack.name}, ${describeDatabase(database)}`);
console.log(`cur-server: listening on ${server.url} (feed: ${server.url}/v1/changes, health: ${server.url}/health)`);
console.log(`cur-server: watched folder for export files: ${server.ctx.intake.inboxDir}`);
if (server.adminToken) {
  console.log('cur-server: administrator token (shown only now, keep it safe):');
  console.log(`  ${server.adminToken}`);
  console.log(`cur-server: issue a workstation token: curl -X POST -H "Authorization: Bearer <admin token>" -H "Content-Type: application/json" -d '{"label":"АРМ 1"}' ${server.url}/admin/tokens`);
} else {
  console.log('cur-server: administrator token was issued at the first start (npm run server -- --new-admin-token issues another)');
}
console.log('cur-server: users of the centre (role, blocks, municipalities): npm run server -- user add --login … --name … --role operator [--sectors …] [--municipalities …]');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('cur-server: stopping');
    void server.close().then(() => process.exit(0));
  });
}
