/**
 * Fails if any security setting of the windows or the CSP regresses (Electron's security checklist).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './security';
import { operatorWindowOptions, secureWebPreferences, wallWindowOptions } from './window-options';

const REQUIRED = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
};

function parseCsp(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('window options', () => {
  const windows = {
    operator: operatorWindowOptions('/app/preload.cjs'),
    wall: wallWindowOptions('/app/preload.cjs', { x: 1920, y: 0, width: 1920, height: 1080 }),
  };

  it.each(Object.entries(windows))('%s window keeps every security setting', (_name, options) => {
    expect(options.webPreferences).toMatchObject(REQUIRED);
    expect(options.webPreferences?.preload).toBe('/app/preload.cjs');
    // Nothing that loosens the defaults may sneak in.
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'partition', 'session']) {
      expect(options.webPreferences).not.toHaveProperty(key);
    }
  });

  it('has exactly one source of web preferences', () => {
    expect(windows.operator.webPreferences).toEqual(secureWebPreferences('/app/preload.cjs'));
    expect(windows.wall.webPreferences).toEqual(secureWebPreferences('/app/preload.cjs'));
  });

  it('has DevTools off unless the build is a development one', () => {
    expect(windows.operator.webPreferences?.devTools).toBe(false);
    expect(windows.wall.webPreferences?.devTools).toBe(false);
    expect(operatorWindowOptions('/p', { devTools: true }).webPreferences?.devTools).toBe(true);
    expect(wallWindowOptions('/p', { x: 0, y: 0, width: 1, height: 1 }, { devTools: false }).webPreferences?.devTools).toBe(false);
  });

  it('puts the wall full-screen without a frame on its display', () => {
    expect(windows.wall).toMatchObject({ fullscreen: true, frame: false, autoHideMenuBar: true, x: 1920, y: 0 });
  });
});

describe('content security policy', () => {
  const html = readFileSync(new URL('../renderer/index.html', import.meta.url), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];

  it('is declared in the page itself (browser mode has no headers of ours)', () => {
    expect(meta).toBeTruthy();
  });

  it.each([
    ['header (Electron)', CONTENT_SECURITY_POLICY],
    ['page meta', meta ?? ''],
  ])('%s allows no remote origin and no inline or eval script', (_where, policy) => {
    const csp = parseCsp(policy);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    // WebAssembly only (Argon2id for snapshot passphrases); no inline script, no JavaScript eval.
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    for (const [directive, values] of csp) {
      for (const value of values) {
        const local = ["'self'", "'none'", "'unsafe-inline'", "'wasm-unsafe-eval'", 'data:', 'blob:'].includes(value) || /^http:\/\/(127\.0\.0\.1|localhost):\*$/.test(value);
        expect(local, `${directive} ${value}`).toBe(true);
      }
      if (directive !== 'style-src') expect(values, directive).not.toContain("'unsafe-inline'");
    }
  });

  it('lets the Electron renderer reach no network at all (feeds go through main)', () => {
    expect(parseCsp(CONTENT_SECURITY_POLICY).get('connect-src')).toEqual(["'self'"]);
  });
});
