// ESLint: the recommended rules of JavaScript, typescript-eslint (without type information: fast
// enough for a small machine) and React hooks, plus the import rules that state the layering.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Sub-folders of a folder (repo-relative), e.g. every feature. */
function foldersIn(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => `${dir}/${e.name}`);
}

/** Deepest folder nesting below a layer folder that the rules cover (features/x/components/y = 2). */
const MAX_DEPTH = 4;

/**
 * One config block per nesting depth of `layer`, forbidding relative imports that reach any of
 * `forbidden` (repo-relative folders). An import is written relative to its file, so the path
 * that reaches a folder depends on the file's depth: `../app` from renderer/db/x.ts,
 * `../../app` from renderer/sync/sources/x.ts. Each pattern matches exactly that path.
 * `typesOnly` folders may be imported with `import type` (erased at build time).
 */
function layer(name, { forbidden = [], typesOnly = [], message }) {
  const blocks = [];
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    const fromDir = path.posix.join(name, ...Array(depth).fill('d'));
    const pattern = (target, allowTypeImports) => ({
      regex: `^${path.posix.relative(fromDir, target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/|$)`,
      allowTypeImports,
      message: `${name} must not import ${target}: ${message}`,
    });
    blocks.push({
      name: `layers/${name}/depth-${depth}`,
      files: [`${name}/${'*/'.repeat(depth)}*.{ts,tsx}`],
      ignores: ['**/*.test.ts', '**/*.test.tsx'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          { patterns: [...forbidden.map((t) => pattern(t, false)), ...typesOnly.map((t) => pattern(t, true))] },
        ],
      },
    });
  }
  return blocks;
}

const topLevel = foldersIn('.').filter((d) => !['./node_modules', './shared', './resources'].includes(d)).map((d) => d.slice(2));
const rendererDirs = foldersIn('renderer');
const features = foldersIn('renderer/features');
const UI_SIDE = ['renderer/app', 'renderer/features', 'renderer/ui'];

// Layering (production code; tests may reach across to build their fixtures):
// shared ← platform ← runtime ← db ← import-pipeline ← sync ← app / features / ui.
const layering = [
  ...layer('shared', { forbidden: topLevel, message: 'shared/ is pure and imports only shared/ (and bundled resources).' }),
  ...layer('electron', { forbidden: ['renderer'], message: 'the main process talks to the renderer only over the IPC contract (shared/ipc).' }),
  ...layer('scripts/feed-server', { forbidden: ['renderer'], message: 'the feed server shares only shared/ with the app.' }),
  ...layer('server', { forbidden: ['renderer', 'electron'], message: 'the centre server shares only shared/ with the app (import code lives in shared/import).' }),
  ...layer('renderer/runtime', {
    forbidden: rendererDirs.filter((d) => !['renderer/runtime', 'renderer/platform'].includes(d)),
    message: 'the runtime imports only shared/ and the platform.',
  }),
  ...layer('renderer/db', {
    forbidden: [...UI_SIDE, 'renderer/sync', 'renderer/import-pipeline'],
    typesOnly: ['renderer/platform'],
    message: 'the database layer takes time and region as inputs and never reaches up.',
  }),
  ...layer('renderer/import-pipeline', {
    forbidden: [...UI_SIDE, 'renderer/sync'],
    typesOnly: ['renderer/platform'],
    message: 'the import pipeline runs in a worker and never reaches the UI.',
  }),
  ...layer('renderer/personal-vault', {
    forbidden: [...UI_SIDE, 'renderer/sync', 'renderer/import-pipeline'],
    typesOnly: ['renderer/platform'],
    message: 'the personal-data vault is a data layer (the sync worker seals with it) and never reaches the UI.',
  }),
  ...layer('renderer/sync', {
    forbidden: UI_SIDE,
    typesOnly: ['renderer/platform'],
    message: 'sync runs in a worker and takes time, region and the platform as inputs.',
  }),
  ...layer('renderer/viewer', {
    forbidden: [...UI_SIDE, 'renderer/sync', 'renderer/import-pipeline'],
    typesOnly: ['renderer/platform'],
    message: 'the snapshot viewer layer (opening, keys, creating bundles) is data, never UI.',
  }),
  ...layer('renderer/ui', {
    forbidden: ['renderer/app', 'renderer/features', 'renderer/db', 'renderer/sync', 'renderer/import-pipeline', 'renderer/platform'],
    message: 'ui/ components get data and actions as props or context.',
  }),
  ...features.flatMap((feature) =>
    layer(feature, { forbidden: features.filter((f) => f !== feature), message: 'features never import each other; share through app/, ui/ or a data layer.' }),
  ),
];

export default tseslint.config(
  {
    ignores: ['dist/', 'dist-electron/', 'coverage/', 'node_modules/', 'release/', 'tests/fixtures/generated/', 'bench-results.json'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      // These React Compiler rules judge code by what the compiler could memoize on its own; the
      // app does not use the compiler. Reviewed, they flag only the patterns it uses on purpose
      // (a load state reset in an effect, a latest-value ref, a memo keyed by a value's text),
      // none of them a defect. rules-of-hooks and exhaustive-deps stay on.
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      'react-hooks/use-memo': 'off',
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['renderer/**/*.worker.ts'],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    // CommonJS files (a preload script for Node's --require) load with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Its page.evaluate callbacks run in the benchmark page.
    files: ['scripts/bench.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // File names, XML text and feed fields are cleaned of control characters on purpose: the
      // rule flags exactly those deliberate character classes.
      'no-control-regex': 'off',
      // A path reference brings a hand-written module declaration (renderer/search's stemmer)
      // into every tsconfig that compiles the file, tests included.
      '@typescript-eslint/triple-slash-reference': ['error', { path: 'always', types: 'prefer-import', lib: 'always' }],
      // `_name` marks a parameter or binding kept on purpose (a positional argument, a field
      // dropped by destructuring).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests build malformed shapes on purpose.
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  ...layering,
);
