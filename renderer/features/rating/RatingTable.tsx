import { formatNumber, formatPercent } from '../../../shared/format/ru';
import type { RatedUnit, RatingDimension } from '../../db/rating-queries';
import { registryHref, type RegistryFilter } from '../../app/registry-filter';
import { controlNewHref } from '../../app/control-links';
import { useLang, useT } from '../../i18n';
import { Table, type TableColumn } from '../../ui/Table';
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
  const columns: TableColumn<RatedUnit>[] = [
    { key: 'rank', header: t('place'), numeric: true },
    { key: 'movement', header: t('movement'), cell: (row) => <Movement movement={row.movement} previousRank={row.previousRank} /> },
    {
      key: 'unit',
      header: t('unit'),
      cell: (row) => (
        <>
          {row.name}
          {row.rank === null ? <span className="rating__note"> · {t('notRated')}</span> : null}{' '}
          <a className="rating__escalate" href={controlNewHref('escalation', { [dimension]: row.id, label: row.name, sector })} title={t('escalateTitle')} data-testid="rating-escalate">
            {t('escalate')}
          </a>
        </>
      ),
    },
    { key: 'score', header: t('score'), numeric: true, cell: (row) => (row.score === null ? '—' : formatNumber(row.score * 100, 1, lang)) },
    {
      key: 'received',
      header: t('received'),
      numeric: true,
      cell: (row) => (
        <a href={registryHref({ ...unitFilter(row.id), from: period.from, to: period.to })} title={t('linkTitle')}>
          {formatNumber(row.counters.received, 0, lang)}
        </a>
      ),
    },
    { key: 'perTenThousand', header: t('perTenThousand'), numeric: true, cell: (row) => formatNumber(row.perTenThousand, 1, lang) },
    { key: 'onTime', header: t('onTime'), numeric: true, cell: (row) => formatPercent(row.components.speed.value, 1, lang) },
    { key: 'medianHours', header: t('medianHours'), numeric: true, cell: (row) => formatNumber(row.medianAnswerHours, 0, lang) },
    { key: 'satisfaction', header: t('satisfaction'), numeric: true, cell: (row) => formatPercent(row.components.quality.value, 1, lang) },
    { key: 'repeatShare', header: t('repeatShare'), numeric: true, cell: (row) => formatPercent(row.repeatShare, 1, lang) },
    { key: 'answeredShare', header: t('answeredShare'), numeric: true, cell: (row) => formatPercent(row.components.completeness.value, 1, lang) },
    {
      key: 'overdue',
      header: t('overdue'),
      numeric: true,
      cell: (row) => (
        <a className={row.overdue > 0 ? 'tone-overdue' : undefined} href={registryHref({ ...unitFilter(row.id), deadline: 'overdue' })} title={t('linkTitle')}>
          {formatNumber(row.overdue, 0, lang)}
        </a>
      ),
    },
  ];
  return (
    <Table
      columns={columns}
      rows={rows}
      rowKey={(row) => row.id}
      className="rating__table"
      testId="rating-table"
      rowData={(row) => ({ 'data-testid': 'rating-row', 'data-unit': row.id })}
    />
  );
}
