/**
 * Scene 5 «Рейтинг территорий»: the municipality rating (domain methodology) as a large table
 * with movement arrows against the previous period. Long lists scroll themselves slowly; a
 * focused municipality is highlighted and held in view.
 */
import { formatNumber, formatPercent } from '../../../../shared/format/ru';
import { useT } from '../../../i18n';
import { AutoScroll } from '../AutoScroll';
import { wallMessages } from '../messages';
import { loadRating } from '../queries';
import { ratedRows, type RatedRow } from '../rating';
import { useSceneData } from '../use-scene-data';
import type { SceneProps } from './types';

export function RatingScene({ scope, region }: SceneProps) {
  const t = useT(wallMessages);
  const data = useSceneData((db) => loadRating(db, region.pack, scope.range, scope.previous, scope.unitFilter, scope.now), [scope.key, region.pack], scope.identity);
  if (!data) return <div className="wall-empty">{t('loading')}</div>;
  const rows = ratedRows(data, region.shortNames);
  const focusId = scope.focus?.kind === 'municipality' ? scope.focus.id : null;

  return (
    <div className="wall-rating" data-testid="wall-scene-rating" data-ready="true">
      <div className="wall-rating__row wall-rating__row--head">
        <span className="wall-rating__num">{t('ratingPlace')}</span>
        <span />
        <span>{t('ratingUnit')}</span>
        <span className="wall-rating__num">{t('ratingScore')}</span>
        <span className="wall-rating__num">{t('ratingOnTime')}</span>
        <span className="wall-rating__num">{t('ratingOverdue')}</span>
        <span className="wall-rating__num">{t('ratingSatisfaction')}</span>
      </div>
      <AutoScroll focusKey={focusId}>
        {rows.map((row) => (
          <div
            key={row.id}
            className={row.id === focusId ? 'wall-rating__row wall-rating__row--focus' : 'wall-rating__row'}
            data-row-key={row.id}
            data-testid="wall-rating-row"
          >
            <span className="wall-rating__num">{row.place ?? '—'}</span>
            <Movement row={row} />
            <span className="wall-rating__name">{row.name}</span>
            <span className="wall-rating__num">{row.score === null ? '—' : formatNumber(row.score, 1)}</span>
            <span className="wall-rating__num">{formatPercent(row.onTimeShare, 0)}</span>
            <span className={row.overdue > 0 ? 'wall-rating__num wall-tone-overdue' : 'wall-rating__num'}>{formatNumber(row.overdue)}</span>
            <span className="wall-rating__num">{formatPercent(row.satisfaction, 0)}</span>
          </div>
        ))}
      </AutoScroll>
    </div>
  );
}

function Movement({ row }: { row: RatedRow }) {
  const t = useT(wallMessages);
  if (row.place === null) return <span />;
  if (row.previousPlace === null) {
    return <span className="wall-rating__move wall-muted" aria-label={t('ratingNew')}>•</span>;
  }
  const change = row.previousPlace - row.place;
  if (change > 0) {
    return (
      <span className="wall-rating__move wall-tone-ok" aria-label={t('ratingMovementUp', { n: change })}>
        ▲{change}
      </span>
    );
  }
  if (change < 0) {
    return (
      <span className="wall-rating__move wall-tone-overdue" aria-label={t('ratingMovementDown', { n: -change })}>
        ▼{-change}
      </span>
    );
  }
  return (
    <span className="wall-rating__move wall-muted" aria-label={t('ratingMovementSame')}>
      =
    </span>
  );
}
