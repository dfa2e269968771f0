import { useRef, useState } from 'react';
import { useCan } from '../../runtime/use-access';
import type { RegionPack } from '../../../shared/domain/region-pack';
import { formatNumber } from '../../../shared/format/ru';
import type { RegistryFilter } from '../../app/registry-filter';
import { ExportCancelled } from '../../export/table-export';
import { platform } from '../../platform';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { auditExport, exportRegistry, type ExportFormat } from './export';
import { registryMessages } from './messages';
import type { RegistryCount, RegistryQueryContext } from './queries';
import { errorText } from './use-registry-data';

interface ExportPanelProps {
  ctx: RegistryQueryContext;
  filter: RegistryFilter;
  pack: RegionPack;
  count: RegistryCount | null;
}

type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; done: number }
  | { kind: 'done'; rows: number; fileName: string }
  | { kind: 'cancelled' }
  | { kind: 'save-cancelled' }
  | { kind: 'failed'; cause: string };

/** Export of exactly the filtered rows, personal data masked unless ticked, with progress. */
export function ExportPanel({ ctx, filter, pack, count }: ExportPanelProps) {
  const mayExport = useCan('export.without-personal-data');
  const mayExportPersonal = useCan('export.with-personal-data');
  const t = useT(registryMessages);
  const [showPersonal, setShowPersonal] = useState(false);
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const run = async (format: ExportFormat) => {
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: 'running', done: 0 });
    try {
      const result = await exportRegistry(ctx, filter, {
        format,
        showPersonal,
        pack,
        signal: controller.signal,
        onProgress: (done) => setState({ kind: 'running', done }),
      });
      // Audited before the file is written: if the audit write fails, no file leaves the app.
      await auditExport(ctx, filter, result, { format, showPersonal });
      const saved = await platform.saveFile(result.fileName, result.blob);
      if (!saved) {
        setState({ kind: 'save-cancelled' });
        return;
      }
      setState({ kind: 'done', rows: result.rows, fileName: result.fileName });
    } catch (error) {
      setState(error instanceof ExportCancelled ? { kind: 'cancelled' } : { kind: 'failed', cause: errorText(error) });
    } finally {
      abort.current = null;
    }
  };

  const total = count?.exact ? count.count : null;
  if (!mayExport) return null;
  return (
    <div className="registry-export" data-testid="registry-export" data-state={state.kind}>
      {mayExportPersonal ? (
        <label className="registry-export__personal">
          <input type="checkbox" checked={showPersonal} onChange={(e) => setShowPersonal(e.target.checked)} disabled={state.kind === 'running'} />{' '}
          {t('exportPersonal')}
        </label>
      ) : null}
      <Button onClick={() => void run('xlsx')} disabled={state.kind === 'running'} data-testid="export-xlsx">
        {t('exportXlsx')}
      </Button>
      <Button onClick={() => void run('csv')} disabled={state.kind === 'running'} data-testid="export-csv">
        {t('exportCsv')}
      </Button>
      {state.kind === 'running' ? (
        <span className="registry-export__progress" role="status">
          <progress max={total ?? undefined} value={total ? state.done : undefined} />{' '}
          {total !== null
            ? t('exportProgress', { done: formatNumber(state.done), total: formatNumber(total) })
            : t('exportProgressUnknown', { done: formatNumber(state.done) })}{' '}
          <Button size="small" variant="ghost" onClick={() => abort.current?.abort()}>
            {t('exportCancel')}
          </Button>
        </span>
      ) : null}
      {state.kind === 'done' ? (
        <span role="status" data-testid="export-done">
          {t('exportDone', { rows: formatNumber(state.rows), name: state.fileName })}
        </span>
      ) : null}
      {state.kind === 'cancelled' ? <span role="status">{t('exportCancelled')}</span> : null}
      {state.kind === 'save-cancelled' ? <span role="status">{t('exportSaveCancelled')}</span> : null}
      {state.kind === 'failed' ? (
        <span role="alert" className="registry-error">
          {t('exportFailed', { cause: state.cause })}
        </span>
      ) : null}
    </div>
  );
}
