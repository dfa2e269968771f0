#!/usr/bin/env node
// Runs before `npm start` and `npm test`: when node_modules is missing or does not match
// package-lock.json, install the locked dependencies (`npm ci`) so that each command works alone on
// a fresh clone. Uses nothing but Node itself, because it runs before anything is installed.
// The Electron runtime is not downloaded here (it comes from outside the npm registry); `npm start`
// makes its own bounded attempt at it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The first locked package that is absent or at another version, or null when all match. */
export function findMismatch(lock, readInstalledVersion) {
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path === '' || !path.startsWith('node_modules/') || entry.link) continue;
    const installed = readInstalledVersion(path);
    // Optional packages for other platforms are legitimately absent.
    if (installed === null && entry.optional) continue;
    if (installed !== entry.version) return `${path.slice('node_modules/'.length)} ${installed ?? 'missing'} ≠ ${entry.version}`;
  }
  return null;
}

function readInstalledVersion(path) {
  try {
    return JSON.parse(readFileSync(join(root, path, 'package.json'), 'utf8')).version ?? null;
  } catch {
    return null;
  }
}

function main() {
  const lockFile = join(root, 'package-lock.json');
  const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
  const mismatch = existsSync(join(root, 'node_modules')) ? findMismatch(lock, readInstalledVersion) : 'node_modules missing';
  if (mismatch === null) return;
  console.log(`deps: installing the locked dependencies with npm ci (${mismatch})…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '1' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
