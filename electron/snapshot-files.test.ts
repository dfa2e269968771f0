import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SnapshotInbox, snapshotPathsFromArgv, withSnapshotQuery } from './snapshot-files';

let dir: string | null = null;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

describe('snapshot files the OS opens the app with', () => {
  it('takes only .curbundle paths from the command line, never switches', () => {
    expect(snapshotPathsFromArgv(['/opt/cur/cur', '--demo', '/media/usb/Снимок.CURBUNDLE', 'notes.txt', '--x=a.curbundle'])).toEqual(['/media/usb/Снимок.CURBUNDLE']);
    expect(snapshotPathsFromArgv([])).toEqual([]);
  });

  it('opens the wall on the operator window’s snapshot, or on the workstation’s data', () => {
    expect(withSnapshotQuery('?demo=1&dbName=cur-demo', 'abc123')).toBe('?demo=1&dbName=cur-demo&snapshot=abc123');
    expect(withSnapshotQuery('', 'abc123')).toBe('?snapshot=abc123');
    expect(withSnapshotQuery('?snapshot=abc123&demo=1', null)).toBe('?demo=1');
    expect(withSnapshotQuery('', null)).toBe('');
  });

  it('hands each file over once, oldest first, and refuses what is not a file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cur-inbox-'));
    const a = join(dir, 'a.curbundle');
    await writeFile(a, new Uint8Array([1, 2, 3]));
    const inbox = new SnapshotInbox();
    expect(inbox.add([a, a])).toBe(true);
    expect(inbox.add([dir + '.curbundle'])).toBe(true);
    const file = await inbox.take();
    expect(file).toMatchObject({ name: 'a.curbundle', size: 3 });
    expect([...file!.data]).toEqual([1, 2, 3]);
    await expect(inbox.take()).rejects.toThrow();
    expect(await inbox.take()).toBeNull();
    expect(inbox.hasFile).toBe(false);
  });
});
