/** Path checks for host files reached from the renderer (watched folders, app:// files). Pure. */
import { isAbsolute, relative, resolve } from 'node:path';

/** True when target is root itself or lies inside it after normalisation (no `..` escapes). */
export function isInsideRoot(root: string, target: string): boolean {
  if (!isAbsolute(root) || typeof target !== 'string' || target.includes('\0')) return false;
  const rel = relative(resolve(root), resolve(root, target));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Keeps a suggested file name to one plain path segment. */
export function safeFileName(name: string, fallback = 'export'): string {
  const cleaned = name
    .split(/[\\/:*?"<>|\u0000-\u001f]+/)
    .map((part) => part.trim())
    // Dot-only parts ('.', '..') carry no name; a leading dot would make a hidden file.
    .filter((part) => part !== '' && !/^\.+$/.test(part))
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/^\.+/, '');
  return cleaned.slice(0, 200) || fallback;
}
