/**
 * The import feature's Dexie access: settings (header and value mappings), comparing a parsed
 * file with the store, the all-or-nothing write, and reapplying a new mapping to records already
 * imported. Components never call these directly; the engine and the store slice do.
 */
import type { Appeal, NormalizedStatus } from '../../shared/domain/appeal';
import { diffAppeal, type DiffKind } from '../../shared/import/diff';
import type { ExportType } from '../../shared/import/fields';
import type { SavedHeaderMapping } from '../../shared/import/headers';
import type { ImportFileMessage } from '../../shared/import/messages';
import type { ImportReport } from '../../shared/import/report';
import { appealWriteTables, fromStoredAppeal, withSealed, writeAppealChanges } from '../db/appeals-repo';
import { revealPersonal, revealText } from '../personal-vault/reveal';
import { presenceOf } from '../personal-vault/seal-appeals';
import { logAudit } from '../db/audit-repo';
import type { CurDatabase, StoredAppeal } from '../db/schema';
import { getSetting, setSetting } from '../db/settings-repo';
import { EMPTY_SETTINGS, type ImportSettings, type ValueMappings } from '../../shared/import/build-context';

const SETTINGS_KEY = 'import.settings';
/** 5k–10k records per write is the sweet spot measured for IndexedDB (performance-limits.md). */
const WRITE_CHUNK = 5_000;
const READ_CHUNK = 5_000;

export async function loadImportSettings(db: CurDatabase): Promise<ImportSettings> {
  const stored = await getSetting<Partial<ImportSettings>>(db, SETTINGS_KEY, {});
  return {
    valueMappings: { ...EMPTY_SETTINGS.valueMappings, ...stored.valueMappings },
    headerMappings: { ...stored.headerMappings },
  };
}

export async function saveHeaderMapping(db: CurDatabase, type: ExportType, mapping: SavedHeaderMapping): Promise<void> {
  const settings = await loadImportSettings(db);
  settings.headerMappings[type] = mapping;
  await setSetting(db, SETTINGS_KEY, settings);
}

export async function saveValueMapping(db: CurDatabase, kind: keyof ValueMappings, raw: string, value: string): Promise<void> {
  const settings = await loadImportSettings(db);
  (settings.valueMappings[kind] as Record<string, string>)[raw] = value;
  await setSetting(db, SETTINGS_KEY, settings);
}

export interface DiffResult {
  created: number;
  changed: number;
  unchanged: number;
  /** New and changed records only: unchanged ones are not rewritten. */
  toWrite: Appeal[];
  kinds: Map<string, DiffKind>;
}

/**
 * Stored rows as the diff compares them: sealed personal data opened when this window holds the key
 * (a comparison, never shown), otherwise taken as unchanged when the same fields are present.
 */
async function comparableRows(db: CurDatabase, rows: (StoredAppeal | undefined)[], incoming: Appeal[]): Promise<(StoredAppeal | undefined)[]> {
  return Promise.all(
    rows.map(async (stored, i) => {
      const row = stored?.sealedText ? await comparableText(db, stored, incoming[i]!) : stored;
      if (!row?.sealedPersonal) return row;
      const opened = await revealPersonal(db, row);
      if (opened.kind === 'shown') return { ...row, personal: opened.personal };
      const mine = incoming[i]!.personal;
      const same = mine !== null && JSON.stringify(presenceOf(mine)) === JSON.stringify(row.sealedPersonal.present);
      return same ? { ...row, personal: mine } : row;
    }),
  );
}

/** A sealed text (the region's texts carry personal data) the same way: opened to compare, or judged by presence. */
async function comparableText(db: CurDatabase, row: StoredAppeal, incoming: Appeal): Promise<StoredAppeal> {
  const opened = await revealText(db, row);
  if (opened.kind === 'shown') return { ...row, text: opened.content.text, url: opened.content.url };
  const present = row.sealedText!.present;
  const same = present.text === (incoming.text !== '') && present.url === (incoming.url !== null);
  return same ? { ...row, text: incoming.text, url: incoming.url } : row;
}

export async function diffWithStore(db: CurDatabase, appeals: ReadonlyMap<string, Appeal>, onProgress?: (done: number) => void): Promise<DiffResult> {
  const ids = [...appeals.keys()];
  const result: DiffResult = { created: 0, changed: 0, unchanged: 0, toWrite: [], kinds: new Map() };
  for (let i = 0; i < ids.length; i += READ_CHUNK) {
    const chunk = ids.slice(i, i + READ_CHUNK);
    const stored = await comparableRows(db, await db.appeals.bulkGet(chunk), chunk.map((id) => appeals.get(id) as Appeal));
    chunk.forEach((id, k) => {
      const incoming = appeals.get(id) as Appeal;
      const kind = diffAppeal(incoming, stored[k]);
      result.kinds.set(id, kind);
      if (kind === 'unchanged') result.unchanged++;
      else {
        if (kind === 'new') result.created++;
        else result.changed++;
        result.toWrite.push(incoming);
      }
    });
    onProgress?.(Math.min(ids.length, i + READ_CHUNK));
  }
  return result;
}

/**
 * Writes every record and the audit entry in ONE transaction: a failure or a cancel part-way
 * rolls everything back, so a failed file leaves the store exactly as before.
 */
export async function commitImport(
  db: CurDatabase,
  appeals: readonly Appeal[],
  report: Omit<ImportReport, 'rejected' | 'warnings'>,
  onProgress: (done: number) => void,
  isCancelled: () => boolean,
): Promise<void> {
  // Sealed before the one transaction: IndexedDB transactions cannot wait for WebCrypto.
  await withSealed(db, appeals, (sealed) => db.transaction('rw', [...appealWriteTables(db), db.audit], async () => {
    for (let i = 0; i < sealed.appeals.length; i += WRITE_CHUNK) {
      if (isCancelled()) throw new Error('cancelled');
      await writeAppealChanges(db, { appeals: sealed.appeals.slice(i, i + WRITE_CHUNK), batch: sealed.batch }, [], report.startedAt);
      onProgress(Math.min(appeals.length, i + WRITE_CHUNK));
    }
    // Inside the same transaction: the audit entry exists exactly when the data does.
    await logAudit(db, { action: 'import.complete', details: { ...report } });
  }));
}

export async function logFailedImport(db: CurDatabase, startedAt: number, fileName: string, reason: ImportFileMessage): Promise<void> {
  await logAudit(db, { action: 'import.fail', details: { fileName, reason, startedAt } });
}

/** Stored records that a new mapping applies to, rewritten with it (aggregates follow). */
export async function reapplyMapping(db: CurDatabase, kind: keyof ValueMappings, raw: string, value: string, at: number): Promise<number> {
  const flag = kind === 'category' ? 'unmapped-sector' : kind === 'status' ? 'unknown-status' : 'unknown-municipality';
  // Only flagged records are in the sparse quality index: no scan of the store.
  const matchesRaw =
    kind === 'category'
      ? (a: StoredAppeal) => a.category === raw
      : kind === 'status'
        ? (a: StoredAppeal) => a.statusRaw === raw
        : (a: StoredAppeal) => a.orgCurrent === raw || a.orgReceived === raw;
  const candidates = await db.appeals.where('qualityFlags').equals(flag).filter(matchesRaw).toArray();
  if (candidates.length === 0) return 0;
  const updated: Appeal[] = candidates.map((stored) => {
    const appeal = fromStoredAppeal(stored);
    const next: Appeal = { ...appeal, updatedAt: Math.max(at, appeal.updatedAt), qualityFlags: appeal.qualityFlags.filter((f) => f !== flag) };
    if (kind === 'category') {
      next.sector = value;
      next.sectorMapped = true;
    } else if (kind === 'status') next.status = value as NormalizedStatus;
    else next.municipality = value;
    return next;
  });
  // Rows the clear-store pass has not reached yet still carry clear personal data: sealed here.
  await withSealed(db, updated, (sealed) =>
    db.transaction('rw', appealWriteTables(db), async () => {
      for (let i = 0; i < sealed.appeals.length; i += WRITE_CHUNK) await writeAppealChanges(db, { appeals: sealed.appeals.slice(i, i + WRITE_CHUNK), batch: sealed.batch }, [], at);
    }),
  );
  return updated.length;
}

export const WATCH_FOLDER_KEY = 'import.watchFolder';

/** The folder the watched-folder source reads (Electron only). */
export function getWatchFolder(db: CurDatabase): Promise<string | null> {
  return getSetting<string | null>(db, WATCH_FOLDER_KEY, null);
}

export async function setWatchFolder(db: CurDatabase, folder: string | null): Promise<void> {
  await setSetting(db, WATCH_FOLDER_KEY, folder);
}
