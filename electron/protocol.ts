/**
 * The `app://renderer/` protocol serving the built renderer (dist/renderer) to the windows
 * (runtime: Electron main). Only GET/HEAD, only the app host, only files inside the root; every
 * response carries the CSP header. A standard, secure scheme gives the app a stable origin for
 * IndexedDB without file:// and its broad access.
 */
import { protocol } from 'electron';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { isInsideRoot } from './paths';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export type AppRequestPlan =
  | { kind: 'file'; path: string; contentType: string }
  | { kind: 'reject'; status: 400 | 403 | 404 | 405; reason: string };

/** Decides what an app:// request may read. Pure: checked against hostile URLs in protocol.test.ts. */
export function planAppRequest(method: string, url: string, root: string): AppRequestPlan {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'reject', status: 405, reason: `method ${method}` };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'reject', status: 400, reason: 'unparsable URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) {
    return { kind: 'reject', status: 403, reason: `foreign host ${parsed.host}` };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { kind: 'reject', status: 400, reason: 'bad escape' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { kind: 'reject', status: 400, reason: 'bad characters' };
  const relativePath = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  if (relativePath.split('/').some((segment) => segment === '..')) return { kind: 'reject', status: 403, reason: 'dot segment' };
  const path = join(root, relativePath);
  if (!isInsideRoot(root, path)) return { kind: 'reject', status: 403, reason: 'outside root' };
  const contentType = MIME[extname(path).toLowerCase()];
  if (!contentType) return { kind: 'reject', status: 404, reason: 'unknown file type' };
  return { kind: 'file', path, contentType };
}

/** Must run before app `ready`. */
export function registerAppScheme() {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

export function handleAppProtocol(root: string, log: (message: string) => void) {
  protocol.handle(APP_SCHEME, async (request) => {
    const plan = planAppRequest(request.method, request.url, root);
    if (plan.kind === 'reject') {
      log(`app:// rejected ${request.method} ${request.url}: ${plan.reason}`);
      return new Response(null, { status: plan.status });
    }
    try {
      // Resolve symlinks too: a link inside dist must not lead outside it.
      const real = await realpath(plan.path);
      if (!isInsideRoot(await realpath(root), real) || !(await stat(real)).isFile()) {
        return new Response(null, { status: 404 });
      }
      const body = request.method === 'HEAD' ? null : await readFile(real);
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': plan.contentType,
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
