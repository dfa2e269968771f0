/** Names of the data sources a report lists («Источники: …»). */
import type { SourceKind } from '../domain/appeal';

export const SOURCE_NAMES: Record<SourceKind, string> = {
  pos: 'ПОС «Госуслуги. Решаем вместе»',
  im: 'Инцидент Менеджмент',
  letter59: 'обращения по 59-ФЗ',
  regional: 'региональный портал',
  voice: 'голосовые обращения',
  survey: 'опросы и голосования',
  official: 'официальная информация органов',
  other: 'прочие источники',
};

export function sourceNames(kinds: Iterable<string>): string[] {
  return [...new Set(kinds)].sort().map((k) => SOURCE_NAMES[k as SourceKind] ?? k);
}
