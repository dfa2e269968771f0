/** The wall window's preload exposes the wall's API only: no files, folders, feeds or wall control. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { WALL_CHANNELS } from '../shared/ipc/contract';
import { WALL_API_CHANNELS } from '../shared/ipc/preload-api';

const exposed = new Map<string, Record<string, (...args: unknown[]) => unknown>>();
const invoke = vi.fn(async () => ({ ok: true, value: null }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: Record<string, (...args: unknown[]) => unknown>) => exposed.set(name, api) },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
}));

beforeAll(async () => {
  await import('./preload-wall');
});

describe('wall preload', () => {
  it('exposes one object, curWallApi, with exactly the wall methods', () => {
    expect([...exposed.keys()]).toEqual(['curWallApi']);
    const api = exposed.get('curWallApi')!;
    expect(Object.keys(api).sort()).toEqual(Object.keys(WALL_API_CHANNELS).sort());
    for (const forbidden of [
      'fetchFeed',
      'configureFeed',
      'listFeedEndpoints',
      'pickFiles',
      'saveFile',
      'chooseWatchFolder',
      'listWatchFolder',
      'readWatchFile',
      'listWatchRoots',
      'removeWatchRoot',
      'openWall',
      'invoke',
      'send',
      'ipcRenderer',
    ]) {
      expect(api).not.toHaveProperty(forbidden);
    }
  });

  it('calls only channels the main process allows for the wall', async () => {
    const api = exposed.get('curWallApi')!;
    for (const [method, channel] of Object.entries(WALL_API_CHANNELS)) {
      invoke.mockClear();
      await api[method]!({ probe: true });
      expect(invoke).toHaveBeenCalledWith(channel);
      expect(WALL_CHANNELS as readonly string[]).toContain(channel);
    }
  });

  it('imports only electron and the IPC contract', () => {
    const source = readFileSync(new URL('./preload-wall.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    expect(imports.every((s) => ['electron', '../shared/ipc/contract', '../shared/ipc/preload-api'].includes(s!))).toBe(true);
  });
});
