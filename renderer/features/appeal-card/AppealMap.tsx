import { useMemo } from 'react';
import { municipalityById, type RegionPack } from '../../../shared/domain/region-pack';
import { tileLayout } from '../../../shared/domain/tile-layout';
import { formatNumber } from '../../../shared/format/ru';
import { useLang, useT } from '../../i18n';
import { cardMessages } from './messages';

const TILE = 22;

/**
 * The region as its equal-tile scheme (from the pack, no map tiles, no network), the appeal's
 * municipality highlighted; the coordinates from the record, when it has them, as numbers.
 */
export function AppealMap({ pack, municipality, lat, lon }: { pack: RegionPack; municipality: string | null; lat: number | null; lon: number | null }) {
  const t = useT(cardMessages);
  const lang = useLang();
  const layout = useMemo(() => tileLayout(pack), [pack]);
  const unit = municipalityById(pack, municipality);
  const tile = layout.tiles.find((x) => x.municipalityId === unit?.id);
  return (
    <div className="appeal-map" data-testid="appeal-map">
      <svg
        width={layout.columns * TILE}
        height={layout.rows * TILE}
        viewBox={`0 0 ${layout.columns * TILE} ${layout.rows * TILE}`}
        role="img"
        aria-label={unit ? t('mapLabel', { name: unit.name }) : t('mapUnknown')}
      >
        {layout.tiles.map((x) => {
          const m = municipalityById(pack, x.municipalityId);
          const on = x.municipalityId === unit?.id;
          return (
            <rect
              key={x.municipalityId}
              x={x.col * TILE + 1}
              y={x.row * TILE + 1}
              width={TILE - 2}
              height={TILE - 2}
              rx={3}
              className={on ? 'appeal-map__tile appeal-map__tile--on' : 'appeal-map__tile'}
              data-municipality={x.municipalityId}
              data-selected={on ? 'true' : undefined}
            >
              <title>{m?.name ?? x.municipalityId}</title>
            </rect>
          );
        })}
      </svg>
      <p>
        {unit ? unit.name : t('mapUnknown')}
        {tile?.approximate ? ` (${t('approximate')})` : ''}
      </p>
      <p className="registry-note">
        {lat !== null && lon !== null ? t('coordinates', { lat: formatNumber(lat, 5, lang), lon: formatNumber(lon, 5, lang) }) : t('noCoordinates')}
      </p>
    </div>
  );
}
