/**
 * Test builders and oracles live under tests/ (tests/support/ for the shared ones), never in a
 * product folder, and product code never reaches into tests/: what ships is only what runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PRODUCT = ['renderer', 'shared', 'electron', 'scripts'];
const IS_TEST = /\.(test|e2e|bench)\.tsx?$/;
const IMPORTS_TESTS = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"](?:\.\.?\/)+(?:\.\.\/)*tests\//;

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

describe('test scaffolding stays out of the product', () => {
  it('sees a test import when there is one (the checks below would pass vacuously otherwise)', () => {
    expect(IMPORTS_TESTS.test(`import { freshDb } from '../../../tests/support/fresh-db';`)).toBe(true);
    expect(IMPORTS_TESTS.test(`export { x } from '../../tests/support/domain-appeal';`)).toBe(true);
    expect(IMPORTS_TESTS.test(`import { x } from './contests/a';`)).toBe(false);
  });

  it('no product module imports from tests/', () => {
    const offenders = PRODUCT.flatMap(files)
      .filter((file) => !IS_TEST.test(file))
      .filter((file) => IMPORTS_TESTS.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('no product folder holds a test builder', () => {
    const builders = PRODUCT.flatMap(files).filter((file) => /(^|\/)(test-[^/]+|testing|test-support)\.tsx?$/.test(file));
    expect(builders).toEqual([]);
  });
});
