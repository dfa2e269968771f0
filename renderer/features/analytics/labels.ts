/** Human labels of dimension values: names from the region pack, Russian words for codes. */
import type { DimensionId } from '../../../shared/analytics/dimensions';
import { REST_KEY } from '../../../shared/analytics/pivot';
import type { SourceKind } from '../../../shared/domain/appeal';
import type { RegionPack } from '../../../shared/domain/region-pack';
import { sectorsOf } from '../../../shared/domain/sectors';
import { formatIsoDay } from '../../../shared/format/ru';
import { sourceLabel } from '../../export/appeal-labels';
import type { Locale } from '../../i18n';
import type { AnalyticsMessageKey } from './messages';

type T = (key: AnalyticsMessageKey, params?: Record<string, string | number>) => string;

export function valueLabel(dim: DimensionId | null, key: string, pack: RegionPack, t: T, lang: Locale, folded = 0): string {
  if (key === REST_KEY) return t('rest', { count: folded });
  if (dim === null) return t('total');
  if (key === '' && dim !== 'day') return t('notSpecified');
  switch (dim) {
    case 'sector':
      return sectorsOf(pack).find((s) => s.id === key)?.shortName ?? key;
    case 'municipality':
      return pack.municipalities.find((m) => m.id === key)?.shortName ?? key;
    case 'source':
      return sourceLabel(key as SourceKind, lang);
    case 'statusGroup':
      return t(`status.${key}` as AnalyticsMessageKey);
    case 'deadlineState':
      return t(`deadline.${key}` as AnalyticsMessageKey);
    case 'outcome':
    case 'reaction':
    case 'importance':
      return t(`${dim}.${key}` as AnalyticsMessageKey) ?? key;
    case 'rating':
      return key === '0' ? t('noRating') : key;
    case 'repeat':
    case 'fastTrack':
      return key === '1' ? t('yes') : t('no');
    case 'day':
    case 'week':
      return formatIsoDay(key);
    default:
      return key;
  }
}
