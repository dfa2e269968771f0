import { useMemo } from 'react';
import { registryHref } from '../../app/registry-filter';
import { Card } from '../../ui/Card';
import { Chart, type EChartsOption } from '../../ui/Chart';
import { StatNumber } from '../../ui/StatNumber';
import { Table } from '../../ui/Table';
import { formatNumber, formatPercent } from '../../../shared/format/ru';
import { useLang, useT } from '../../i18n';
import { overdueMessages } from './messages';
import type { OverdueSummary as Summary } from './queries';
import { ageingRows, offenderFilter, type AgeingBucket, type OffenderRow, type OverdueListKind } from './shape';

interface Props {
  summary: Summary;
  sector: string | null;
  /** Shows exactly one bucket's appeals in the list below (the registry has no «days overdue» filter). */
  onPickBucket(bucket: AgeingBucket): void;
}

function withSector(filter: Parameters<typeof registryHref>[0], sector: string | null) {
  return sector ? { ...filter, sector } : filter;
}

function CountLink({ value, filter, testId }: { value: number; filter: Parameters<typeof registryHref>[0] | null; testId?: string }) {
  const lang = useLang();
  const text = formatNumber(value, 0, lang);
  if (!filter || value === 0) return <span className="tabular" data-testid={testId}>{text}</span>;
  return (
    <a className="tabular" href={registryHref(filter)} data-testid={testId}>
      {text}
    </a>
  );
}

/** Totals, ageing buckets and organisations ranked worst first; every number opens the registry. */
export function OverdueSummary({ summary, sector, onPickBucket }: Props) {
  const t = useT(overdueMessages);
  const lang = useLang();
  const { counts } = summary;
  // Overdue and at-risk appeals all have a deadline, so the deadline order (which reads only open
  // appeals with one) lists every one of them.
  const stat = (kind: OverdueListKind) => registryHref(withSector({ deadline: kind, sort: 'due-asc' }, sector));
  const ageing = ageingRows(summary.ageing);
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', name: t('ageingBucket'), data: ageing.map((r) => r.bucket) },
      yAxis: { type: 'value', name: t('ageingCount'), minInterval: 1 },
      series: [{ name: t('ageingCount'), type: 'bar', itemStyle: { color: '#c62828' }, data: ageing.map((r) => r.count) }],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [summary.ageing, lang],
  );
  const orgCell = (row: OffenderRow, kind: OverdueListKind, value: number) => (
    <CountLink value={value} filter={offenderFilter('organisation', row.key, kind, sector)} />
  );
  return (
    <>
      <div className="grid-cards" data-testid="overdue-totals">
        <StatNumber value={counts.overdue} label={t('overdue')} tone="overdue" href={stat('overdue')} testId="od-total-overdue" />
        <StatNumber value={counts.atRisk24h} label={t('atRisk24h')} tone="risk" href={stat('at-risk-24h')} testId="od-total-risk24" />
        <StatNumber value={counts.atRisk3wd} label={t('atRisk3wd')} tone="risk" href={stat('at-risk-3wd')} testId="od-total-risk3" />
        <StatNumber
          value={counts.open}
          label={t('open')}
          // Every open appeal is counted, those without a deadline too, so the link keeps the default
          // order: the deadline order would leave those out (as the overview's «В работе»).
          href={registryHref(withSector({ answered: false }, sector))}
          testId="od-total-open"
        />
      </div>
      <div className="overdue__two">
        <Card title={t('ageingTitle')} ready testId="overdue-ageing">
          <Chart option={option} title={t('ageingTitle')} height={220} testId="overdue-ageing-chart" />
          <ul className="overdue__buckets">
            {ageing.map((r) => (
              <li key={r.bucket}>
                <span>{r.bucket}</span>{' '}
                <button
                  type="button"
                  className="link-button tabular"
                  onClick={() => onPickBucket(r.bucket)}
                  title={t('ageingLinkTitle')}
                  data-testid={`od-ageing-${r.bucket}`}
                >
                  {formatNumber(r.count, 0, lang)}
                </button>{' '}
                <span className="overdue__muted">{formatPercent(r.share, 1, lang)}</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t('byOrgTitle')} ready testId="overdue-orgs">
          <Table
            columns={[
              { key: 'org', header: t('organisation'), cell: (r: OffenderRow) => r.key ?? t('notStated') },
              { key: 'overdue', header: t('overdue'), numeric: true, cell: (r: OffenderRow) => orgCell(r, 'overdue', r.overdue) },
              { key: 'r24', header: t('atRisk24h'), numeric: true, cell: (r: OffenderRow) => orgCell(r, 'at-risk-24h', r.atRisk24h) },
              { key: 'r3', header: t('atRisk3wd'), numeric: true, cell: (r: OffenderRow) => orgCell(r, 'at-risk-3wd', r.atRisk3wd) },
              { key: 'share', header: t('overdueShare'), numeric: true, cell: (r: OffenderRow) => formatPercent(r.overdueShare, 1, lang) },
            ]}
            rows={summary.organisations.slice(0, 25)}
            rowKey={(r) => r.key ?? ''}
            testId="overdue-org-table"
          />
        </Card>
      </div>
    </>
  );
}
