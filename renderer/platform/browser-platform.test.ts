// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserPlatform, parseChromeVersion, wallScreenUrl, wallUrl } from './browser-platform';

afterEach(() => vi.restoreAllMocks());

describe('browser platform', () => {
  it('opens the wall on the same page and start options', () => {
    expect(wallUrl({ pathname: '/index.html', search: '?dbName=e2e&demoSeed=7' })).toBe('/index.html?dbName=e2e&demoSeed=7#/wall');
    expect(wallUrl({ pathname: '/', search: '' })).toBe('/#/wall');
  });

  it('reads the Chromium version from the user agent', () => {
    expect(parseChromeVersion('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.7339.0 Safari/537.36')).toBe('140.0.7339.0');
    expect(parseChromeVersion('Mozilla/5.0 Firefox/130.0')).toBeNull();
  });

  it('reports a blocked popup in Russian and opens the wall once', async () => {
    const platform = createBrowserPlatform();
    const open = vi.spyOn(window, 'open').mockReturnValueOnce(null);
    await expect(platform.openWall(null)).rejects.toThrow(/заблокировал второе окно/);
    const fakeWall = { closed: false, focus: vi.fn(), close: vi.fn() } as unknown as Window;
    open.mockReturnValue(fakeWall);
    const events: string[] = [];
    platform.onWallEvent((e) => events.push(e.kind));
    await platform.openWall(null);
    await platform.openWall(null);
    expect(open).toHaveBeenCalledTimes(2);
    expect(open.mock.calls[1]?.[0]).toMatch(/#\/wall$/);
    expect(fakeWall.focus).toHaveBeenCalledTimes(1);
    expect(events).toEqual(['opened']);
    await platform.closeWall();
    expect(fakeWall.close).toHaveBeenCalled();
  });

  it('opens one window per display, one per click when the browser blocks the rest', async () => {
    expect(wallScreenUrl({ pathname: '/', search: '?dbName=e2e' }, 1, { displayId: 0, playlistId: 'p', offset: 2 })).toBe('/?dbName=e2e&wallScreen=1&wallOffset=2&wallPlaylist=p#/wall');
    const platform = createBrowserPlatform();
    const windows = [0, 1, 2].map(() => ({ closed: false, focus: vi.fn(), close: vi.fn() }) as unknown as Window);
    const open = vi.spyOn(window, 'open').mockReturnValueOnce(windows[0]!).mockReturnValueOnce(null);
    const screens = [0, 1, 2].map((i) => ({ displayId: i, playlistId: null, offset: i }));
    await expect(platform.openWall(null, { kind: 'per-display', screens })).rejects.toThrow(/Открыто окон: 1 из 3/);
    open.mockReturnValueOnce(windows[1]!).mockReturnValueOnce(windows[2]!);
    await platform.openWall(null, { kind: 'per-display', screens });
    expect(open.mock.calls.map((call) => call[1])).toEqual(['cur-wall-0', 'cur-wall-1', 'cur-wall-1', 'cur-wall-2']);
    expect(open.mock.calls[3]?.[0]).toContain('wallScreen=2');
    await platform.closeWall();
    windows.forEach((w) => expect(w.close).toHaveBeenCalled());
  });

  it('has no watched folders', async () => {
    const platform = createBrowserPlatform();
    expect(platform.canWatchFolders).toBe(false);
    await expect(platform.chooseWatchFolder()).resolves.toBeNull();
    await expect(platform.listWatchFolder('/x')).rejects.toMatchObject({ code: 'unsupported' });
  });
});
