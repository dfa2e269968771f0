/**
 * Scene 3 «Отрасли»: one panel per sector (the standard eight, the region's own, «Прочее»):
 * volume, a daily trend sparkline, overdue now, on-time share and the most frequent topic. A sector focus outlines its panel and dims the others; a
 * municipality focus filters every panel to that municipality.
 */
import { formatNumber, formatPercent } from '../../../../shared/format/ru';
import { share } from '../../../../shared/wall';
import { useT } from '../../../i18n';
import { CountUp } from '../CountUp';
import { wallMessages } from '../messages';
import { loadSectors, topCategoryBySector } from '../queries';
import { Sparkline } from '../../../ui/Sparkline';
import { useSceneData } from '../use-scene-data';
import type { SceneProps } from './types';

/** Bounded read per sector for the top topic under a municipality focus (newest first). */
const TOPIC_SAMPLE = 300;

export function SectorsScene({ scope, region }: SceneProps) {
  const t = useT(wallMessages);
  // An area's sector keeps only its panel; a sector focus outlines its panel among the others.
  const shown = scope.area?.sector ? region.sectors.filter((s) => s.id === scope.area?.sector) : region.sectors;
  const sectorIds = shown.map((s) => s.id);
  const municipalities = scope.selection.municipalities ?? undefined;
  const filter = municipalities ? { municipalities } : {};
  const data = useSceneData((db) => loadSectors(db, scope.range, scope.days, sectorIds, filter, scope.now), [scope.key, sectorIds.join(',')], scope.identity);
  const topics = useSceneData(
    (db) => topCategoryBySector(db, sectorIds, scope.range, scope.timeZone, municipalities, TOPIC_SAMPLE),
    [scope.key, sectorIds.join(',')],
    scope.identity,
  );

  if (!data) return <div className="wall-empty">{t('loading')}</div>;

  const focusSector = scope.focus?.kind === 'sector' ? scope.focus.id : null;
  const cols = Math.ceil(shown.length / 2);

  return (
    <div className="wall-sectors" style={{ ['--cols' as string]: cols }} data-testid="wall-scene-sectors" data-ready="true">
      {shown.map((sector, i) => {
        const c = data.received.get(sector.id);
        const overdue = data.deadlines.get(sector.id)?.overdue ?? 0;
        const onTime = c ? share(c.answeredOnTime, c.answeredOnTime + c.answeredLate) : null;
        const topic = topics?.[i] ?? null;
        const classes = ['wall-panel', 'wall-sector'];
        if (focusSector === sector.id) classes.push('wall-panel--focus');
        else if (focusSector) classes.push('wall-panel--dim');
        return (
          <section key={sector.id} className={classes.join(' ')} style={{ ['--sector-colour' as string]: sector.colour }} data-sector={sector.id}>
            <h2 className="wall-panel__title">{sector.shortName}</h2>
            <CountUp value={c?.received ?? 0} className="wall-number wall-sector__volume" testId={`wall-sector-volume-${sector.id}`} />
            <Sparkline values={data.daily.get(sector.id) ?? []} colour={sector.colour} className="wall-sector__spark" />
            <dl className="wall-sector__facts">
              <dt>{t('overdueShort')}</dt>
              <dd className={overdue > 0 ? 'wall-tone-overdue' : 'wall-tone-ok'} data-testid={`wall-sector-overdue-${sector.id}`}>
                {formatNumber(overdue)}
              </dd>
              <dt>{t('onTime')}</dt>
              <dd>{formatPercent(onTime, 0)}</dd>
            </dl>
            <div className="wall-sector__topic wall-muted" title={topic ?? undefined}>
              {topic ?? t('noValue')}
            </div>
          </section>
        );
      })}
    </div>
  );
}
