/**
 * Which folders may become watched-folder roots (runtime: Electron main; pure, tested with POSIX and
 * Windows paths). A root opens every file under it to the page's folder reads, so the file-system
 * root, a drive root, the home folder and any folder holding the home folder are refused.
 */
import { posix, win32 } from 'node:path';

export type RootVerdict = { ok: true } | { ok: false; reason: string };

export const WATCH_ROOT_MESSAGES = {
  fsRoot: 'Корень файловой системы нельзя сделать наблюдаемой папкой: выберите папку, куда сохраняются выгрузки.',
  home: 'Домашнюю папку (и папки, в которых она лежит) нельзя сделать наблюдаемой: выберите отдельную папку для выгрузок.',
  relative: 'Нужен полный путь к папке.',
} as const;

export interface RootContext {
  /** `os.homedir()` */
  home: string;
  /** `process.platform` */
  platform: string;
}

export function isAcceptableWatchRoot(folder: string, { home, platform }: RootContext): RootVerdict {
  const path = platform === 'win32' ? win32 : posix;
  if (typeof folder !== 'string' || folder.includes('\0') || !path.isAbsolute(folder)) return { ok: false, reason: WATCH_ROOT_MESSAGES.relative };
  const fold = (p: string) => (platform === 'win32' || platform === 'darwin' ? p.toLowerCase() : p);
  const resolved = path.resolve(folder);
  if (path.parse(resolved).root === resolved || path.dirname(resolved) === resolved) return { ok: false, reason: WATCH_ROOT_MESSAGES.fsRoot };
  const homeResolved = path.resolve(home);
  const rel = path.relative(fold(resolved), fold(homeResolved));
  // '' — the home folder itself; no leading '..' — home lies inside the candidate.
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) return { ok: false, reason: WATCH_ROOT_MESSAGES.home };
  return { ok: true };
}
