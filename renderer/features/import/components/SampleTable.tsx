import type { Appeal } from '../../../../shared/domain/appeal';
import { sectorById, sectorsOf } from '../../../../shared/domain/sectors';
import { formatDate, formatDateTime } from '../../../../shared/format/ru';
import { useRegionPack } from '../../../app/region';
import { useLang, useT } from '../../../i18n';
import { deadlineExplanationText } from '../../../i18n/deadline-explanation';
import { importMessages } from '../messages';

/** The first records exactly as they will be stored. Texts are untrusted: plain text only. */
export function SampleTable({ samples }: { samples: Appeal[] }) {
  const t = useT(importMessages);
  const lang = useLang();
  const pack = useRegionPack();
  const sectors = sectorsOf(pack);
  const muni = new Map(pack.municipalities.map((m) => [m.id, m.shortName]));
  const dash = t('emptyValue');
  return (
    <div className="table-wrap" data-testid="import-samples">
      <table className="table">
        <thead>
          <tr>
            <th>{t('colNumber')}</th>
            <th>{t('colReceived')}</th>
            <th>{t('colDeadline')}</th>
            <th>{t('colCategory')}</th>
            <th>{t('colSector')}</th>
            <th>{t('colMunicipality')}</th>
            <th>{t('colStatus')}</th>
            <th>{t('colText')}</th>
          </tr>
        </thead>
        <tbody>
          {samples.map((a) => (
            <tr key={a.id}>
              <td className="tabular">{a.externalId}</td>
              <td className="tabular">{formatDateTime(a.receivedAt, pack.timeZone, lang)}</td>
              <td className="tabular" title={a.deadline ? deadlineExplanationText(a.deadline.explanation, lang, pack.timeZone) : undefined}>
                {a.deadline ? formatDate(a.deadline.dueAt, pack.timeZone, lang) : dash}
              </td>
              <td>{[a.category, a.subcategory].filter(Boolean).join(' → ') || dash}</td>
              <td>{sectorById(sectors, a.sector).name}</td>
              <td>{a.municipality ? (muni.get(a.municipality) ?? a.municipality) : dash}</td>
              <td>{a.statusRaw || dash}</td>
              <td className="import-text">{a.text.length > 200 ? `${a.text.slice(0, 200)}…` : a.text || dash}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
