import type { ReactNode } from 'react';
import { formatNumber } from '../../shared/format/ru';
import { useLang, useT } from '../i18n';
import { uiMessages } from '../i18n/ui';

export interface TableColumn<Row> {
  key: string;
  header: ReactNode;
  /** Numbers are right-aligned with tabular digits. */
  numeric?: boolean;
  /** The cell names its row (`<th scope="row">`), for screen readers. */
  rowHeader?: boolean;
  /** Cell content; defaults to `row[key]` (numbers formatted ru-RU). Rendered as text by React. */
  cell?: (row: Row) => ReactNode;
}

export interface TableProps<Row> {
  columns: TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  caption?: string;
  emptyText?: string;
  testId?: string;
  /** Extra class for the table element (a feature's own column widths). */
  className?: string;
  /** `data-*` attributes of a row (test ids, the unit a row stands for). */
  rowData?: (row: Row) => Record<`data-${string}`, string | undefined>;
}

/**
 * A small dense table with a sticky header for summaries (chart table views, about/settings lists).
 * Long lists (the registry) use @tanstack/react-table with virtualisation in their own feature.
 */
export function Table<Row>({ columns, rows, rowKey, caption, emptyText, testId, className, rowData }: TableProps<Row>) {
  const t = useT(uiMessages);
  const lang = useLang();
  return (
    <div className="table-wrap">
      <table className={className ? `table ${className}` : 'table'} data-testid={testId}>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} className={c.numeric ? 'num' : undefined} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{emptyText ?? t('tableEmpty')}</td>
            </tr>
          ) : (
            rows.map((row, i) => (
              <tr key={rowKey(row, i)} {...rowData?.(row)}>
                {columns.map((c) => {
                  const content = c.cell ? c.cell(row) : defaultCell((row as Record<string, unknown>)[c.key], lang);
                  const className = c.numeric ? 'num' : undefined;
                  return c.rowHeader ? (
                    <th key={c.key} scope="row" className={className}>
                      {content}
                    </th>
                  ) : (
                    <td key={c.key} className={className}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function defaultCell(value: unknown, lang: 'ru' | 'en'): ReactNode {
  if (typeof value === 'number') return formatNumber(value, Number.isInteger(value) ? 0 : 1, lang);
  if (value === null || value === undefined) return '—';
  return String(value);
}
