import { useT } from '../../i18n';
import { useCan } from '../../runtime/use-access';
import { Button } from '../../ui/Button';
import { AppealText } from './AppealText';
import { cardMessages } from './messages';
import type { AppealReveal, RevealableAppeal } from './use-appeal-reveal';

/**
 * The appeal text on the card. A text sealed because the region's texts carry personal data
 * (renderer/personal-vault/texts-policy.ts) is hidden until «Показать» — the same audited reveal
 * as the applicant's data, for the roles that may see personal data; others are told why.
 */
export function CardText({ appeal, reveal }: { appeal: RevealableAppeal; reveal: AppealReveal }) {
  const t = useT(cardMessages);
  const mayReveal = useCan('personal-data.reveal');
  if (!appeal.sealedText) return <AppealText text={appeal.text ?? ''} />;
  if (reveal.text) return <AppealText text={reveal.text.text} />;
  return (
    <div className="appeal-text" data-testid="appeal-text-sealed">
      <p className="registry-note">{t('textSealed')}</p>
      {mayReveal ? (
        <Button size="small" onClick={() => void reveal.show()} disabled={reveal.busy} data-testid="text-show">
          {t('personalShow')}
        </Button>
      ) : null}
      {reveal.blocked ? (
        <p role="status" className="registry-note" data-testid="text-blocked">
          {t(reveal.blocked === 'locked' ? 'personalLocked' : reveal.blocked === 'lost' ? 'textLost' : 'textDamaged')}
        </p>
      ) : null}
      {reveal.error ? (
        <p role="alert" className="registry-error">
          {reveal.error}
        </p>
      ) : null}
    </div>
  );
}

/** The source link: sealed with the text, so hidden with it until «Показать». */
export function sealedLinkHidden(appeal: RevealableAppeal, reveal: AppealReveal): boolean {
  return !!appeal.sealedText?.present.url && !reveal.text;
}
