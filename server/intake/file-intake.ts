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
import { applyIncoming } from './apply';
import { finishRun, getRun, MAX_RUN_MESSAGES, startRun, ZERO_COUNTS } from './runs';
import { parseExportFile } from './spreadsheet';

const TYPE_NAMES: Record<ExportType, string> = { pos: 'ПОС', im: 'Инцидент Менеджмент', letter59: 'реестр обращений 59-ФЗ' };
const NEED_NAMES = { category: 'категорий', organisation: 'организаций', status: 'статусов' } as const;

export async function intakeFile(db: Database, path: string, options: { fileName: string; pack: RegionPack; forcedType?: ExportType | null; clock?: () => number }): Promise<IntakeRun> {
  const clock = options.clock ?? Date.now;
  const started = clock();
  const runId = await startRun(db, 'file', options.fileName, started);
  try {
    const parsed = await parseExportFile(path, { pack: options.pack, fileName: options.fileName, batchId: `server-${runId}-${randomUUID().slice(0, 8)}`, forcedType: options.forcedType ?? null, now: started });
    const { processed } = parsed;
    const counts = await applyIncoming(db, { appeals: [...processed.appeals.values()] }, `file:${processed.type}`, clock());
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
    await finishRun(db, runId, { status: 'failed', counts: ZERO_COUNTS, errors: [message], detail: null }, clock());
  }
  return (await getRun(db, runId))!;
}
