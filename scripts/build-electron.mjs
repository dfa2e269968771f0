#!/usr/bin/env node
// Bundles the Electron main process (ESM) and the preload (CommonJS: sandboxed preloads cannot load
// ES modules) into dist-electron/. `electron` stays external: it is provided by the runtime.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist-electron`;
rmSync(outdir, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: `${outdir}/main.js`,
    format: 'esm',
    // Bundled CommonJS dependencies may call require() for Node built-ins; give ESM one.
    banner: { js: "import { createRequire as __curCreateRequire } from 'node:module'; const require = __curCreateRequire(import.meta.url);" },
  }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: `${outdir}/preload.cjs`, format: 'cjs' }),
  build({ ...common, entryPoints: ['electron/preload-wall.ts'], outfile: `${outdir}/preload-wall.cjs`, format: 'cjs' }),
]);
console.log('build:electron → dist-electron/main.js, preload.cjs, preload-wall.cjs');
