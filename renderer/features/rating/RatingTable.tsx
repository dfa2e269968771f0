import { formatNumber, formatPercent } from '../../../shared/format/ru';
import type { RatedUnit, RatingDimension } from '../../db/rating-queries';
import { registryHref, type RegistryFilter } from '../../app/registry-filter';
import { controlNewHref } from '../../app/control-links';
import { useLang, useT } from '../../i18n';
import { ratingMessages } from './messages';

interface RatingTableProps {
  rows: RatedUnit[];
  dimension: RatingDimension;
  period: { from: string; to: string };
  sector: string | null;
}

function Movement({ movement, previousRank }: { movement: number | null; previousRank: number | null }) {
  const t = useT(ratingMessages);
  if (previousRank === null || movement === null) return <span className="rating__move rating__move--none" title={t('newcomer')}>·</span>;
  if (movement > 0) return <span className="rating__move rating__move--up" title={t('up', { n: movement })}>▲ {movement}</span>;
  if (movement < 0) return <span className="rating__move rating__move--down" title={t('down', { n: -movement })}>▼ {-movement}</span>;
  return <span className="rating__move" title={t('same')}>=</span>;
}

/** The ranked units with every component beside the score; counts link to the registry. */
export function RatingTable({ rows, dimension, period, sector }: RatingTableProps) {
  const t = useT(ratingMessages);
  const lang = useLang();
  const unitFilter = (id: string): RegistryFilter => ({
    ...(dimension === 'municipality' ? { municipality: id } : { organisation: id }),
    ...(sector ? { sector } : {}),
  });
  return (
    <div className="table-wrap">
      <table className="table rating__table" data-testid="rating-table">
        <thead>
          <tr>
            <th scope="col" className="num">{t('place')}</th>
            <th scope="col">{t('movement')}</th>
            <th scope="col">{t('unit')}</th>
            <th scope="col" className="num">{t('score')}</th>
            <th scope="col" className="num">{t('received')}</th>
            <th scope="col" className="num">{t('perTenThousand')}</th>
            <th scope="col" className="num">{t('onTime')}</th>
            <th scope="col" className="num">{t('medianHours')}</th>
            <th scope="col" className="num">{t('satisfaction')}</th>
            <th scope="col" className="num">{t('repeatShare')}</th>
            <th scope="col" className="num">{t('answeredShare')}</th>
            <th scope="col" className="num">{t('overdue')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="rating-row" data-unit={row.id}>
              <td className="num">{row.rank ?? '—'}</td>
              <td>
                <Movement movement={row.movement} previousRank={row.previousRank} />
              </td>
              <td>
                {row.name}
                {row.rank === null ? <span className="rating__note"> · {t('notRated')}</span> : null}{' '}
                <a
                  className="rating__escalate"
                  href={controlNewHref('escalation', { [dimension]: row.id, label: row.name, sector })}
                  title={t('escalateTitle')}
                  data-testid="rating-escalate"
                >
                  {t('escalate')}
                </a>
              </td>
              <td className="num">{row.score === null ? '—' : formatNumber(row.score * 100, 1, lang)}</td>
              <td className="num">
                <a href={registryHref({ ...unitFilter(row.id), from: period.from, to: period.to })} title={t('linkTitle')}>
                  {formatNumber(row.counters.received, 0, lang)}
                </a>
              </td>
              <td className="num">{formatNumber(row.perTenThousand, 1, lang)}</td>
              <td className="num">{formatPercent(row.components.speed.value, 1, lang)}</td>
              <td className="num">{formatNumber(row.medianAnswerHours, 0, lang)}</td>
              <td className="num">{formatPercent(row.components.quality.value, 1, lang)}</td>
              <td className="num">{formatPercent(row.repeatShare, 1, lang)}</td>
              <td className="num">{formatPercent(row.components.completeness.value, 1, lang)}</td>
              <td className="num">
                <a className={row.overdue > 0 ? 'tone-overdue' : undefined} href={registryHref({ ...unitFilter(row.id), deadline: 'overdue' })} title={t('linkTitle')}>
                  {formatNumber(row.overdue, 0, lang)}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
