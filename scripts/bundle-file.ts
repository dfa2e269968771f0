/**
 * Opening a `.curbundle` from the command line, the same way for `npm run snapshot -- verify` and
 * `npm run report -- --bundle`: the passphrase file's first line or a laptop key file, optionally
 * a trusted centre key, then shared/bundle's checks (signature and integrity before any parsing).
 */
import { readFile } from 'node:fs/promises';
import { importLaptopKey, importPublicKey, openBundle, type OpenedBundle } from '../shared/bundle';

export interface BundleFileOptions {
  file: string;
  passphraseFile?: string;
  laptopKeyFile?: string;
  /** The centre's public signing key; without it a valid signature passes as «not checked». */
  trustedKeyFile?: string;
  /** The instant expiry is checked against. */
  now: Date;
}

/** The options of `openBundleFile` as the CLIs take them: --passphrase-file, --laptop-key, --trusted-key. */
export function bundleFileOptions(file: string, values: Record<string, unknown>, now: Date): BundleFileOptions {
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  return { file, passphraseFile: text('passphrase-file'), laptopKeyFile: text('laptop-key'), trustedKeyFile: text('trusted-key'), now };
}

/** Reads the passphrase from the file's first line: editors add a trailing newline that is not part of it. */
export async function readPassphrase(file: string, fail: (message: string) => never): Promise<string> {
  const text = await readFile(file, 'utf8');
  const phrase = text.split(/\r?\n/)[0] ?? '';
  if (!phrase) fail(`в файле ${file} нет парольной фразы`);
  return phrase;
}

export async function openBundleFile(options: BundleFileOptions, fail: (message: string) => never): Promise<OpenedBundle> {
  const bytes = new Uint8Array(await readFile(options.file));
  let trustedKeys: Uint8Array<ArrayBuffer>[] | undefined;
  if (options.trustedKeyFile) {
    const key = importPublicKey(await readFile(options.trustedKeyFile, 'utf8'));
    if (key.algorithm !== 'Ed25519') fail(`${options.trustedKeyFile}: это не открытый ключ подписи центра`);
    trustedKeys = [key.publicKey];
  }
  const passphrase = options.passphraseFile ? await readPassphrase(options.passphraseFile, fail) : undefined;
  const laptopKey = options.laptopKeyFile ? await importLaptopKey(await readFile(options.laptopKeyFile, 'utf8')) : undefined;
  if (passphrase === undefined && !laptopKey) fail('нужна --passphrase-file или --laptop-key');
  return openBundle(bytes, { now: options.now, trustedKeys, credentials: { passphrase, laptopKey } });
}
