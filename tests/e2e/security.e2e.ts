/**
 * Browser-mode security as a person's browser enforces it: the page's CSP lets nothing reach a
 * foreign origin (scripts, images, frames, fetch, form posts), the app's own links stay inside the
 * app, and no host API is exposed. (Electron-only guards: security-electron.e2e.ts and unit tests.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './support';

describe('browser mode security', () => {
  let app: OpenedApp;
  beforeAll(async () => {
    app = await openApp({ path: 'overview', query: { demo: 'off', dbName: 'e2e-security' } });
    await app.page.locator('main[data-area="overview"]').waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('loads everything from its own origin', () => {
    // Checked before the hostile injections below, which Chromium reports as (blocked) requests.
    expect(app.externalRequests).toEqual([]);
  });

  it('refuses to fetch from a foreign origin', async () => {
    const outcome = await app.page.evaluate(async () => {
      try {
        await fetch('https://example.com/data.json');
        return 'fetched';
      } catch {
        return 'blocked';
      }
    });
    expect(outcome).toBe('blocked');
  });

  it('refuses foreign scripts, images and frames injected into the page', async () => {
    const violations = await app.page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective));
      const script = document.createElement('script');
      script.src = 'https://cdn.example.com/x.js';
      const img = document.createElement('img');
      img.src = 'https://tiles.example.com/1/1/1.png';
      const frame = document.createElement('iframe');
      frame.src = 'https://example.com/';
      document.body.append(script, img, frame);
      await new Promise((r) => setTimeout(r, 300));
      script.remove();
      img.remove();
      frame.remove();
      return seen.sort();
    });
    expect(violations).toEqual(['frame-src', 'img-src', 'script-src-elem']);
  });

  it('keeps every navigation link inside the app', async () => {
    const hrefs = await app.page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(10);
    for (const href of hrefs) expect(href).toMatch(/^#\//);
  });

  it('exposes no host API or Node globals in the browser', async () => {
    const surface = await app.page.evaluate(() => ({
      curApi: typeof window.curApi,
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(surface).toEqual({ curApi: 'undefined', require: 'undefined', process: 'undefined' });
  });
});
