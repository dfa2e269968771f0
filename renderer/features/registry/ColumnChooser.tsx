import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import type { ColumnId } from './columns';
import { registryMessages } from './messages';
import { defaultColumnSettings, type ColumnSettings } from './store';

interface ColumnChooserProps {
  columns: ColumnSettings;
  onChange(columns: ColumnSettings): void;
}

/** Column choice and order (widths are dragged in the table header). */
export function ColumnChooser({ columns, onChange }: ColumnChooserProps) {
  const t = useT(registryMessages);
  const toggle = (id: ColumnId) => {
    const visible = columns.visible.includes(id) ? columns.visible.filter((c) => c !== id) : [...columns.visible, id];
    if (visible.length > 0) onChange({ ...columns, visible });
  };
  const shift = (id: ColumnId, by: -1 | 1) => {
    const order = [...columns.order];
    const i = order.indexOf(id);
    const j = i + by;
    if (i < 0 || j < 0 || j >= order.length) return;
    [order[i], order[j]] = [order[j]!, order[i]!];
    onChange({ ...columns, order });
  };
  return (
    <details className="registry-columns" data-testid="registry-columns">
      <summary>{t('columns')}</summary>
      <p className="registry-note">{t('columnsHint')}</p>
      <ol>
        {columns.order.map((id, i) => (
          <li key={id}>
            <label>
              <input type="checkbox" checked={columns.visible.includes(id)} onChange={() => toggle(id)} /> {t(`col.${id}`)}
            </label>
            <Button size="small" variant="ghost" disabled={i === 0} onClick={() => shift(id, -1)} aria-label={`${t('moveUp')}: ${t(`col.${id}`)}`}>
              ↑
            </Button>
            <Button
              size="small"
              variant="ghost"
              disabled={i === columns.order.length - 1}
              onClick={() => shift(id, 1)}
              aria-label={`${t('moveDown')}: ${t(`col.${id}`)}`}
            >
              ↓
            </Button>
          </li>
        ))}
      </ol>
      <Button size="small" onClick={() => onChange(defaultColumnSettings())}>
        {t('resetColumns')}
      </Button>
    </details>
  );
}
