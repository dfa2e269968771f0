import { Table, type TableColumn } from '../../ui/Table';
import { useT } from '../../i18n';
import { overviewMessages } from './messages';
import { MetricLink } from './MetricLink';
import { NOW_METRICS, PERIOD_METRICS, type SectorRow } from './shape';

interface SectorTableProps {
  rows: SectorRow[];
  total: SectorRow;
  sectorName: (id: string) => string;
}

/** Every sector and the total, every number a link to the registry. */
export function SectorTable({ rows, total, sectorName }: SectorTableProps) {
  const t = useT(overviewMessages);
  const linkTitle = t('linkTitle');
  const label = (row: SectorRow) => (row.sector === null ? t('total') : sectorName(row.sector));
  const columns: TableColumn<SectorRow>[] = [
    { key: 'sector', header: t('sector'), cell: (row) => (row.sector === null ? <strong>{label(row)}</strong> : label(row)) },
    ...PERIOD_METRICS.map(
      (key): TableColumn<SectorRow> => ({
        key,
        header: t(key),
        numeric: true,
        cell: (row) => (
          <MetricLink metric={row.period[key]} title={linkTitle} testId={`ov-cell-${row.sector ?? 'total'}-${key}`} />
        ),
      }),
    ),
    ...NOW_METRICS.filter((key) => key !== 'inWork').map(
      (key): TableColumn<SectorRow> => ({
        key,
        header: t(key),
        numeric: true,
        cell: (row) => (
          <MetricLink metric={row.now[key]} title={linkTitle} testId={`ov-cell-${row.sector ?? 'total'}-${key}`} />
        ),
      }),
    ),
  ];
  // With one sector chosen, its row already is the total.
  const all = rows.length > 1 ? [...rows, total] : rows;
  return (
    <Table
      columns={columns}
      rows={all}
      rowKey={(row) => row.sector ?? 'total'}
      caption={t('sectorsTitle')}
      testId="overview-sector-table"
    />
  );
}
