/**
 * The packaging configuration (electron-builder.yml) keeps every Electron fuse in its safe position
 * and builds the Linux packages the regions use. The binary cannot run here; the config can be read.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// electron-builder's own YAML reader (it ships js-yaml), so the test reads the file as the packager does.
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const config = load(readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8')) as {
  asar?: boolean;
  files?: string[];
  electronFuses?: Record<string, unknown>;
  linux?: { target?: string[] };
};

/** Every fuse electron-builder 26 knows, in its safe position. */
const SAFE_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

describe('packaging configuration', () => {
  it.each(Object.entries(SAFE_FUSES))('sets the fuse %s to %s', (fuse, value) => {
    expect(config.electronFuses?.[fuse]).toBe(value);
  });

  it('sets no fuse it does not know (a typo would silently leave the default)', () => {
    expect(Object.keys(config.electronFuses ?? {}).sort()).toEqual(Object.keys(SAFE_FUSES).sort());
  });

  it('packs the app into an asar of built files only', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['dist/renderer/**', 'dist-electron/**', '!**/*.map']));
    expect(config.files?.some((f) => /^(electron|renderer|shared|tests|scripts)\b/.test(f))).toBe(false);
  });

  it('builds deb (Astra Linux), rpm (RED OS, ALT) and AppImage', () => {
    expect(config.linux?.target).toEqual(expect.arrayContaining(['deb', 'rpm', 'AppImage']));
  });
});
