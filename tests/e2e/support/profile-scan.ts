/**
 * The check anyone can run on a browser profile: read every file under it (IndexedDB's LevelDB logs
 * and tables, blob files, caches) and find phone numbers and e-mail addresses written the way the
 * demo generator writes them (shared/demo/people.ts: «+7 9XX XXX-XX-XX», `name@mail.ru`). Values are
 * looked for as one-byte text (V8 serialises ASCII strings so) and as UTF-16 (two-byte strings).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Phones as the demo writes them, and the same with a leading 8. */
export const PHONE_PATTERN = /(?:\+7|8) 9\d\d \d{3}-\d\d-\d\d/g;
/** E-mails at the demo's mail domains. */
export const EMAIL_PATTERN = /[a-z0-9][a-z0-9._-]*@(?:mail\.ru|yandex\.ru|gmail\.com|bk\.ru|list\.ru|inbox\.ru|rambler\.ru)/g;

export interface ProfileScan {
  files: number;
  bytes: number;
  phones: Set<string>;
  emails: Set<string>;
  /** Which files held a match (relative paths), for the failure message. */
  where: Set<string>;
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

function textsOf(bytes: Buffer): string[] {
  const utf16 = (from: number) => {
    const even = bytes.subarray(from, from + ((bytes.length - from) & ~1));
    return even.toString('utf16le');
  };
  return [bytes.toString('latin1'), utf16(0), utf16(1)];
}

export async function scanProfile(dir: string): Promise<ProfileScan> {
  const scan: ProfileScan = { files: 0, bytes: 0, phones: new Set(), emails: new Set(), where: new Set() };
  for await (const file of filesUnder(dir)) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      continue; // a lock file or socket that vanished
    }
    scan.files++;
    scan.bytes += bytes.length;
    for (const text of textsOf(bytes)) {
      for (const m of text.matchAll(PHONE_PATTERN)) {
        scan.phones.add(m[0]);
        scan.where.add(file.slice(dir.length + 1));
      }
      for (const m of text.matchAll(EMAIL_PATTERN)) {
        scan.emails.add(m[0]);
        scan.where.add(file.slice(dir.length + 1));
      }
    }
  }
  return scan;
}
