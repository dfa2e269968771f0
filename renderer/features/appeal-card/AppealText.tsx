import { useState } from 'react';
import { formatNumber } from '../../../shared/format/ru';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { cardMessages } from './messages';
import { clip, revealInvisible } from './text-safety';

/** Long texts open clipped: a 100 KB post should not lay out before the operator asks for it. */
const CLIP = 4_000;

/** The appeal text, strictly as text, with invisible control characters made visible. */
export function AppealText({ text }: { text: string }) {
  const t = useT(cardMessages);
  const [full, setFull] = useState(false);
  if (text.trim().length === 0) return <p className="registry-note">{t('emptyText')}</p>;
  const shown = full ? { text, clipped: false } : clip(text, CLIP);
  const { segments } = revealInvisible(shown.text);
  const { hidden } = revealInvisible(text);
  return (
    <div className="appeal-text">
      {hidden > 0 ? (
        <p className="appeal-text__warning" role="note">
          {t('hiddenChars', { count: formatNumber(hidden) })}
        </p>
      ) : null}
      {/* dir="auto" + unicode-bidi: plaintext (CSS) keep any direction tricks inside this block. */}
      <p className="appeal-text__body" dir="auto" data-testid="appeal-text">
        {segments.map((s, i) =>
          s.kind === 'text' ? (
            <span key={i}>{s.value}</span>
          ) : (
            <span key={i} className="appeal-text__mark" title={s.code}>
              [{s.code}]
            </span>
          ),
        )}
        {shown.clipped ? '…' : null}
      </p>
      {shown.clipped ? (
        <Button size="small" onClick={() => setFull(true)}>
          {t('showAll', { size: `${formatNumber(Math.round(text.length / 1024))} K` })}
        </Button>
      ) : null}
    </div>
  );
}
