import type { HTMLAttributes, ReactNode } from 'react';

export interface RowColumn<Row> {
  key: string;
  header: ReactNode;
  /** Class of the header and the cells (numbers: `num`, long text: `overdue__note`). */
  className?: string;
  cell(row: Row): ReactNode;
}

/** Attributes of a row: the data-testid / data-* hooks the tests read, a tone class. */
export type RowAttributes = HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>;

interface Props<Row> {
  columns: readonly RowColumn<Row>[];
  rows: readonly Row[];
  rowKey(row: Row): string;
  rowAttributes(row: Row): RowAttributes;
  testId: string;
}

/**
 * The overdue view's tables (appeals, escalations, information requests): unlike ui/Table, each
 * row carries its own test hooks and tone, and each column its own class.
 */
export function RowTable<Row>({ columns, rows, rowKey, rowAttributes, testId }: Props<Row>) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowAttributes(row)}>
              {columns.map((c) => (
                <td key={c.key} className={c.className}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
