import type { SectorDefinition } from '../../../shared/domain/sectors';
import { formatDelta, formatNumber, formatPercent } from '../../../shared/format/ru';
import { registryHref } from '../../app/registry-filter';
import { Sparkline } from '../../ui/Sparkline';
import { useLang, useT } from '../../i18n';
import { sectorsMessages } from './messages';
import type { SectorPanel } from './shape';

interface SectorPanelCardProps {
  panel: SectorPanel;
  sector: SectorDefinition;
  period: { from: string; to: string };
  onOpen(): void;
}

/** One sector at a glance; every count links to exactly the appeals behind it. */
export function SectorPanelCard({ panel, sector, period, onOpen }: SectorPanelCardProps) {
  const t = useT(sectorsMessages);
  const lang = useLang();
  const base = { sector: panel.sector };
  return (
    <section className="sector-panel card" data-testid="sector-panel" data-sector={panel.sector} style={{ borderTopColor: sector.colour }}>
      <header className="sector-panel__header">
        <h2 className="sector-panel__title" title={sector.name}>
          {sector.shortName}
        </h2>
        <button type="button" className="button button--ghost button--small" onClick={onOpen}>
          {t('details')}
        </button>
      </header>
      <div className="sector-panel__volume">
        <a href={registryHref({ ...base, from: period.from, to: period.to })} title={t('linkTitle')} data-testid="sector-received">
          <span className="sector-panel__big">{formatNumber(panel.received, 0, lang)}</span>
        </a>
        <span className="sector-panel__delta">{formatDelta(panel.delta, 0, lang)}</span>
        <Sparkline values={panel.trend} colour={sector.colour} className="sector-panel__spark" />
      </div>
      <dl className="sector-panel__stats">
        <div className="tone-overdue">
          <dt>{t('overdue')}</dt>
          <dd>
            <a href={registryHref({ ...base, deadline: 'overdue', sort: 'due-asc' })} title={t('linkTitle')}>
              {formatNumber(panel.overdue, 0, lang)}
            </a>
          </dd>
        </div>
        <div className="tone-risk">
          <dt>{t('atRisk24h')}</dt>
          <dd>
            <a href={registryHref({ ...base, deadline: 'at-risk-24h', sort: 'due-asc' })} title={t('linkTitle')}>
              {formatNumber(panel.atRisk24h, 0, lang)}
            </a>
          </dd>
        </div>
        <div>
          <dt>{t('onTime')}</dt>
          <dd>{formatPercent(panel.onTimeShare, 1, lang)}</dd>
        </div>
        <div>
          <dt>{t('satisfaction')}</dt>
          <dd>{formatPercent(panel.satisfaction, 1, lang)}</dd>
        </div>
      </dl>
      <h3 className="sector-panel__subtitle">{t('topCategories')}</h3>
      {panel.topCategories.length === 0 ? (
        <p className="sector-panel__muted">{t('noCategories')}</p>
      ) : (
        <ol className="sector-panel__categories">
          {panel.topCategories.slice(0, 3).map((c) => (
            <li key={c.category}>
              <a href={registryHref({ ...base, category: c.category, from: period.from, to: period.to })} title={t('linkTitle')}>
                {c.category}
              </a>
              <span className="num">{formatNumber(c.count, 0, lang)}</span>
              <span className="num sector-panel__muted">{formatDelta(c.delta, 0, lang)}</span>
            </li>
          ))}
        </ol>
      )}
      {panel.needsDecomposition ? (
        <p className="sector-panel__warning" role="note" data-testid="sector-decompose">
          {t('decompose', { share: formatPercent(panel.catchAllShare, 0, lang) })}
        </p>
      ) : null}
    </section>
  );
}
