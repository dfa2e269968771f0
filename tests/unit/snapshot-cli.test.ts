/**
 * `npm run snapshot` end to end through tsx: exit codes and the lines an administrator relies on.
 * Uses a signing key made in a temporary folder, so the repository's demo key is not touched.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);

async function snapshot(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ['scripts/snapshot.ts', ...args], { cwd: ROOT, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run snapshot', () => {
  let dir: string;
  let bundle: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cur-snapshot-cli-'));
    bundle = join(dir, 'snap.curbundle');
    await writeFile(join(dir, 'phrase.txt'), 'весна тетрадь сорок два маяк\n');
    await writeFile(join(dir, 'wrong.txt'), 'весна тетрадь сорок два\n');
    expect((await snapshot('keygen', '--out', join(dir, 'centre.json'), '--centre', 'ЦУР Кировской области')).code).toBe(0);
    expect((await snapshot('keygen', '--out', join(dir, 'other.json'))).code).toBe(0);
    const created = await snapshot('create', '--demo-scale', '500', '--demo-seed', '2', '--demo-now', '2026-11-30T09:00:00+03:00', '--out', bundle, '--passphrase-file', join(dir, 'phrase.txt'), '--signing-key', join(dir, 'centre.json'), '--expires', '2099-12-31');
    expect(created.code, created.stderr).toBe(0);
  }, 180_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('verifies with the passphrase and the trusted key, printing the fingerprint', async () => {
    const result = await snapshot('verify', bundle, '--passphrase-file', join(dir, 'phrase.txt'), '--trusted-key', join(dir, 'centre.json.pub.json'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Снимок в порядке/);
    expect(result.stdout).toMatch(/доверенный/);
    expect(result.stdout).toMatch(/^ {2}[0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4}$/m);
  }, 60_000);

  it('exits 1 with a reason for a wrong passphrase, another centre and a changed byte', async () => {
    const wrong = await snapshot('verify', bundle, '--passphrase-file', join(dir, 'wrong.txt'));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/Неверная парольная фраза/);
    const stranger = await snapshot('verify', bundle, '--passphrase-file', join(dir, 'phrase.txt'), '--trusted-key', join(dir, 'other.json.pub.json'));
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toMatch(/Подпись неизвестного центра/);
    const bytes = await readFile(bundle);
    bytes[bytes.length - 10]! ^= 0x40;
    const changed = join(dir, 'changed.curbundle');
    await writeFile(changed, bytes);
    const tampered = await snapshot('verify', changed, '--passphrase-file', join(dir, 'phrase.txt'));
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/повреждён или изменён/);
  }, 60_000);

  it('inspects the manifest without the passphrase and documents itself', async () => {
    const result = await snapshot('inspect', bundle);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ЦУР Кировской области/);
    expect(result.stdout).toMatch(/"suite": "AES-256-GCM\+Ed25519\+Argon2id\/X25519"/);
    expect(result.stdout).toMatch(/действует до: 31\.12\.2099 23:59/);
    const help = await snapshot('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--passphrase-file/);
  }, 60_000);
});
