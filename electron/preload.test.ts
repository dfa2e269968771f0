/** The preload exposes exactly the task-named API, nothing generic, and strips IPC events. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_CHANNELS } from '../shared/ipc/preload-api';
import { ipcContract } from '../shared/ipc/contract';

const exposed = new Map<string, Record<string, (...args: unknown[]) => unknown>>();
const invoke = vi.fn(async () => ({ ok: true, value: null }));
const listeners = new Map<string, (...args: unknown[]) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: Record<string, (...args: unknown[]) => unknown>) => exposed.set(name, api) },
  ipcRenderer: {
    invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

beforeAll(async () => {
  await import('./preload');
});

describe('preload', () => {
  it('exposes one object, curApi, with only the contract methods', () => {
    expect([...exposed.keys()]).toEqual(['curApi']);
    const api = exposed.get('curApi')!;
    expect(Object.keys(api).sort()).toEqual([...Object.keys(API_CHANNELS), 'onWallEvent'].sort());
    for (const forbidden of ['invoke', 'send', 'ipcRenderer', 'on', 'require', 'process']) expect(api).not.toHaveProperty(forbidden);
  });

  it('maps every method to a channel of the contract', async () => {
    const api = exposed.get('curApi')!;
    for (const [method, channel] of Object.entries(API_CHANNELS)) {
      expect(Object.keys(ipcContract)).toContain(channel);
      invoke.mockClear();
      await api[method]!({ probe: method });
      expect(invoke).toHaveBeenCalledTimes(1);
      const [sentChannel, sentRequest] = invoke.mock.calls[0] as unknown as [string, unknown];
      expect(sentChannel).toBe(channel);
      // Methods without a request never forward what the page passed.
      const takesRequest = !ipcContract[channel].request.safeParse(undefined).success;
      expect(sentRequest).toEqual(takesRequest ? { probe: method } : undefined);
    }
  });

  it('passes wall events without the IPC event object and unsubscribes', () => {
    const api = exposed.get('curApi')!;
    const handler = vi.fn();
    const unsubscribe = api.onWallEvent!(handler) as () => void;
    listeners.get('wall:event')!({ sender: 'secret' }, { kind: 'opened', displayId: 2, message: 'ok' });
    expect(handler).toHaveBeenCalledWith({ kind: 'opened', displayId: 2, message: 'ok' });
    unsubscribe();
    expect(listeners.has('wall:event')).toBe(false);
  });
});
