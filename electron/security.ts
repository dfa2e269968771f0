/**
 * Security policy as small pure functions (runtime: Electron main, but no Electron import so it is
 * unit-tested in Node against tables of hostile inputs). Everything here is deny-by-default.
 */

/** The app's own origin: the renderer bundle served by the `app://` protocol (electron/protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Content-Security-Policy sent as a header with every app:// response. Starts from
 * `default-src 'none'` and allows only the app's own origin: no remote origin of any kind. Feeds are
 * fetched by the main process (feed:fetch), so the renderer needs no network access at all here.
 * `style-src 'unsafe-inline'` is needed by ECharts and React style attributes, not by scripts.
 * `'wasm-unsafe-eval'` lets the page compile WebAssembly only (not JavaScript `eval`): Argon2id
 * for snapshot bundles' passphrases runs in hash-wasm's WebAssembly (shared/bundle), and WebCrypto
 * has no memory-hard key derivation.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

function parse(url: string): URL | null {
  if (typeof url !== 'string' || url.length > 8192) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for `app://renderer/...` with no credentials or port: the app's own pages. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Navigation inside a window is allowed only within the app (in practice a hash change, which
 * does not even fire will-navigate). Everything else — remote pages, file:, data:, javascript: — is blocked.
 */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/**
 * An https link the user may open in the system browser (e.g. a source post's address): https only,
 * no credentials, no custom port. Returns the normalised URL or null. Never used to load content
 * inside the app.
 */
export function toSafeExternalUrl(url: string): string | null {
  const parsed = parse(url);
  if (!parsed) return null;
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return null;
  if (!parsed.hostname.includes('.')) return null;
  return parsed.toString();
}

export type WindowOpenDecision = { action: 'deny'; openExternally: string | null };

/** `window.open` never creates an Electron window; safe https links go to the system browser. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: toSafeExternalUrl(url) };
}

/**
 * Permissions the app's own pages may use. Everything not listed is denied, and nothing is
 * granted to any other origin.
 */
export const PERMISSION_ALLOWLIST: Readonly<Record<string, string>> = {
  // Copy buttons (appeal numbers, table cells) write plain text to the clipboard.
  'clipboard-sanitized-write': 'copy plain text from the UI',
};

export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return Object.prototype.hasOwnProperty.call(PERMISSION_ALLOWLIST, permission) && isAppUrl(requestingUrl);
}

/** A frame may talk to main only if it is a top-level frame showing the app's own page. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  if (!frame) return false;
  return frame.parent === null && isAppUrl(frame.url);
}
