import { describe, expect, it } from 'vitest';
import { bootQuery, DEMO_DB_NAME, forbiddenDebugSwitch, wantsDemo } from './launch';

const exe = '/opt/cur/cur';

describe('remote debugging switches in a packaged app', () => {
  it.each([
    [['--remote-debugging-port=9222'], 'remote-debugging-port'],
    [['--remote-debugging-port', '9222'], 'remote-debugging-port'],
    [['-remote-debugging-port=9222'], 'remote-debugging-port'],
    [['/remote-debugging-port=9222'], 'remote-debugging-port'],
    [['--REMOTE-DEBUGGING-PORT=9222'], 'remote-debugging-port'],
    [['--remote-debugging-pipe'], 'remote-debugging-pipe'],
    [['--no-sandbox', '--remote-debugging-pipe'], 'remote-debugging-pipe'],
    [['--inspect=9229'], 'inspect'],
    [['--inspect-brk'], 'inspect-brk'],
  ])('refuses %j', (args, name) => {
    expect(forbiddenDebugSwitch([exe, ...args])).toBe(name);
  });

  it.each([[[]], [['--demo']], [['report.xlsx']], [['--', '--remote-debugging-port=1']], [['--remote-debugging-portal']], [['remote-debugging-port']]])('lets %j start', (args) => {
    expect(forbiddenDebugSwitch([exe, ...args])).toBeNull();
  });

  it('never looks at the program path', () => {
    expect(forbiddenDebugSwitch(['--remote-debugging-port=1'])).toBeNull();
  });
});

describe('demo data at start', () => {
  it('is off in a packaged build, and ignores test start options there', () => {
    expect(bootQuery({ isPackaged: true, envQuery: '?dbName=x&demoNow=2025-01-01', demo: false })).toBe('?demo=off');
  });

  it('runs in its own database when training mode is asked for', () => {
    expect(bootQuery({ isPackaged: true, envQuery: undefined, demo: true })).toBe(`?dbName=${DEMO_DB_NAME}`);
    expect(wantsDemo([exe, '--demo'], {})).toBe(true);
    expect(wantsDemo([exe], { CUR_DEMO: '1' })).toBe(true);
    expect(wantsDemo([exe, '--demonstrate'], { CUR_DEMO: '0' })).toBe(false);
  });

  it('keeps a development build’s start options, moving its demo to the demo database', () => {
    expect(bootQuery({ isPackaged: false, envQuery: undefined, demo: false })).toBe(`?dbName=${DEMO_DB_NAME}`);
    expect(bootQuery({ isPackaged: false, envQuery: '?dbName=e2e-1&demoSeed=7', demo: false })).toBe('?dbName=e2e-1&demoSeed=7');
    expect(bootQuery({ isPackaged: false, envQuery: '?demo=off&dbName=e2e-2', demo: false })).toBe('?demo=off&dbName=e2e-2');
    expect(bootQuery({ isPackaged: false, envQuery: '?demo=off', demo: false })).toBe('?demo=off');
    // Unknown characters drop the whole query rather than pass half of it.
    expect(bootQuery({ isPackaged: false, envQuery: '?dbName=<script>', demo: false })).toBe(`?dbName=${DEMO_DB_NAME}`);
  });
});
