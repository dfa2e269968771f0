import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  decideWindowOpen,
  isAppUrl,
  isNavigationAllowed,
  isPermissionAllowed,
  isTrustedSender,
  toSafeExternalUrl,
} from './security';

const HOSTILE_URLS = [
  'https://example.com/',
  'http://renderer/index.html',
  'file:///etc/passwd',
  'file://renderer/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://renderer/123',
  'app://renderer.evil.com/index.html',
  'app://evil.com/index.html',
  'app://renderer@evil.com/index.html',
  'app://evil@renderer/index.html',
  'app://user:pass@renderer/index.html',
  'app://renderer:8080/index.html',
  'APP://RENDERER.evil/',
  'app:renderer/index.html',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'ws://127.0.0.1:1/',
  '',
  ' ',
  'not a url',
];

describe('isAppUrl', () => {
  it.each(HOSTILE_URLS)('rejects %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(isNavigationAllowed(url)).toBe(false);
  });

  it.each(['app://renderer/index.html', 'app://renderer/index.html?dbName=x#/wall', 'app://renderer/'])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it('rejects absurdly long URLs', () => {
    expect(isAppUrl(`app://renderer/${'a'.repeat(9000)}`)).toBe(false);
  });

  it('does not throw on non-strings', () => {
    expect(isAppUrl(undefined as unknown as string)).toBe(false);
    expect(isAppUrl(42 as unknown as string)).toBe(false);
  });
});

describe('toSafeExternalUrl and window.open', () => {
  it.each([
    ['https://vk.com/wall-1_2', 'https://vk.com/wall-1_2'],
    ['https://pos.gosuslugi.ru/x?y=1', 'https://pos.gosuslugi.ru/x?y=1'],
  ])('lets %s go to the system browser', (url, expected) => {
    expect(toSafeExternalUrl(url)).toBe(expected);
    expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternally: expected });
  });

  it.each(['http://vk.com/', 'https://user:pw@vk.com/', 'https://vk.com:8443/', 'https://localhost/', 'file:///c:/x', 'javascript:alert(1)', 'app://renderer/#/wall', 'smb://share/x', 'ms-msdt:/id'])(
    'never opens %s anywhere',
    (url) => {
      expect(toSafeExternalUrl(url)).toBeNull();
      expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternally: null });
    },
  );
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'midi', 'openExternal', 'fullscreen', 'display-capture', 'clipboard-read', 'hid', 'serial', 'usb'])(
    'denies %s by default',
    (permission) => {
      expect(isPermissionAllowed(permission, 'app://renderer/index.html')).toBe(false);
    },
  );

  it('grants allowlisted permissions to the app only', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://renderer/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(isPermissionAllowed('toString', 'app://renderer/index.html')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only the top frame of an app page', () => {
    expect(isTrustedSender({ url: 'app://renderer/index.html#/overview', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://renderer/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('starts from nothing and names no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY.startsWith("default-src 'none'")).toBe(true);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|'unsafe-eval'/);
    // WebAssembly compilation only (Argon2id for snapshot passphrases), never JavaScript eval.
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});
