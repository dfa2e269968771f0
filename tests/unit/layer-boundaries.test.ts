/**
 * The layers' import rules, checked over the source tree (a lint rule would do the same; this needs
 * no extra tooling): renderer/ never imports Electron or Node, shared/ stays pure, and the preload
 * reaches main only through the contract.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return specifiers.map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

const NODE_BUILTINS = /^(node:|fs$|path$|os$|child_process$|crypto$|net$|http$|https$|url$|worker_threads$|stream$)/;

describe('layer boundaries', () => {
  it('sees imports at all (the checks below would pass vacuously otherwise)', () => {
    expect(importsOf('electron/main.ts')).toEqual(expect.arrayContaining(['electron', 'node:fs', './security']));
    expect(importsOf('renderer/app/routes.ts')).toContain('react');
  });

  it('renderer/ imports neither Electron nor Node', () => {
    const offenders = sourceFiles('renderer').flatMap((file) =>
      importsOf(file)
        .filter((s) => s === 'electron' || s.startsWith('electron/') || NODE_BUILTINS.test(s) || /(^|\/)electron\//.test(s))
        .map((s) => `${file}: ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('shared/ imports no DOM framework, Node, Electron or app layer', () => {
    const offenders = sourceFiles('shared').flatMap((file) =>
      importsOf(file)
        .filter((s) => s === 'electron' || NODE_BUILTINS.test(s) || s === 'react' || s === 'dexie' || /(^|\/)(renderer|electron)\//.test(s))
        .map((s) => `${file}: ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the preload imports only electron and the IPC contract', () => {
    const imports = importsOf('electron/preload.ts');
    for (const s of imports) expect(['electron', '../shared/ipc/contract', '../shared/ipc/preload-api']).toContain(s);
  });

  it('only renderer/platform talks to the preload API', () => {
    const offenders = sourceFiles('renderer')
      .filter((file) => !file.startsWith('renderer/platform/'))
      .filter((file) => /\bcurApi\b/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
