import { useT } from '../i18n';
import { uiMessages } from '../i18n/ui';

/** The permanent, unmistakable mark that the numbers on screen are generated demo data. */
export function DemoBadge() {
  const t = useT(uiMessages);
  return (
    <span className="demo-badge" role="note" title={t('demoTitle')} data-testid="demo-badge">
      {t('demo')}
    </span>
  );
}
