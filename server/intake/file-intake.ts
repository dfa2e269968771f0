/**
 * Intake of one ПОС / ИМ / 59-ФЗ export file: parsed with the app's import pipeline, rows that
 * fail conversion refused with their reasons, the rest applied to the stream; the run is recorded
 * whatever happens. A broken file changes nothing and says why.
 */
import { randomUUID } from 'node:crypto';
import type { IntakeRun } from '../../shared/centre/protocol';
import type { RegionPack } from '../../shared/domain/region-pack';
import { ImportError } from '../../shared/import/errors';
import { importFileText } from '../../shared/import/message-text';
import type { ExportType } from '../../shared/import/fields';
import { parseNeedsKey } from '../../shared/import/processor';
import type { Database } from '../db/database';
import { BatchWriter } from './batch-writer';
import { finishRun, getRun, MAX_RUN_MESSAGES, startRun, ZERO_COUNTS } from './runs';
import { parseExportFile } from './spreadsheet';

const TYPE_NAMES: Record<ExportType, string> = { pos: 'ПОС', im: 'Инцидент Менеджмент', letter59: 'реестр обращений 59-ФЗ' };
const NEED_NAMES = { category: 'категорий', organisation: 'организаций', status: 'статусов' } as const;

export interface FileIntakeOptions {
  fileName: string;
  pack: RegionPack;
  forcedType?: ExportType | null;
  clock?: () => number;
  /** After each batch committed to the stream (change notices). */
  onCommitted?: () => void;
  /** Appeals per written batch (default INTAKE_BATCH_ROWS). */
  batchRows?: number;
}

export async function intakeFile(db: Database, path: string, options: FileIntakeOptions): Promise<IntakeRun> {
  const clock = options.clock ?? Date.now;
  const started = clock();
  const runId = await startRun(db, 'file', options.fileName, started);
  // The export type (and so the origin) is known once the header is found, before the first appeal.
  let writer: BatchWriter | null = null;
  try {
    const parsed = await parseExportFile(path, {
      pack: options.pack,
      fileName: options.fileName,
      batchId: `server-${runId}-${randomUUID().slice(0, 8)}`,
      forcedType: options.forcedType ?? null,
      now: started,
      onAppeal: (appeal) => {
        writer ??= new BatchWriter(db, { origin: `file:${appeal.source}`, clock, onCommitted: options.onCommitted, batchRows: options.batchRows });
        writer.add(appeal);
      },
    });
    const { processed } = parsed;
    const counts = { ...(await (writer as BatchWriter | null)?.finish() ?? { created: 0, changed: 0, unchanged: 0 }), deleted: 0 };
    const errors = processed.rejected.slice(0, MAX_RUN_MESSAGES).map((r) => `Строка ${r.row}: ${r.message}`);
    const needs = new Map<string, number>();
    for (const key of processed.needs.keys()) {
      const { kind } = parseNeedsKey(key);
      needs.set(kind, (needs.get(kind) ?? 0) + 1);
    }
    const detailParts = [`${TYPE_NAMES[processed.type]}, ${parsed.format.toUpperCase()} (${parsed.detail}), заголовок в строке ${processed.headerRow}`];
    if (processed.warningCount > 0) detailParts.push(`предупреждений: ${processed.warningCount}`);
    for (const [kind, n] of needs) detailParts.push(`без сопоставления ${NEED_NAMES[kind as keyof typeof NEED_NAMES] ?? kind}: ${n}`);
    await finishRun(
      db,
      runId,
      {
        status: processed.rejectedCount > 0 ? 'partial' : 'ok',
        counts: { ...counts, rowsRead: processed.rowsRead, rejected: processed.rejectedCount },
        errors,
        detail: detailParts.join('; '),
      },
      clock(),
    );
  } catch (error) {
    const message = error instanceof ImportError ? importFileText(error.reason, 'ru') : `Файл не принят: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`;
    const applied = (await (writer as BatchWriter | null)?.abandon()) ?? 0;
    const errors = applied > 0 ? [message, `До сбоя записано обращений: ${applied}. Примите исправленный файл ещё раз: уже записанные не задвоятся.`] : [message];
    await finishRun(db, runId, { status: 'failed', counts: ZERO_COUNTS, errors, detail: applied > 0 ? `записано до сбоя: ${applied}` : null }, clock());
  }
  return (await getRun(db, runId))!;
}
