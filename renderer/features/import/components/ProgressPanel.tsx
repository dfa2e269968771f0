import { formatNumber } from '../../../../shared/format/ru';
import { useLang, useT } from '../../../i18n';
import { Button } from '../../../ui/Button';
import type { ImportProgress } from '../../../import-pipeline/engine';
import { importMessages } from '../messages';

export function ProgressPanel({ fileName, progress, onCancel }: { fileName: string; progress: ImportProgress | null; onCancel(): void }) {
  const t = useT(importMessages);
  const lang = useLang();
  const phase = progress?.phase ?? 'read';
  const label = phase === 'read' ? t('reading') : phase === 'compare' ? t('compare') : t('write');
  const share = progress?.share ?? null;
  return (
    <div className="import-stack" data-testid="import-progress" aria-busy="true">
      <div>
        <strong>{label}</strong> «{fileName}» · {t('rowsDone', { n: formatNumber(progress?.rows ?? 0, 0, lang) })}
      </div>
      <progress className="import-progress" max={1} value={share ?? undefined} aria-label={label} />
      <div>
        <Button onClick={onCancel} data-testid="import-cancel">
          {t('cancel')}
        </Button>
      </div>
    </div>
  );
}
