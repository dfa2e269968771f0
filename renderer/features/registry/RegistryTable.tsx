/**
 * One page of the registry as a TanStack table with virtualised rows (a page is at most
 * PAGE_SIZE rows; the store is paged by key range, not held here). Keyboard: ↑/↓ move the
 * selection, PageUp/PageDown jump, Home/End, Enter opens the card; ↓ on the last row and ↑ on
 * the first move to the next or previous page.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnSizingState, type VisibilityState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { StoredAppeal } from '../../db/schema';
import type { RegionPack } from '../../../shared/domain/region-pack';
import { appealHref } from '../../app/registry-filter';
import { navigate } from '../../app/router';
import { useLang, useT } from '../../i18n';
import { buildColumns, COLUMN_IDS, type ColumnId } from './columns';
import { registryMessages } from './messages';
import type { ColumnSettings } from './store';

const ROW_HEIGHT = 30;

interface RegistryTableProps {
  rows: StoredAppeal[];
  pack: RegionPack;
  timeZone: string;
  now: number;
  columns: ColumnSettings;
  onColumnsChange(columns: ColumnSettings): void;
  onNextPage?: () => void;
  onPrevPage?: () => void;
  /** Which row to select after a page change: the first, or the last (when paging up). */
  selectEdge: 'first' | 'last';
}

export function RegistryTable({ rows, pack, timeZone, now, columns, onColumnsChange, onNextPage, onPrevPage, selectEdge }: RegistryTableProps) {
  const t = useT(registryMessages);
  const lang = useLang();
  const columnDefs = useMemo(() => buildColumns(pack, timeZone, now, lang), [pack, timeZone, now, lang]);
  const visibility = useMemo<VisibilityState>(
    () => Object.fromEntries(COLUMN_IDS.map((id) => [id, columns.visible.includes(id)])),
    [columns.visible],
  );
  const table = useReactTable({
    data: rows,
    columns: columnDefs,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    columnResizeMode: 'onChange',
    state: { columnOrder: columns.order, columnVisibility: visibility, columnSizing: columns.widths as ColumnSizingState },
    onColumnSizingChange: (updater) => {
      const sizing = typeof updater === 'function' ? updater(columns.widths as ColumnSizingState) : updater;
      onColumnsChange({ ...columns, widths: sizing as Partial<Record<ColumnId, number>> });
    },
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const [active, setActive] = useState(0);
  useEffect(() => {
    const index = selectEdge === 'last' ? Math.max(0, rows.length - 1) : 0;
    setActive(index);
    if (rows.length > 0) virtualizer.scrollToIndex(index, { align: selectEdge === 'last' ? 'end' : 'start' });
    // A new page: reset the selection to its edge.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows]);

  const move = (index: number) => {
    const clamped = Math.max(0, Math.min(rows.length - 1, index));
    setActive(clamped);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (rows.length === 0) return;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    switch (event.key) {
      case 'ArrowDown':
        if (active === rows.length - 1 && onNextPage) onNextPage();
        else move(active + 1);
        break;
      case 'ArrowUp':
        if (active === 0 && onPrevPage) onPrevPage();
        else move(active - 1);
        break;
      case 'PageDown':
        move(active + pageRows);
        break;
      case 'PageUp':
        move(active - pageRows);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(rows.length - 1);
        break;
      case 'Enter': {
        const row = rows[active];
        if (row) navigate(appealHref(row.id));
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  };

  const visibleColumns = table.getVisibleLeafColumns();
  const totalWidth = visibleColumns.reduce((sum, c) => sum + c.getSize(), 0);
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const tableRows = table.getRowModel().rows;

  return (
    <div
      ref={scrollRef}
      className="registry-table"
      tabIndex={0}
      role="grid"
      aria-label={t('tableLabel')}
      aria-rowcount={rows.length + 1}
      aria-activedescendant={rows[active] ? `registry-row-${active}` : undefined}
      onKeyDown={onKeyDown}
      data-testid="registry-table"
    >
      <table style={{ width: totalWidth }}>
        <colgroup>
          {visibleColumns.map((c) => (
            <col key={c.id} style={{ width: c.getSize() }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} role="row">
              {group.headers.map((header) => (
                <th key={header.id} scope="col" role="columnheader" style={{ width: header.getSize() }}>
                  {flexRender(header.column.columnDef.header, header.getContext())}
                  <span
                    className="registry-table__resizer"
                    onMouseDown={header.getResizeHandler()}
                    onTouchStart={header.getResizeHandler()}
                    aria-hidden="true"
                  />
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {padTop > 0 ? (
            <tr aria-hidden="true">
              <td style={{ height: padTop }} colSpan={visibleColumns.length} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = tableRows[item.index];
            if (!row) return null;
            return (
              <tr
                key={row.id}
                id={`registry-row-${item.index}`}
                role="row"
                aria-selected={item.index === active}
                className={item.index === active ? 'is-active' : undefined}
                style={{ height: ROW_HEIGHT }}
                data-appeal-id={row.id}
                onClick={() => setActive(item.index)}
                onDoubleClick={() => navigate(appealHref(row.id))}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} role="gridcell" className={(cell.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric ? 'num' : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 ? (
            <tr aria-hidden="true">
              <td style={{ height: padBottom }} colSpan={visibleColumns.length} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
