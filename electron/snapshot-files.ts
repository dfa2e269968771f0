/**
 * Snapshot bundles the operating system opens the app with (runtime: Electron main): the file
 * association in electron-builder.yml starts the app, or a running one gets the path through
 * `second-instance` (Windows, Linux) or `open-file` (macOS). Main keeps the paths and hands the
 * first file's bytes, once, to the operator window's `snapshot:take-opened`; the page never sends
 * or learns a path. The size is checked with `stat` before a byte is read.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_IPC_FILE_BYTES } from '../shared/ipc/contract';

export const SNAPSHOT_EXTENSION = '.curbundle';

/** The `.curbundle` paths among command-line arguments (switches and the app's own arguments are skipped). */
export function snapshotPathsFromArgv(argv: readonly string[]): string[] {
  return argv.filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(SNAPSHOT_EXTENSION) && !arg.includes('\0'));
}

export interface OpenedSnapshotFile {
  name: string;
  size: number;
  lastModified: number;
  data: Uint8Array<ArrayBuffer>;
}

/** The start query with the wall's snapshot (viewer mode) set, or removed for the workstation's data. */
export function withSnapshotQuery(query: string, snapshot: string | null): string {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  if (snapshot) params.set('snapshot', snapshot);
  else params.delete('snapshot');
  const text = params.toString();
  return text ? `?${text}` : '';
}

export class SnapshotInbox {
  private readonly paths: string[] = [];

  add(paths: readonly string[]): boolean {
    for (const path of paths) if (!this.paths.includes(path)) this.paths.push(path);
    return paths.length > 0;
  }

  get hasFile(): boolean {
    return this.paths.length > 0;
  }

  /** The oldest waiting file, read once; null when none. A missing or oversized file is dropped with a reason. */
  async take(): Promise<OpenedSnapshotFile | null> {
    const path = this.paths.shift();
    if (!path) return null;
    const info = await stat(path);
    if (!info.isFile()) throw new Error(`Не файл: ${basename(path)}`);
    if (info.size > MAX_IPC_FILE_BYTES) throw new Error(`Файл снимка слишком большой: ${basename(path)}`);
    return { name: basename(path), size: info.size, lastModified: info.mtimeMs, data: new Uint8Array(await readFile(path)) };
  }
}
