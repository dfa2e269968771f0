/**
 * Scene 2 «Просрочки»: the overdue total and per sector, each with its change since the first
 * observation of the day; at-risk counts (24 h, 3 working days); the organisations with most
 * overdue; and how long the overdue ones are overdue. Numbers count up when they change.
 */
import { useMemo } from 'react';
import { formatDelta, formatNumber, formatTime } from '../../../../shared/format/ru';
import { rankBy } from '../../../../shared/wall';
import { useT } from '../../../i18n';
import { baselineScopeKey, takeBaseline } from '../baseline';
import { CountUp } from '../CountUp';
import { wallMessages, type WallMessageKey } from '../messages';
import { loadOverdue } from '../queries';
import { useSceneData } from '../use-scene-data';
import type { SceneProps } from './types';

const AGEING_PARTS: Array<{ key: '1-3' | '4-7' | '8-30' | '30+'; label: WallMessageKey; colour: string }> = [
  { key: '1-3', label: 'ageing1', colour: '#ffb3a7' },
  { key: '4-7', label: 'ageing4', colour: '#ff8a7a' },
  { key: '8-30', label: 'ageing8', colour: '#ff5c4d' },
  { key: '30+', label: 'ageing30', colour: '#d7263d' },
];

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function OverdueScene({ scope, region }: SceneProps) {
  const t = useT(wallMessages);
  const data = useSceneData((db) => loadOverdue(db, scope.filter, scope.now), [scope.key], scope.identity);

  const bySector = useMemo(() => {
    const out: Record<string, number> = {};
    if (data) for (const [id, c] of data.bySector) out[id] = c.overdue;
    return out;
  }, [data]);
  // The morning baseline is per selection (focus and area): another selection is another count.
  const focusKey = baselineScopeKey(scope.focus, scope.area);
  const baseline = useMemo(
    () => (data ? takeBaseline(storage(), focusKey, scope.today, scope.now, data.total.overdue, bySector) : null),
    [data, focusKey, scope.today, scope.now, bySector],
  );
  const worst = useMemo(() => (data ? rankBy(data.byOrganisation, (c) => c.overdue, 6) : []), [data]);

  if (!data || !baseline) return <div className="wall-empty">{t('loading')}</div>;

  const since = formatTime(baseline.at, scope.timeZone);
  const ageingTotal = AGEING_PARTS.reduce((sum, p) => sum + (data.ageing[p.key] ?? 0), 0);
  const sectors = scope.selection.sector ? region.sectors.filter((s) => s.id === scope.selection.sector) : region.sectors;

  return (
    <div className="wall-overdue" data-testid="wall-scene-overdue" data-ready="true">
      <div className="wall-overdue__main">
        <section className="wall-panel">
          <h2 className="wall-panel__title">{t('overdueTotal')}</h2>
          <CountUp value={data.total.overdue} className="wall-number wall-big wall-tone-overdue" testId="wall-overdue-total" />
          <Delta label={t('sinceBaseline', { time: since, delta: formatDelta(data.total.overdue - baseline.total) })} delta={data.total.overdue - baseline.total} />
        </section>
        <section className="wall-panel">
          <h2 className="wall-panel__title">{t('atRisk24h')}</h2>
          <CountUp value={data.total.atRisk24h} className="wall-number wall-mid wall-tone-risk" testId="wall-risk-24h" />
        </section>
        <section className="wall-panel">
          <h2 className="wall-panel__title">{t('atRisk3wd')}</h2>
          <CountUp value={data.total.atRisk3wd} className="wall-number wall-mid wall-tone-risk" testId="wall-risk-3wd" />
        </section>
      </div>
      <div className="wall-overdue__sectors" data-testid="wall-overdue-sectors">
        {sectors.map((sector) => {
          const value = bySector[sector.id] ?? 0;
          const delta = value - (baseline.bySector[sector.id] ?? 0);
          return (
            <section
              key={sector.id}
              className="wall-panel wall-sector-count"
              style={{ ['--sector-colour' as string]: sector.colour }}
              data-sector={sector.id}
            >
              <h2 className="wall-panel__title">{sector.shortName}</h2>
              <CountUp value={value} className={`wall-number ${value > 0 ? 'wall-tone-overdue' : 'wall-tone-ok'}`} />
              <Delta label={formatDelta(delta)} delta={delta} />
            </section>
          );
        })}
      </div>
      <div className="wall-overdue__side">
        <section className="wall-panel">
          <h2 className="wall-panel__title">{t('worstOrgs')}</h2>
          <ol className="wall-orgs" data-testid="wall-worst-orgs">
            {worst.map(([org, c]) => (
              <li className="wall-orgs__row" key={org || 'none'}>
                <span className="wall-orgs__name">{org || t('unknownOrg')}</span>
                <span className="wall-number wall-tone-overdue">{formatNumber(c.overdue)}</span>
              </li>
            ))}
          </ol>
        </section>
        <section className="wall-panel">
          <h2 className="wall-panel__title">{t('ageing')}</h2>
          <div className="wall-ageing" data-testid="wall-ageing">
            {AGEING_PARTS.map((part) => {
              const n = data.ageing[part.key] ?? 0;
              if (n === 0 || ageingTotal === 0) return null;
              return (
                <div key={part.key} className="wall-ageing__part" style={{ flex: n, background: part.colour }}>
                  {n / ageingTotal > 0.12 ? formatNumber(n) : ''}
                </div>
              );
            })}
          </div>
          <div className="wall-ageing__legend">
            {AGEING_PARTS.map((part) => (
              <span key={part.key}>
                <span style={{ color: part.colour }}>■</span> {t(part.label)}: {formatNumber(data.ageing[part.key] ?? 0)}
              </span>
            ))}
          </div>
        </section>
      </div>
    </div>
  );
}

function Delta({ label, delta }: { label: string; delta: number }) {
  const tone = delta > 0 ? 'wall-tone-overdue' : delta < 0 ? 'wall-tone-ok' : 'wall-muted';
  return <div className={`wall-delta ${tone}`}>{label}</div>;
}
