import { describe, expect, it } from 'vitest';
import { isAcceptableWatchRoot, WATCH_ROOT_MESSAGES } from './watch-roots';

const linux = { home: '/home/operator', platform: 'linux' };
const windows = { home: 'C:\\Users\\Operator', platform: 'win32' };

describe('watched-folder roots', () => {
  it.each([
    ['/', linux, WATCH_ROOT_MESSAGES.fsRoot],
    ['/home/operator', linux, WATCH_ROOT_MESSAGES.home],
    ['/home/operator/', linux, WATCH_ROOT_MESSAGES.home],
    ['/home/operator/../operator', linux, WATCH_ROOT_MESSAGES.home],
    ['/home', linux, WATCH_ROOT_MESSAGES.home],
    ['relative/exports', linux, WATCH_ROOT_MESSAGES.relative],
    ['/srv/exports\0/x', linux, WATCH_ROOT_MESSAGES.relative],
    ['C:\\', windows, WATCH_ROOT_MESSAGES.fsRoot],
    ['D:\\', windows, WATCH_ROOT_MESSAGES.fsRoot],
    ['\\\\server\\share\\', windows, WATCH_ROOT_MESSAGES.fsRoot],
    ['C:\\Users\\Operator', windows, WATCH_ROOT_MESSAGES.home],
    ['c:\\users\\operator\\', windows, WATCH_ROOT_MESSAGES.home],
    ['C:\\Users', windows, WATCH_ROOT_MESSAGES.home],
  ])('refuses %s', (folder, context, reason) => {
    expect(isAcceptableWatchRoot(folder, context)).toEqual({ ok: false, reason });
  });

  it.each([
    ['/home/operator/Выгрузки ПОС', linux],
    ['/srv/cur/exports', linux],
    ['/home/operator2', linux],
    ['C:\\Users\\Operator\\Documents\\ПОС', windows],
    ['D:\\exports', windows],
    ['\\\\server\\share\\exports', windows],
  ])('accepts %s', (folder, context) => {
    expect(isAcceptableWatchRoot(folder, context)).toEqual({ ok: true });
  });
});
