import { describe, expect, it } from 'vitest';
import { findMismatch, type Lockfile } from '../../scripts/ensure-deps.mjs';

const LOCK: Lockfile = {
  packages: {
    '': { version: '0.1.0' },
    'node_modules/dexie': { version: '4.4.7' },
    'node_modules/zod': { version: '4.6.7' },
    'node_modules/vite/node_modules/esbuild': { version: '0.27.0' },
    'node_modules/@esbuild/win32-x64': { version: '0.28.2', optional: true },
    'node_modules/local-tool': { link: true },
  },
};

/** What the installed tree answers: everything as locked, except the given paths. */
function installed(overrides: Record<string, string | null> = {}) {
  const asLocked = (path: string) => (path in overrides ? overrides[path]! : (LOCK.packages![path]?.version ?? null));
  const asked: string[] = [];
  const read = (path: string) => {
    asked.push(path);
    return asLocked(path);
  };
  return { read, asked };
}

describe('findMismatch', () => {
  it('is null when every locked package is installed at its version (an absent optional one included)', () => {
    expect(findMismatch(LOCK, installed({ 'node_modules/@esbuild/win32-x64': null }).read)).toBeNull();
  });

  it('names a missing package that is not optional', () => {
    expect(findMismatch(LOCK, installed({ 'node_modules/zod': null }).read)).toBe('zod missing ≠ 4.6.7');
  });

  it('names a nested package that is missing', () => {
    expect(findMismatch(LOCK, installed({ 'node_modules/vite/node_modules/esbuild': null }).read)).toBe('vite/node_modules/esbuild missing ≠ 0.27.0');
  });

  it('names a package installed at another version', () => {
    expect(findMismatch(LOCK, installed({ 'node_modules/dexie': '4.4.6' }).read)).toBe('dexie 4.4.6 ≠ 4.4.7');
  });

  it('counts an optional package present at another version as a mismatch', () => {
    expect(findMismatch(LOCK, installed({ 'node_modules/@esbuild/win32-x64': '0.28.1' }).read)).toBe('@esbuild/win32-x64 0.28.1 ≠ 0.28.2');
  });

  it('skips the root project and linked packages without reading them', () => {
    const tree = installed();
    expect(findMismatch(LOCK, tree.read)).toBeNull();
    expect(tree.asked).not.toContain('');
    expect(tree.asked).not.toContain('node_modules/local-tool');
    expect(tree.asked).toContain('node_modules/dexie');
  });

  it('is null for a lock file without packages', () => {
    expect(findMismatch({}, () => null)).toBeNull();
  });
});
