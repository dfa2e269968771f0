import { formatNumber } from '../../../../shared/format/ru';
import type { RowMessage } from '../../../../shared/import/processor';
import { useLang, useT } from '../../../i18n';
import { importRowText } from '../../../i18n/import-messages';
import { importMessages } from '../messages';

const SHOWN = 100;

/** Rejected rows or warnings with their row numbers; texts from the file are rendered as text. */
export function RowMessages({ items, total, testId }: { items: RowMessage[]; total: number; testId: string }) {
  const t = useT(importMessages);
  const lang = useLang();
  if (total === 0) return null;
  return (
    <div className="table-wrap" data-testid={testId}>
      <table className="table">
        <thead>
          <tr>
            <th className="num">{t('row')}</th>
            <th>{t('reason')}</th>
          </tr>
        </thead>
        <tbody>
          {items.slice(0, SHOWN).map((m, i) => (
            <tr key={`${m.row}-${i}`}>
              <td className="num tabular">{m.row || t('emptyValue')}</td>
              <td className="import-text" data-kind={typeof m.message === 'string' ? 'text' : m.message.kind}>
                {importRowText(m.message, lang)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > Math.min(items.length, SHOWN) ? <p className="card__subtitle">{t('more', { n: formatNumber(total - Math.min(items.length, SHOWN), 0, lang) })}</p> : null}
    </div>
  );
}
