/**
 * State of the «Импорт» screen: which step it is on (choose → reading → preview → writing → done
 * or failed), progress, the preview and the report. Work happens in the import worker; mappings
 * chosen in the preview are saved, reapplied to stored records, and the file is read again.
 */
import { create } from 'zustand';
import { ImportError } from '../../../shared/import/errors';
import type { ExportType } from '../../../shared/import/fields';
import type { SavedHeaderMapping } from '../../../shared/import/headers';
import { fileMessage, type ImportFileMessage } from '../../../shared/import/messages';
import type { ImportReport } from '../../../shared/import/report';
import { now } from '../../runtime/clock';
import { getDb } from '../../db/db';
import type { ValueMappings } from '../../../shared/import/build-context';
import type { ImportPreview, ImportProgress } from '../../import-pipeline/engine';
import { importClient } from '../../import-pipeline/import-client';
import { reapplyMapping, saveHeaderMapping, saveValueMapping } from '../../import-pipeline/queries';
import { workerDbTarget } from '../../runtime/database';
import { getRegionPack } from '../../runtime/region';

export type ImportStep = 'choose' | 'reading' | 'preview' | 'writing' | 'done' | 'failed';

export interface ImportState {
  readonly step: ImportStep;
  readonly file: { name: string; blob: Blob } | null;
  readonly forcedType: ExportType | null;
  readonly progress: ImportProgress | null;
  readonly preview: ImportPreview | null;
  readonly report: ImportReport | null;
  /** Why the file was refused (render with renderer/i18n/import-messages.ts). */
  readonly error: ImportFileMessage | null;
  /** Records updated by the last in-place mapping. */
  readonly remapped: number | null;
  chooseFile(file: { name: string; blob: Blob }): Promise<void>;
  setForcedType(type: ExportType | null): Promise<void>;
  remapHeader(fieldKey: string, header: string | null): Promise<void>;
  mapValue(kind: keyof ValueMappings, raw: string, value: string): Promise<void>;
  commit(): Promise<void>;
  cancel(): void;
  reset(): void;
}

function message(e: unknown): ImportFileMessage {
  return e instanceof ImportError ? e.reason : fileMessage.unexpected(e instanceof Error ? e.message : String(e));
}

export const useImportStore = create<ImportState>((set, get) => {
  const prepare = async () => {
    const { file, forcedType } = get();
    if (!file) return;
    const pack = getRegionPack();
    set({ step: 'reading', progress: { phase: 'read', share: 0, rows: 0 }, preview: null, report: null, error: null });
    try {
      const preview = await importClient.prepare(
        file.blob,
        { fileName: file.name, forcedType, regionId: pack.id, now: now() },
        workerDbTarget(),
        (progress) => set({ progress }),
      );
      set({ step: 'preview', preview, progress: null });
    } catch (e) {
      set({ step: 'failed', error: message(e), progress: null });
    }
  };

  return {
    step: 'choose',
    file: null,
    forcedType: null,
    progress: null,
    preview: null,
    report: null,
    error: null,
    remapped: null,
    async chooseFile(file) {
      set({ file, forcedType: null, remapped: null });
      await prepare();
    },
    async setForcedType(type) {
      set({ forcedType: type });
      await prepare();
    },
    async remapHeader(fieldKey, header) {
      const preview = get().preview;
      if (!preview) return;
      const current: SavedHeaderMapping = {};
      for (const [key, index] of Object.entries(preview.mapping)) current[key] = preview.headers[index] ?? null;
      current[fieldKey] = header;
      await saveHeaderMapping(getDb(), preview.type, current);
      await prepare();
    },
    async mapValue(kind, raw, value) {
      const db = getDb();
      await saveValueMapping(db, kind, raw, value);
      const remapped = await reapplyMapping(db, kind, raw, value, now());
      set({ remapped });
      await prepare();
    },
    async commit() {
      set({ step: 'writing', progress: { phase: 'write', share: 0, rows: 0 } });
      try {
        const report = await importClient.commit((progress) => set({ progress }));
        set({ step: 'done', report, progress: null });
      } catch (e) {
        set({ step: 'failed', error: message(e), progress: null });
      }
    },
    cancel() {
      importClient.cancel();
    },
    reset() {
      importClient.discard();
      set({ step: 'choose', file: null, preview: null, report: null, error: null, progress: null, remapped: null });
    },
  };
});
