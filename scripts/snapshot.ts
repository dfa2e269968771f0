/**
 * `npm run snapshot`: signed, encrypted snapshot bundles (`.curbundle`) for officials' isolated
 * laptops, from the command line. The format is described in docs/bundle-format.md, the
 * administrator's procedure in docs/guide/12-snapshots.md.
 *
 *   npm run snapshot -- create --demo-scale 20000 --out snap.curbundle --passphrase-file phrase.txt
 *   npm run snapshot -- verify snap.curbundle --passphrase-file phrase.txt --trusted-key centre.pub.json
 *   npm run snapshot -- inspect snap.curbundle
 *   npm run snapshot -- keygen --out centre-key.json --centre "ЦУР Кировской области"
 *   npm run snapshot -- laptop-key --out laptop-key.json --label "Ноутбук заместителя губернатора"
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DemoModel, demoReference, demoYear } from '../shared/demo';
import { KIROV_PACK } from '../shared/domain/packs';
import { regionDayEnd } from '../shared/domain/time';
import { formatDateTime } from '../shared/format/ru';
import { bundleFileOptions, openBundleFile, readPassphrase } from './bundle-file';
import {
  BundleError,
  STRONG_ARGON2,
  createBundle,
  exportLaptopKey,
  exportPublicKey,
  exportSigningKey,
  fingerprint,
  formatFingerprint,
  generateLaptopKey,
  generateSigningKey,
  importPublicKey,
  importSigningKey,
  readSignedManifest,
  type BundleManifest,
  type SigningKey,
} from '../shared/bundle';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Git-ignored: a demo signing key lives here, created on first use and reused. */
export const DEMO_KEY_DIR = join(ROOT, '.cur-demo-keys');
const DEMO_KEY_FILE = join(DEMO_KEY_DIR, 'demo-signing-key.json');
const DAY = 86_400_000;

const HELP = `Снимки ЦУР для изолированных ноутбуков (.curbundle): подписанные и зашифрованные.

Команды:
  create   собрать снимок из встроенного демо-региона
      --demo-scale N          обращений в год (обязательно)
      --out FILE              куда записать снимок (обязательно)
      --passphrase-file FILE  файл с парольной фразой (первая строка)
      --recipient-key FILE    открытый ключ ноутбука (можно несколько раз)
      --signing-key FILE      ключ подписи центра; без него — демо-ключ из .cur-demo-keys/
      --with-texts            включить тексты обращений (по умолчанию без текстов)
      --expires YYYY-MM-DD    действует до конца этого дня (по умолчанию 30 дней)
      --demo-seed S           зерно демо-региона (по умолчанию 1)
      --demo-now ISO          момент данных (по умолчанию сейчас)
      --centre NAME           название центра (по умолчанию из ключа подписи)
      --issuer NAME           кто выпустил (по умолчанию имя пользователя ОС)
  verify FILE                 проверить подпись, целостность, срок и расшифровать
      --passphrase-file FILE  или --laptop-key FILE (закрытый ключ ноутбука)
      --trusted-key FILE      открытый ключ центра, которому доверяем
      Код выхода 0 — снимок в порядке; 1 — причина отказа напечатана.
  inspect FILE                показать описание снимка (без парольной фразы)
  keygen --out FILE [--centre NAME]
                              создать ключ подписи центра (FILE) и открытый ключ (FILE.pub.json)
  laptop-key --out FILE [--label NAME]
                              создать ключ ноутбука (FILE) и его открытый ключ (FILE.pub.json)
  --help                      эта справка

Парольная фраза: в снимке — только производный ключ Argon2id (${STRONG_ARGON2.memoryKiB / 1024} МиБ, ${STRONG_ARGON2.iterations} прохода, ${STRONG_ARGON2.parallelism} поток).
Передавайте её получателю отдельно от носителя.`;

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

async function writeAtomically(file: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, data, { mode });
  await rename(temp, file);
}

async function demoSigningKey(): Promise<SigningKey> {
  if (existsSync(DEMO_KEY_FILE)) return importSigningKey(await readFile(DEMO_KEY_FILE, 'utf8'));
  await mkdir(DEMO_KEY_DIR, { recursive: true, mode: 0o700 });
  const key = await generateSigningKey('Демо-ЦУР (ключ для демонстрации, не для работы)', true);
  await writeAtomically(DEMO_KEY_FILE, await exportSigningKey(key), 0o600);
  await writeAtomically(join(DEMO_KEY_DIR, 'demo-signing-key.pub.json'), await exportPublicKey('signing', key.publicKey, key.centre));
  console.error(`Создан демо-ключ подписи: ${DEMO_KEY_FILE}`);
  return key;
}

function int(name: string, text: string | undefined, min: number, max: number): number {
  const value = Number(text);
  if (text === undefined || !Number.isInteger(value) || value < min || value > max) fail(`--${name}: ожидалось целое число от ${min} до ${max}`);
  return value;
}

function instant(name: string, text: string): Date {
  const value = new Date(text);
  if (Number.isNaN(value.getTime())) fail(`--${name}: не дата и время ISO 8601: ${text}`);
  return value;
}

async function create(values: Record<string, string | boolean | string[] | undefined>): Promise<void> {
  const scale = int('demo-scale', values['demo-scale'] as string | undefined, 1, 5_000_000);
  const out = (values.out as string | undefined) ?? fail('--out: куда записать снимок');
  const recipientFiles = (values['recipient-key'] as string[] | undefined) ?? [];
  const passphraseFile = values['passphrase-file'] as string | undefined;
  if (!passphraseFile && recipientFiles.length === 0) fail('нужна --passphrase-file и/или --recipient-key');
  const passphrase = passphraseFile ? await readPassphrase(passphraseFile, fail) : undefined;
  if (passphrase !== undefined && [...passphrase].length < 16) console.error('Внимание: парольная фраза короче 16 символов; лучше 4–5 случайных слов.');
  const laptopRecipients = [];
  for (const file of recipientFiles) {
    const key = importPublicKey(await readFile(file, 'utf8'));
    if (key.algorithm !== 'X25519') fail(`${file}: это не открытый ключ ноутбука`);
    laptopRecipients.push({ publicKey: key.publicKey, label: key.label });
  }
  const signingKey = values['signing-key'] ? await importSigningKey(await readFile(values['signing-key'] as string, 'utf8')) : await demoSigningKey();
  const seed = int('demo-seed', (values['demo-seed'] as string | undefined) ?? '1', 0, 2 ** 31 - 1);
  const now = values['demo-now'] ? instant('demo-now', values['demo-now'] as string) : new Date();
  const createdAt = new Date();
  const pack = KIROV_PACK;
  const expiresAt = values.expires
    ? (() => {
        const day = values.expires as string;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) fail('--expires: дата в виде ГГГГ-ММ-ДД');
        return new Date(regionDayEnd(day, pack.timeZone));
      })()
    : new Date(createdAt.getTime() + 30 * DAY);
  if (expiresAt.getTime() <= createdAt.getTime()) fail('--expires: дата уже прошла');

  console.error(`Генерирую демо-регион «${pack.name}»: ${scale} обращений в год…`);
  const spec = { seed, scale, pack };
  const appeals = demoYear(spec, now.getTime());
  const reference = demoReference(new DemoModel(spec));
  const withTexts = values['with-texts'] === true;
  const started = Date.now();
  let lastShown = -1;
  const bytes = await createBundle({
    content: { appeals, reference, centreRecords: [] },
    signingKey,
    centre: { name: (values.centre as string | undefined) ?? signingKey.centre, region: pack.name },
    issuer: (values.issuer as string | undefined) ?? userInfo().username,
    description: `Демо-регион «${pack.name}», обращений за год: ${appeals.length}, без персональных данных${withTexts ? ', с текстами' : ', без текстов'}`,
    regionPackId: pack.id,
    period: { from: new Date(now.getTime() - 365 * DAY), to: now },
    sectors: null,
    municipalities: null,
    withTexts,
    personalData: null,
    dataAsOf: now,
    expiresAt,
    createdAt,
    passphrase,
    laptopRecipients,
    argon2: STRONG_ARGON2,
    onProgress: (done, total) => {
      const percent = Math.floor((100 * done) / total);
      if (percent >= lastShown + 10) {
        lastShown = percent;
        console.error(`  ${percent}%`);
      }
    },
  });
  await writeAtomically(resolve(out), bytes);
  const { manifest, signerFingerprint } = await readSignedManifest(bytes);
  console.log(`Снимок записан: ${out} (${(bytes.length / 1024 / 1024).toFixed(1)} МБ, ${((Date.now() - started) / 1000).toFixed(1)} с)`);
  printManifest(manifest, signerFingerprint);
}

async function verify(file: string, values: Record<string, string | boolean | string[] | undefined>): Promise<void> {
  const started = Date.now();
  const opened = await openBundleFile(bundleFileOptions(file, values, new Date()), fail);
  console.log('Снимок в порядке: подпись, целостность и срок действия проверены, содержимое расшифровано.');
  console.log(`Обращений: ${opened.appeals.length}, справочных записей: ${opened.reference.length}, записей центра: ${opened.centreRecords.length} (${((Date.now() - started) / 1000).toFixed(1)} с)`);
  printSigner(opened.signerFingerprint, opened.trusted ? 'доверенный (совпадает с --trusted-key)' : 'НЕ ПРОВЕРЕН: сверьте отпечаток с центром по телефону или укажите --trusted-key', opened.manifest.signer.demoKey);
}

async function inspect(file: string): Promise<void> {
  const bytes = new Uint8Array(await readFile(file));
  const { manifest, signerFingerprint } = await readSignedManifest(bytes);
  console.log('Подпись описания верна (доверие к ключу и целостность данных проверяет verify).');
  printManifest(manifest, signerFingerprint);
  console.log('\nОписание (manifest):');
  console.log(JSON.stringify({ ...manifest, recipients: manifest.recipients.map((r) => (r.kind === 'passphrase' ? { kind: r.kind, kdf: { ...r.kdf, salt: '…' } } : { kind: r.kind, label: r.label, keyFingerprint: r.keyFingerprint })) }, null, 2));
}

function printSigner(fingerprintHex: string, trust: string, demo: boolean): void {
  console.log(`Подписант: ${trust}${demo ? '; ДЕМО-КЛЮЧ — не для рабочих снимков' : ''}`);
  console.log('Отпечаток ключа подписи (SHA-256):');
  for (const line of formatFingerprint(fingerprintHex).split('\n')) console.log(`  ${line}`);
}

function printManifest(m: BundleManifest, signerFingerprint: string): void {
  const zone = KIROV_PACK.timeZone;
  const at = (iso: string) => formatDateTime(Date.parse(iso), zone);
  console.log(`Центр: ${m.centre.name} (${m.centre.region}); выпустил: ${m.issuer.name}`);
  console.log(`Создан: ${at(m.createdAt)}; данные на: ${at(m.dataAsOf)}; действует до: ${at(m.expiresAt)}`);
  console.log(`Содержимое: ${m.content.description}`);
  console.log(`Обращений: ${m.counts.appeals}; тексты: ${m.content.withTexts ? 'да' : 'нет'}; персональные данные: ${m.content.withPersonalData ? `ДА (${m.content.personalDataReason ?? ''})` : 'нет'}`);
  console.log(`Получатели: ${m.recipients.map((r) => (r.kind === 'passphrase' ? 'парольная фраза' : `ноутбук ${r.label ?? r.keyFingerprint.slice(0, 16)}`)).join(', ')}`);
  console.log(`Формат: ${m.format} v${m.formatVersion}, ${m.suite}`);
  printSigner(signerFingerprint, 'подпись описания верна', m.signer.demoKey);
}

async function keygen(values: Record<string, string | boolean | string[] | undefined>, kind: 'signing' | 'laptop'): Promise<void> {
  const out = resolve((values.out as string | undefined) ?? fail('--out: куда записать ключ'));
  if (existsSync(out)) fail(`${out} уже существует: ключ не перезаписывается`);
  await mkdir(dirname(out), { recursive: true });
  if (kind === 'signing') {
    const key = await generateSigningKey((values.centre as string | undefined) ?? 'ЦУР');
    await writeAtomically(out, await exportSigningKey(key), 0o600);
    await writeAtomically(`${out}.pub.json`, await exportPublicKey('signing', key.publicKey, key.centre));
    console.log(`Ключ подписи: ${out} (храните у администратора), открытый ключ: ${out}.pub.json`);
    printSigner(await fingerprint(key.publicKey), 'новый ключ центра', false);
  } else {
    const key = await generateLaptopKey((values.label as string | undefined) ?? null);
    await writeAtomically(out, await exportLaptopKey(key), 0o600);
    await writeAtomically(`${out}.pub.json`, await exportPublicKey('laptop', key.publicKey, key.label));
    console.log(`Ключ ноутбука: ${out} (остаётся на ноутбуке), открытый ключ для центра: ${out}.pub.json`);
  }
  await chmod(out, 0o600);
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      'demo-scale': { type: 'string' },
      'demo-seed': { type: 'string' },
      'demo-now': { type: 'string' },
      out: { type: 'string' },
      'passphrase-file': { type: 'string' },
      'recipient-key': { type: 'string', multiple: true },
      'signing-key': { type: 'string' },
      'with-texts': { type: 'boolean' },
      expires: { type: 'string' },
      centre: { type: 'string' },
      issuer: { type: 'string' },
      'trusted-key': { type: 'string' },
      'laptop-key': { type: 'string' },
      label: { type: 'string' },
    },
  });
  const [command, file] = positionals;
  if (values.help || !command) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  switch (command) {
    case 'create':
      await create(values);
      return 0;
    case 'verify':
      await verify(file ?? fail('verify: укажите файл снимка'), values);
      return 0;
    case 'inspect':
      await inspect(file ?? fail('inspect: укажите файл снимка'));
      return 0;
    case 'keygen':
      await keygen(values, 'signing');
      return 0;
    case 'laptop-key':
      await keygen(values, 'laptop');
      return 0;
    default:
      fail(`неизвестная команда «${command}»; см. --help`);
  }
}

// `… | head` closes the pipe early: that is not an error of the snapshot.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof BundleError) {
    console.error(`Снимок отклонён: ${error.message}`);
    console.error(`  (${error.kind}${error.detail ? `: ${error.detail}` : ''})`);
    process.exitCode = 1;
  } else if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    console.error(`Ошибка: ${error.message}`);
    process.exitCode = 2;
  } else if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
    console.error(`Файл не найден: ${(error as NodeJS.ErrnoException).path ?? error.message}`);
    process.exitCode = 1;
  } else {
    console.error(error instanceof Error ? `Ошибка: ${error.message}` : error);
    process.exitCode = 1;
  }
}
