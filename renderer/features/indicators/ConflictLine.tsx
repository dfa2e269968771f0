import type { IndicatorDefinition } from '../../../shared/indicators/definitions';
import { Button } from '../../ui/Button';
import { useLang, useT } from '../../i18n';
import { formatIndicator } from './format';
import { indicatorMessages } from './messages';
import type { SaveConflict } from './use-versioned-save';

export function ConflictLine({ conflict, def }: { conflict: SaveConflict; def: IndicatorDefinition }) {
  const t = useT(indicatorMessages);
  const lang = useLang();
  return (
    <div className="indicators__conflict" role="alert" data-testid="ind-conflict">
      <span>{t('conflict', { by: conflict.stored?.by ?? '—', value: formatIndicator(def, conflict.stored?.value ?? null, lang) })}</span>
      <Button size="small" variant="primary" onClick={conflict.keepMine}>
        {t('conflictMine')}
      </Button>
      <Button size="small" onClick={conflict.keepStored}>
        {t('conflictTheirs')}
      </Button>
    </div>
  );
}
