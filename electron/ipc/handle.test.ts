import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, WALL_CHANNELS } from '../../shared/ipc/contract';
import { createGuardedHandler, HandlerError, isChannelAllowedForSender, registerHandlers, wallSenderIds, type SenderEvent } from './handle';

const appFrame: SenderEvent = { senderFrame: { url: 'app://renderer/index.html#/overview', parent: null } };

describe('createGuardedHandler', () => {
  it('runs the handler for a valid request from the app and wraps the value', async () => {
    const handler = vi.fn(({ displayId }: { displayId: number | null }) => {
      expect(displayId).toBe(2);
      return null;
    });
    const guarded = createGuardedHandler('wall:open', handler, () => {});
    await expect(guarded(appFrame, { displayId: 2 })).resolves.toEqual({ ok: true, value: null });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a remote page', { senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['an iframe inside the app', { senderFrame: { url: 'app://renderer/index.html', parent: {} } }],
    ['a destroyed frame', { senderFrame: null }],
    ['a file page', { senderFrame: { url: 'file:///tmp/x.html', parent: null } }],
  ])('rejects %s without calling the handler, and logs why', async (_name, event) => {
    const handler = vi.fn(() => null);
    const log = vi.fn();
    const guarded = createGuardedHandler('wall:close', handler, log);
    const result = await guarded(event as SenderEvent, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handler).not.toHaveBeenCalled();
    expect(log.mock.calls[0]?.[0]).toMatch(/wall:close rejected: untrusted sender/);
  });

  it.each([
    ['wall:open', { displayId: 'two' }],
    ['wall:open', null],
    ['power:keep-awake', { on: 'yes' }],
    ['feed:fetch', { url: 'file:///etc/passwd', method: 'GET', headers: {}, timeoutMs: 1000 }],
    ['feed:fetch', { url: 'https://x.example/', method: 'DELETE', headers: {}, timeoutMs: 1000 }],
    ['feed:fetch', { feedId: 'feed:a', cursor: null, limit: 10, timeoutMs: 1000, method: 'POST' }],
    ['feed:fetch', { feedId: 'feed:a', cursor: null, limit: 0, timeoutMs: 1000 }],
    ['feed:configure', { feedId: 'feed:a', baseUrl: 'https://x.ru', token: '', headers: {} }],
    ['folders:read', { path: 'a\0b' }],
    ['files:save', { suggestedName: 'x.xlsx', data: 'not bytes' }],
    ['files:pick', { accept: new Array(100).fill('.xlsx'), multiple: true }],
  ] as const)('rejects a malformed %s request with a logged reason', async (channel, raw) => {
    const handler = vi.fn();
    const log = vi.fn();
    const guarded = createGuardedHandler(channel, handler as never, log);
    const result = await guarded(appFrame, raw);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(handler).not.toHaveBeenCalled();
    expect(log.mock.calls[0]?.[0]).toMatch(new RegExp(`${channel} rejected: invalid request \\(.+\\)`));
  });

  it('turns thrown errors into results instead of crashing main', async () => {
    const log = vi.fn();
    const failing = createGuardedHandler('app:info', () => {
      throw new Error('disk on fire');
    }, log);
    await expect(failing(appFrame, undefined)).resolves.toEqual({ ok: false, error: { code: 'failed', message: 'disk on fire' } });
    const refused = createGuardedHandler('folders:list', async () => {
      throw new HandlerError('forbidden', 'Папка не выбрана как наблюдаемая.');
    }, log);
    await expect(refused(appFrame, { folder: '/etc' })).resolves.toEqual({ ok: false, error: { code: 'forbidden', message: 'Папка не выбрана как наблюдаемая.' } });
  });
});

describe('registerHandlers', () => {
  it('registers each channel once and ignores extra arguments', async () => {
    const registered = new Map<string, (event: SenderEvent, ...args: unknown[]) => unknown>();
    const ipcMain = { handle: (channel: string, listener: (event: SenderEvent, ...args: unknown[]) => unknown) => void registered.set(channel, listener) };
    registerHandlers(ipcMain, { 'wall:close': () => null, 'displays:list': () => [] }, () => {});
    expect([...registered.keys()].sort()).toEqual(['displays:list', 'wall:close']);
    await expect(registered.get('displays:list')!(appFrame, undefined, 'extra', { evil: true })).resolves.toEqual({ ok: true, value: [] });
  });
});

describe('the wall window', () => {
  const wall: SenderEvent = { senderFrame: { url: 'app://renderer/index.html#/wall', parent: null }, sender: { id: 77 } };

  it('may call the wall channels only, whatever its page sends', async () => {
    wallSenderIds.add(77);
    try {
      for (const channel of CHANNELS) expect(isChannelAllowedForSender(channel, 77), channel).toBe((WALL_CHANNELS as readonly string[]).includes(channel));
      const handler = vi.fn(() => []);
      const result = await createGuardedHandler('folders:roots', handler, () => {})(wall, undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(handler).not.toHaveBeenCalled();
      // The operator window is not affected.
      expect(isChannelAllowedForSender('folders:roots', 1)).toBe(true);
    } finally {
      wallSenderIds.delete(77);
    }
  });
});
