import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostSettingsFile, parseHostSettings } from './settings-file';

describe('host settings', () => {
  it('falls back to defaults for a missing, damaged or foreign file', () => {
    const defaults = { wallDisplayId: null, watchRoots: [], reportsFolder: null };
    expect(parseHostSettings(null)).toEqual(defaults);
    expect(parseHostSettings('{not json')).toEqual(defaults);
    expect(parseHostSettings('{"wallDisplayId":"two"}')).toEqual(defaults);
    expect(parseHostSettings('{"wallDisplayId":7}')).toEqual({ ...defaults, wallDisplayId: 7 });
  });

  it('remembers the wall display across restarts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cur-host-'));
    const path = join(dir, 'nested', 'host-settings.json');
    new HostSettingsFile(path).update({ wallDisplayId: 3 });
    expect(new HostSettingsFile(path).get().wallDisplayId).toBe(3);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ wallDisplayId: 3 });
    writeFileSync(path, 'garbage');
    expect(new HostSettingsFile(path).get().wallDisplayId).toBeNull();
  });
});
