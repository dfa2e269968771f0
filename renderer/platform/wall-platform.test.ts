import { describe, expect, it, vi } from 'vitest';
import { createWallPlatform } from './wall-platform';

describe('wall window platform', () => {
  const api = { getAppInfo: vi.fn(async () => ({ ok: true as const, value: { version: '1', shell: 'electron' as const, electronVersion: '45.6.0', chromeVersion: '142', os: 'linux' } })) };
  const platform = createWallPlatform(api);

  it('never leads sync and watches no folders', () => {
    expect(platform.canLeadSync).toBe(false);
    expect(platform.canWatchFolders).toBe(false);
  });

  it('answers the app version through the wall API', async () => {
    await expect(platform.getAppInfo()).resolves.toMatchObject({ electronVersion: '45.6.0' });
  });

  it.each([
    ['fetchFeed', () => platform.fetchFeed({ feedId: 'feed:a', cursor: null, limit: 1, timeoutMs: 1000 })],
    ['configureFeed', () => platform.configureFeed({ feedId: 'feed:a', baseUrl: 'https://x.ru' })],
    ['pickFiles', () => platform.pickFiles({ accept: [], multiple: false })],
    ['saveFile', () => platform.saveFile('a', new Blob([]))],
    ['chooseWatchFolder', () => platform.chooseWatchFolder()],
    ['readWatchFile', () => platform.readWatchFile('/etc/passwd')],
    ['openWall', () => platform.openWall(null)],
  ])('refuses %s with a plain reason', async (_name, run) => {
    await expect(run()).rejects.toMatchObject({ code: 'unsupported', message: expect.stringMatching(/видеостены это недоступно/) });
  });
});
