/**
 * A folder where exports are dropped (a network share), as a sync source: every pull imports the
 * next new or changed file, each file once by content hash (a renamed copy is not imported twice,
 * an overwritten file with new content is). Parsing is the import pipeline's (renderer/
 * import-pipeline, also behind the «Импорт» screen): the same reader, converters and mappings, so
 * a file gives the same records whichever way it arrives. Electron only (`platform.canWatchFolders`).
 */
import type { Appeal } from '../../../shared/domain/appeal';
import type { RegionPack } from '../../../shared/domain/region-pack';
import { ImportError, LIMITS } from '../../../shared/import/errors';
import type { Platform } from '../../platform/platform';
import { buildContext, type ImportSettings } from '../../../shared/import/build-context';
import { readSpreadsheet } from '../../../shared/import/read/read-file';
import { clip, syncError } from '../../../shared/messages/sync-error';
import { SyncSourceError, type SyncPage, type SyncSource } from '../source';

export const WATCHED_FOLDER_SOURCE_ID = 'watched-folder';

export interface WatchedFolderOptions {
  platform: Pick<Platform, 'canWatchFolders' | 'listWatchFolder' | 'readWatchFile'>;
  /** The folder chosen on the import screen (setting `import.watchFolder`). */
  getFolder(): Promise<string | null>;
  getSettings(): Promise<ImportSettings>;
  pack: RegionPack;
  now(): number;
  /** Drops records identical to the stored ones, so a re-exported file rewrites only what changed. */
  keepChanged?(appeals: Map<string, Appeal>): Promise<Appeal[]>;
}

interface FileMark {
  hash: string;
  size: number;
  modifiedAt: number;
}

interface Checkpoint {
  v: 1;
  folder: string;
  /** Content hashes already imported (or refused: a refused file is not retried until it changes). */
  hashes: string[];
  /** Last seen size/mtime/hash per path, so unchanged files are not read again to hash them. */
  files: Record<string, FileMark>;
}

const FILE_PATTERN = /\.(xlsx|csv|txt)$/i;

function parse(text: string | null, folder: string): Checkpoint {
  if (text) {
    try {
      const cp = JSON.parse(text) as Checkpoint;
      if (cp.v === 1 && cp.folder === folder && Array.isArray(cp.hashes)) return cp;
    } catch {
      // A foreign or damaged checkpoint: start over; hashes make it safe (records are idempotent).
    }
  }
  return { v: 1, folder, hashes: [], files: {} };
}

async function sha256(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function emptyPage(checkpoint: string, asOf: number | null = null): SyncPage {
  return { changes: [], deletions: [], reference: [], nextCheckpoint: checkpoint, hasMore: false, remainingEstimate: 0, dataAsOf: asOf };
}

export function createWatchedFolderSource(options: WatchedFolderOptions): SyncSource {
  // The sync engine keeps the last good checkpoint when a pull fails, so a refused file would be
  // read and refused on every pull. Its hash is remembered here instead: reported once, then
  // skipped until its content changes (after a restart it is reported once more).
  const refused = new Set<string>();
  return {
    id: WATCHED_FOLDER_SOURCE_ID,
    label: 'Папка выгрузок',
    isDemo: false,
    async pull(checkpoint, signal) {
      if (!options.platform.canWatchFolders) return emptyPage(checkpoint ?? '');
      const folder = await options.getFolder();
      if (!folder) return emptyPage(checkpoint ?? '');
      const cp = parse(checkpoint, folder);
      let listing: Awaited<ReturnType<Platform['listWatchFolder']>>;
      try {
        listing = await options.platform.listWatchFolder(folder);
      } catch (e) {
        throw new SyncSourceError('network', syncError('folder-unavailable', { folder, detail: clip(e instanceof Error ? e.message : String(e)) }));
      }
      const files = listing.filter((f) => FILE_PATTERN.test(f.name)).sort((a, b) => a.modifiedAt - b.modifiedAt || a.name.localeCompare(b.name));
      const done = new Set(cp.hashes);
      for (let i = 0; i < files.length; i++) {
        if (signal.aborted) throw new SyncSourceError('timeout', syncError('folder-interrupted'));
        const file = files[i]!;
        const mark = cp.files[file.path];
        if (mark && mark.size === file.size && mark.modifiedAt === file.modifiedAt && done.has(mark.hash)) continue;
        if (file.size > LIMITS.maxFileBytes) {
          throw new SyncSourceError('invalid', syncError('folder-file-too-large', { file: file.name, limitMegabytes: Math.round(LIMITS.maxFileBytes / 1048576) }));
        }
        const blob = await options.platform.readWatchFile(file.path);
        const hash = await sha256(blob);
        cp.files[file.path] = { hash, size: file.size, modifiedAt: file.modifiedAt };
        if (done.has(hash) || refused.has(hash)) continue;
        const remaining = files.length - i - 1;
        const settings = await options.getSettings();
        const at = options.now();
        const ctx = buildContext(options.pack, settings.valueMappings, { now: at, batchId: `watch-${hash.slice(0, 12)}`, fileName: file.name });
        let appeals: Map<string, Appeal>;
        try {
          const read = await readSpreadsheet(blob, { forcedType: null, savedMappings: settings.headerMappings, ctx }, signal);
          appeals = read.processed.appeals;
        } catch (e) {
          if (!(e instanceof ImportError)) throw e;
          refused.add(hash);
          throw new SyncSourceError('invalid', syncError('folder-file-refused', { file: file.name, reason: e.reason }));
        }
        cp.hashes.push(hash);
        const changes = options.keepChanged ? await options.keepChanged(appeals) : [...appeals.values()];
        return {
          changes,
          deletions: [],
          reference: [],
          nextCheckpoint: JSON.stringify(cp),
          hasMore: remaining > 0,
          remainingEstimate: null,
          dataAsOf: file.modifiedAt,
        };
      }
      return emptyPage(JSON.stringify(cp));
    },
  };
}

