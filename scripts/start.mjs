#!/usr/bin/env node
// `npm start`: build the renderer and the Electron bundle, then open the desktop app. When the
// Electron runtime cannot be obtained (it is downloaded from outside the npm registry on first run,
// which locked-down machines block), say so in one line and serve the same app in browser mode.
// `npm run start:web` (`--web`) goes straight to browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const webOnly = process.argv.includes('--web');
const DOWNLOAD_TIMEOUT_MS = 20_000;
const DOWNLOAD_RETRY_MS = 24 * 3_600_000;
const failMarker = join(root, 'node_modules', '.cache', 'cur-electron-download-failed');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function electronExecutableName() {
  if (process.platform === 'win32') return 'electron.exe';
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/** The Electron binary as electron's own index.js would find it, or null. Never downloads. */
function findElectron() {
  const pkg = join(root, 'node_modules', 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, electronExecutableName());
    return existsSync(binary) ? binary : null;
  }
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** One bounded attempt at electron's own installer; remembered for a day when it fails. */
function tryDownloadElectron() {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return 'electron package not installed';
  if (existsSync(failMarker) && Date.now() - statSync(failMarker).mtimeMs < DOWNLOAD_RETRY_MS) {
    return 'download failed earlier today';
  }
  console.log(`start: downloading the Electron runtime (up to ${DOWNLOAD_TIMEOUT_MS / 1000} s)…`);
  const result = spawnSync(process.execPath, [installer], { cwd: join(root, 'node_modules', 'electron'), stdio: 'ignore', timeout: DOWNLOAD_TIMEOUT_MS });
  if (result.status === 0 && findElectron()) return null;
  mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
  writeFileSync(failMarker, new Date().toISOString());
  return result.error?.code === 'ETIMEDOUT' ? 'download timed out' : 'download blocked or failed';
}

function hasDisplay() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function serveBrowserMode(reason) {
  const { preview } = await import('vite');
  const server = await preview({ root, configFile: join(root, 'vite.config.ts'), preview: { host: '127.0.0.1', port: 4173, open: false } });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/';
  const why = reason ? `Electron недоступен (${reason}) — ` : '';
  console.log(`${why}браузерный режим / browser mode: откройте / open ${url}`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);

if (webOnly) {
  await serveBrowserMode(null);
} else {
  run(process.execPath, [join(root, 'scripts', 'build-electron.mjs')]);
  let electron = findElectron();
  let reason = null;
  if (!electron) {
    reason = process.env.ELECTRON_OVERRIDE_DIST_PATH ? 'no binary in ELECTRON_OVERRIDE_DIST_PATH' : tryDownloadElectron();
    electron = findElectron();
  }
  if (electron && !hasDisplay()) {
    electron = null;
    reason = 'no display';
  }
  if (electron) {
    const child = spawn(electron, [root], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  } else {
    await serveBrowserMode(reason ?? 'runtime not installed');
  }
}
