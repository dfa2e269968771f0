/**
 * Scheduled reports written into a folder the administrator chose (runtime: Electron main). The page
 * never names a path: it sends a file name and bytes, and the host writes them into the one folder
 * kept in its settings — only report formats, one plain name segment, never over an existing file
 * (a second run of the same report gets « (2)»), written to a temporary name first so a reader never
 * sees half a file.
 */
import { randomUUID } from 'node:crypto';
import { link, unlink, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { safeFileName } from './paths';

export const REPORT_FILE_EXTENSIONS = ['.pdf', '.docx', '.xlsx'] as const;

/** The name a report file gets in the folder, or null when it is not a report file. */
export function reportFileName(name: string): string | null {
  const safe = safeFileName(name, '');
  const ext = extname(safe).toLowerCase();
  return safe && (REPORT_FILE_EXTENSIONS as readonly string[]).includes(ext) && safe.length > ext.length ? safe : null;
}

/** `name`, else `name (2)`, `name (3)`, …: the first candidate `taken` does not hold (at most 999). */
export function candidateNames(name: string): string[] {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  return [name, ...Array.from({ length: 998 }, (_, i) => `${stem} (${i + 2})${ext}`)];
}

/**
 * Writes `data` as a new file in `folder`; returns the name used. `link` fails when the name exists,
 * which makes «never overwrite» atomic even when two windows write the same report at once.
 */
export async function writeNewReportFile(folder: string, name: string, data: Uint8Array): Promise<string> {
  const temp = join(folder, `.cur-report-${randomUUID()}.tmp`);
  await writeFile(temp, data, { mode: 0o644 });
  try {
    for (const candidate of candidateNames(name)) {
      try {
        await link(temp, join(folder, candidate));
        return candidate;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    throw new Error(`no free name for ${name}`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
