/** Cell text for the text formats (PDF, DOCX, preview): ru-RU numbers, «—» for no value. */
import { formatDelta, formatNumber, formatPercent } from '../format/ru';
import type { CellValue, ColumnKind } from './model';

export function formatCell(value: CellValue, kind: ColumnKind): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'count':
      return formatNumber(value);
    case 'share':
      return formatPercent(value);
    case 'delta':
      return formatDelta(value);
    case 'points':
      return `${formatDelta(value, 1)} п. п.`;
    case 'decimal':
      return formatNumber(value, 1);
    case 'text':
      return String(value);
  }
}
