/**
 * Finds an Electron binary the way electron's own index.js does (ELECTRON_OVERRIDE_DIST_PATH, or
 * node_modules/electron/path.txt + dist). Never downloads. Tests that need it skip with the reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function executableName(): string {
  if (process.platform === 'win32') return 'electron.exe';
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

export function findElectronBinary(): string | null {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, executableName());
    return existsSync(binary) ? binary : null;
  }
  const pathFile = join(REPO_ROOT, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(REPO_ROOT, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Null when Electron tests can run here, else why not (printed by the spec). */
export function electronSkipReason(): string | null {
  if (!findElectronBinary()) {
    return 'no Electron binary (set ELECTRON_OVERRIDE_DIST_PATH or install electron with its download)';
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display (run under Xvfb)';
  if (!existsSync(join(REPO_ROOT, 'dist-electron', 'main.js'))) return 'dist-electron/main.js missing (npm run build)';
  return null;
}
