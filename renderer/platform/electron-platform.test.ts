import { describe, expect, it, vi } from 'vitest';
import type { CurApi } from '../../shared/ipc/preload-api';
import { createElectronPlatform } from './electron-platform';
import { PlatformError } from './platform-error';

function fakeApi(overrides: Partial<CurApi> = {}): CurApi {
  const ok = <T>(value: T) => vi.fn(async () => ({ ok: true as const, value }));
  return {
    getAppInfo: ok({ version: '0.1.0', shell: 'electron' as const, electronVersion: '45.4.1', chromeVersion: '140', os: 'linux' }),
    listDisplays: ok([]),
    openWall: ok(null),
    closeWall: ok(null),
    keepAwake: ok(null),
    fetchFeed: ok({ status: 200, headers: {}, body: '{}' }),
    pickFiles: ok([]),
    saveFile: ok(true),
    chooseWatchFolder: ok(null),
    listWatchFolder: ok([]),
    readWatchFile: ok(new Uint8Array([1, 2, 3])),
    onWallEvent: vi.fn(() => () => {}),
    ...overrides,
  } as CurApi;
}

describe('Electron platform', () => {
  it('unwraps results and turns errors into PlatformError with the cause', async () => {
    const api = fakeApi({
      listWatchFolder: vi.fn(async () => ({ ok: false as const, error: { code: 'forbidden' as const, message: 'Папка не выбрана как наблюдаемая.' } })),
    });
    const platform = createElectronPlatform(api);
    await expect(platform.getAppInfo()).resolves.toMatchObject({ shell: 'electron' });
    const failure = platform.listWatchFolder('/etc');
    await expect(failure).rejects.toBeInstanceOf(PlatformError);
    await expect(failure).rejects.toMatchObject({ code: 'forbidden', message: 'Папка не выбрана как наблюдаемая.' });
  });

  it('turns a refused feed request into FeedRequestRefused, so its kind survives the worker relay', async () => {
    const platform = createElectronPlatform(
      fakeApi({ fetchFeed: vi.fn(async () => ({ ok: false as const, error: { code: 'forbidden' as const, message: 'Лента перенаправила запрос на другой сервер' } })) }),
    );
    await expect(platform.fetchFeed({ feedId: 'feed:a', cursor: null, limit: 10, timeoutMs: 1000 })).rejects.toMatchObject({ name: 'FeedRequestRefused', message: expect.stringMatching(/другой сервер/) });
  });

  it('sends feed settings to the host and never asks for the token back', async () => {
    const api = fakeApi({
      configureFeed: vi.fn(async () => ({ ok: true as const, value: { feedId: 'feed:a', baseUrl: 'https://x.ru', tokenSet: true } })),
      listWatchRoots: vi.fn(async () => ({ ok: true as const, value: ['/srv/exports'] })),
    });
    const platform = createElectronPlatform(api);
    await expect(platform.configureFeed({ feedId: 'feed:a', baseUrl: 'https://x.ru', token: 't' })).resolves.toEqual({ feedId: 'feed:a', baseUrl: 'https://x.ru', tokenSet: true });
    expect(api.configureFeed).toHaveBeenCalledWith({ feedId: 'feed:a', baseUrl: 'https://x.ru', token: 't' });
    await expect(platform.listWatchRoots()).resolves.toEqual(['/srv/exports']);
  });

  it('passes arguments in the contract shape', async () => {
    const api = fakeApi();
    const platform = createElectronPlatform(api);
    await platform.openWall(7);
    await platform.keepAwake(true);
    expect(api.openWall).toHaveBeenCalledWith({ displayId: 7 });
    expect(api.keepAwake).toHaveBeenCalledWith({ on: true });
  });

  it('treats a cancelled pick as no files and wraps bytes as blobs', async () => {
    const cancelled = createElectronPlatform(fakeApi({ pickFiles: vi.fn(async () => ({ ok: false as const, error: { code: 'cancelled' as const, message: '' } })) }));
    await expect(cancelled.pickFiles({ accept: ['.xlsx'], multiple: false })).resolves.toEqual([]);
    const picked = createElectronPlatform(
      fakeApi({ pickFiles: vi.fn(async () => ({ ok: true as const, value: [{ name: 'a.csv', size: 2, lastModified: 5, data: new Uint8Array([65, 66]) }] })) }),
    );
    const [file] = await picked.pickFiles({ accept: ['.csv'], multiple: false });
    expect(file?.name).toBe('a.csv');
    expect(await file?.blob.text()).toBe('AB');
  });

  it('sends saved files as bytes', async () => {
    const api = fakeApi();
    await createElectronPlatform(api).saveFile('отчёт.xlsx', new Blob([new Uint8Array([9, 8])]));
    const [request] = (api.saveFile as ReturnType<typeof vi.fn>).mock.calls[0] as [{ suggestedName: string; data: Uint8Array }];
    expect(request.suggestedName).toBe('отчёт.xlsx');
    expect([...request.data]).toEqual([9, 8]);
  });
});
