import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ protocol: {} }));
const { planAppRequest } = await import('./protocol');

const ROOT = '/opt/cur/dist/renderer';

describe('planAppRequest', () => {
  it('serves index.html for the root and files inside dist', () => {
    expect(planAppRequest('GET', 'app://renderer/', ROOT)).toEqual({ kind: 'file', path: `${ROOT}/index.html`, contentType: 'text/html; charset=utf-8' });
    expect(planAppRequest('GET', 'app://renderer/assets/main-1.js?x=1#/wall', ROOT)).toMatchObject({ kind: 'file', path: `${ROOT}/assets/main-1.js` });
    expect(planAppRequest('HEAD', 'app://renderer/assets/pt-sans.woff2', ROOT)).toMatchObject({ kind: 'file', contentType: 'font/woff2' });
  });

  it('keeps encoded dot segments inside the root (the URL parser resolves them first)', () => {
    const plan = planAppRequest('GET', 'app://renderer/%2e%2e/%2e%2e/etc/passwd.html', ROOT);
    expect(plan).toMatchObject({ kind: 'file', path: `${ROOT}/etc/passwd.html` });
  });

  it.each([
    ['POST', 'app://renderer/index.html', 405],
    ['PUT', 'app://renderer/index.html', 405],
    ['GET', 'app://evil/index.html', 403],
    ['GET', 'app://renderer.evil/index.html', 403],
    ['GET', 'app://user@renderer/index.html', 403],
    ['GET', 'https://renderer/index.html', 403],
    ['GET', 'app://renderer/assets/..%2f..%2fsecret.js', 403],
    ['GET', 'app://renderer/a%5c..%5c..%5cx.js', 400],
    ['GET', 'app://renderer/x%00.html', 400],
    ['GET', 'app://renderer/%E0%A4%A', 400],
    ['GET', 'app://renderer/package.json.exe', 404],
    ['GET', 'app://renderer/.env', 404],
    ['GET', 'not a url', 400],
  ] as const)('%s %s → %i', (method, url, status) => {
    const plan = planAppRequest(method, url, ROOT);
    expect(plan.kind).toBe('reject');
    if (plan.kind === 'reject') expect(plan.status).toBe(status);
  });
});
