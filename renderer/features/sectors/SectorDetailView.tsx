import { useScopeMembers } from '../../app/municipality-scope';
import { useMemo } from 'react';
import type { RegionPack } from '../../../shared/domain/region-pack';
import type { SectorDefinition } from '../../../shared/domain/sectors';
import { formatDelta, formatIsoDay, formatNumber, formatPercent } from '../../../shared/format/ru';
import { registryHref, UNKNOWN_MUNICIPALITY } from '../../app/registry-filter';
import { controlNewHref } from '../../app/control-links';
import { Card } from '../../ui/Card';
import { Chart, type EChartsOption } from '../../ui/Chart';
import { Skeleton } from '../../ui/Skeleton';
import { Table, type TableColumn } from '../../ui/Table';
import { useLang, useT } from '../../i18n';
import { sectorsMessages } from './messages';
import { useSectorDetail } from './queries';
import type { SectorPanel, WorstRow } from './shape';

interface SectorDetailViewProps {
  panel: SectorPanel;
  sector: SectorDefinition;
  period: { from: string; to: string };
  days: string[];
  pack: RegionPack;
}

function WorstTable({ rows, kind, sector, label }: { rows: WorstRow[]; kind: 'municipality' | 'organisation'; sector: string; label(id: string): string }) {
  const t = useT(sectorsMessages);
  const lang = useLang();
  const unitOf = (row: WorstRow) =>
    kind === 'municipality' ? { municipality: row.id === '' ? UNKNOWN_MUNICIPALITY : row.id } : row.id === '' ? {} : { organisation: row.id };
  const columns: TableColumn<WorstRow>[] = [
    {
      key: 'unit',
      header: t('unit'),
      cell: (row) =>
        row.id === '' ? (
          t(kind === 'municipality' ? 'unknownMunicipality' : 'unknownOrganisation')
        ) : (
          <>
            {label(row.id)}{' '}
            <a className="sectors__escalate" href={controlNewHref('escalation', { [kind]: row.id, label: label(row.id), sector })} title={t('escalateTitle')}>
              {t('escalate')}
            </a>
          </>
        ),
    },
    {
      key: 'overdue',
      header: t('overdue'),
      numeric: true,
      cell: (row) => (
        <a href={registryHref({ ...unitOf(row), sector, deadline: 'overdue', sort: 'due-asc' })} title={t('linkTitle')}>
          {formatNumber(row.overdue, 0, lang)}
        </a>
      ),
    },
    { key: 'onTime', header: t('onTime'), numeric: true, cell: (row) => formatPercent(row.onTimeShare, 1, lang) },
    { key: 'received', header: t('received'), numeric: true },
  ];
  return <Table columns={columns} rows={rows} rowKey={(row) => row.id} testId={`sector-worst-${kind}`} />;
}

function TopCategories({ panel, period }: { panel: SectorPanel; period: { from: string; to: string } }) {
  const t = useT(sectorsMessages);
  const lang = useLang();
  const columns: TableColumn<SectorPanel['topCategories'][number]>[] = [
    { key: 'category', header: t('category'), cell: (c) => <a href={registryHref({ sector: panel.sector, category: c.category, from: period.from, to: period.to })}>{c.category}</a> },
    { key: 'count', header: t('count'), numeric: true },
    { key: 'delta', header: t('change'), numeric: true, cell: (c) => formatDelta(c.delta, 0, lang) },
    { key: 'share', header: t('share'), numeric: true, cell: (c) => formatPercent(c.share, 1, lang) },
  ];
  return <Table columns={columns} rows={panel.topCategories} rowKey={(c) => c.category} />;
}

/** One sector in depth: its daily trend, all top categories with change, and who is worst in it. */
export function SectorDetailView({ panel, sector, period, days, pack }: SectorDetailViewProps) {
  const t = useT(sectorsMessages);
  const scope = useScopeMembers();
  const detail = useSectorDetail(period, panel.sector, scope);
  const muniName = useMemo(() => new Map(pack.municipalities.map((m) => [m.id, m.name])), [pack]);
  const option = useMemo<EChartsOption>(
    () => ({
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: days.map(formatIsoDay) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('received'), data: panel.trend, itemStyle: { color: sector.colour } }],
    }),
    [days, panel.trend, sector.colour, t],
  );
  const title = t('trendTitle', { sector: sector.name });
  return (
    <div className="sectors__detail stack" data-testid="sector-detail">
      <Card
        title={title}
        ready
        actions={
          <a href={controlNewHref('escalation', { sector: panel.sector, label: sector.name })} data-testid="sector-escalate">
            {t('escalateBlock')}
          </a>
        }
      >
        <Chart option={option} title={title} height={260} />
      </Card>
      <Card title={t('topCategories')} ready>
        <TopCategories panel={panel} period={period} />
      </Card>
      <div className="sectors__worst">
        <Card title={t('worstMunicipalities')} ready={Boolean(detail)}>
          {detail ? (
            <WorstTable rows={detail.municipalities} kind="municipality" sector={panel.sector} label={(id) => muniName.get(id) ?? id} />
          ) : (
            <Skeleton lines={5} />
          )}
        </Card>
        <Card title={t('worstOrganisations')} ready={Boolean(detail)}>
          {detail ? <WorstTable rows={detail.organisations} kind="organisation" sector={panel.sector} label={(id) => id} /> : <Skeleton lines={5} />}
        </Card>
      </div>
    </div>
  );
}
