import {
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnSizingState,
  type SortingState,
  type Updater,
  type ColumnVisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useI18n } from '../shared/i18n/i18n';
import { columnLabel, headerText, type ColumnDef, type HeaderNames } from '../report-model/catalog';
import { isNumericType, type CellValue, type ReportRow } from '../report-model/column-types';
import { contentWidths, displayText, fillWidth, textMeasurer } from './column-widths';
import {
  cellFormats,
  DISPLAY_CHARS,
  formatNumber,
  type CellFormats,
} from '../report-model/cell-format';
import { TableCell } from './table-cell';
import { TotalsRow } from './totals-row';
import { columnTotals, hasTotals, type ColumnTotalValue } from '../engine/column-totals';

const features = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  columnSizingFeature,
  columnResizingFeature,
});
const helper = createColumnHelper<typeof features, ReportRow>();
/** Rows are never handed to TanStack: the data engine orders them, TanStack drives columns and state. */
const NO_ROWS: ReportRow[] = [];
/**
 * Browsers cap an element's height near 33,554,400 px: at 32 px a row, the table can
 * scroll to row 1,048,575; taller rows would leave the newest rows of a million out of reach.
 */
const ROW_HEIGHT = 32;
/** Printing renders this many rows in full (the CSV export is the way to get them all). */
export const PRINT_ROWS = 1000;

export interface ReportTableProps {
  columns: readonly ColumnDef[];
  rows: readonly ReportRow[];
  /** Row indices in on-screen order (after filters and sort). */
  order: ArrayLike<number>;
  /**
   * The rows the totals row adds up, when they may lag behind `order` (the filtered rows of
   * a deferred render: a key typed shows the rows first, the totals a moment later); `order`
   * when missing.
   */
  totalsOrder?: ArrayLike<number>;
  caption: string;
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  columnVisibility: ColumnVisibilityState;
  onColumnVisibilityChange: (visibility: ColumnVisibilityState) => void;
  columnSizing: ColumnSizingState;
  onColumnSizingChange: (sizing: ColumnSizingState) => void;
  /** When set, CONN_ID cells open that chat's conversation. */
  onOpenConversation?: (rowIndex: number, trigger: HTMLElement) => void;
  /** Headers as wolkvox Manager names them (default) or by their human names. */
  headerNames?: HeaderNames;
}

const apply = <T,>(updater: Updater<T>, current: T): T =>
  typeof updater === 'function' ? (updater as (old: T) => T)(current) : updater;

/**
 * The report grid: a real <table> with a sticky header and virtualized rows
 * (spacer rows keep the table in normal flow, so the sticky header holds). Memoized: a
 * render of the page that changes none of its props (a key typed before its rows are
 * known, the charts' deferred render) does not render the rows again.
 */
export const ReportTable = memo(function ReportTable(props: ReportTableProps) {
  const { columns, rows, order, caption, sorting, columnVisibility, columnSizing } = props;
  const totalsOrder = props.totalsOrder ?? order;
  const headerNames = props.headerNames ?? 'wolkvox';
  const { t, locale, language } = useI18n();
  const formats = cellFormats(locale);
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerOf = useCallback(
    (column: ColumnDef) => headerText(column, headerNames, language),
    [headerNames, language],
  );

  // The totals row (a column the catalog says sums or averages), over the rows in view;
  // one row has nothing to add up. Exports leave it out: it is not a row of the report.
  const totals = useMemo(
    () =>
      hasTotals(columns) && totalsOrder.length > 1
        ? columnTotals(columns, rows, totalsOrder)
        : null,
    [columns, rows, totalsOrder],
  );
  const sampled = useMemo(
    () => contentWidths(columns, rows, formats, textMeasurer(), headerOf),
    [columns, rows, formats, headerOf],
  );
  // A total (a sum of many rows, or "avg. 2:05:12") may be wider than any cell above it.
  const meanMark = t('table.meanMark');
  const measured = useMemo(
    () => (totals ? widenForTotals(sampled, columns, totals, formats, meanMark) : sampled),
    [sampled, columns, totals, formats, meanMark],
  );
  const boxWidth = useBoxWidth(scrollRef);
  const sizes = useMemo(() => {
    const keys = columns.filter((c) => columnVisibility[c.key] !== false).map((c) => c.key);
    return fillWidth(keys, measured, boxWidth, columnSizing);
  }, [columns, measured, boxWidth, columnVisibility, columnSizing]);

  const tableColumns = useMemo(
    () =>
      columns.map((column) =>
        helper.accessor((row): unknown => row[column.key], {
          id: column.key,
          header: headerOf(column),
          sortDescFirst: false,
          size: sizes[column.key],
          minSize: 60,
        }),
      ),
    [columns, sizes, headerOf],
  );

  const table = useTable({
    features,
    columns: tableColumns,
    data: NO_ROWS,
    manualSorting: true,
    enableSortingRemoval: true,
    columnResizeMode: 'onChange',
    state: { sorting, columnVisibility, columnSizing },
    onSortingChange: (updater) => props.onSortingChange(apply(updater, sorting)),
    onColumnVisibilityChange: (updater) =>
      props.onColumnVisibilityChange(apply(updater, columnVisibility)),
    onColumnSizingChange: (updater) => props.onColumnSizingChange(apply(updater, columnSizing)),
  });

  const byKey = useMemo(() => new Map(columns.map((column) => [column.key, column])), [columns]);
  const visible = table.getVisibleLeafColumns();
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // First paint before the container is measured (and a usable size under jsdom).
    initialRect: { width: 1200, height: 600 },
  });
  const printing = usePrinting();
  const items = printing
    ? Array.from({ length: Math.min(order.length, PRINT_ROWS) }, (_, index) => ({
        index,
        key: index,
        start: 0,
        end: 0,
      }))
    : virtualizer.getVirtualItems();
  const top = printing ? 0 : (items[0]?.start ?? 0);
  const bottom = printing ? 0 : virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div className="table-scroll" ref={scrollRef} tabIndex={0} role="region" aria-label={caption}>
      <table
        className="report-table"
        aria-rowcount={order.length + (totals ? 2 : 1)}
        style={{ width: table.getTotalSize() }}
      >
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          {visible.map((column) => (
            <col key={column.id} style={{ width: column.getSize() }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const sortIndex = sorting.length > 1 ? header.column.getSortIndex() : -1;
                const def = byKey.get(header.column.id);
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}
                    className={def && isNumericType(def.type) ? 'num' : undefined}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={header.column.getToggleSortingHandler()}
                      title={
                        !def || def.extra
                          ? t('cell.extraColumn')
                          : t('table.headerTitle', {
                              label: columnLabel(def, language),
                              header: def.header,
                              hint: t('table.sortHint'),
                            })
                      }
                    >
                      <span>{header.column.columnDef.header as string}</span>
                      <span aria-hidden="true" className="sort-mark">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                        {sortIndex >= 0 ? sortIndex + 1 : ''}
                      </span>
                    </button>
                    <span
                      className={`resizer${header.column.getIsResizing() ? ' resizing' : ''}`}
                      onMouseDown={header.getResizeHandler()}
                      onTouchStart={header.getResizeHandler()}
                      onDoubleClick={() => header.column.resetSize()}
                      aria-hidden="true"
                    />
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {top > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={visible.length} style={{ height: top }} />
            </tr>
          )}
          {items.map((item) => {
            const rowIndex = order[item.index]!;
            const row = rows[rowIndex]!;
            return (
              <tr key={item.key} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                {visible.map((column) => {
                  const def = byKey.get(column.id)!;
                  const value = row[def.key] ?? null;
                  const opensChat =
                    props.onOpenConversation &&
                    def.key === 'conn_id' &&
                    typeof value === 'string' &&
                    value !== '-';
                  return (
                    <td
                      key={column.id}
                      className={isNumericType(def.type) ? 'num' : undefined}
                      title={cellTitle(def, value, formats)}
                    >
                      {opensChat ? (
                        <button
                          type="button"
                          className="conn-button"
                          aria-label={t('transcript.open', { conn: value })}
                          onClick={(event) =>
                            props.onOpenConversation!(rowIndex, event.currentTarget)
                          }
                        >
                          {value}
                        </button>
                      ) : (
                        <TableCell column={def} value={value} formats={formats} t={t} />
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {bottom > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={visible.length} style={{ height: bottom }} />
            </tr>
          )}
        </tbody>
        {totals && (
          <TotalsRow
            columns={visible.map((column) => byKey.get(column.id)!)}
            totals={totals}
            rowIndex={order.length + 2}
            formats={formats}
          />
        )}
      </table>
    </div>
  );
});

function widenForTotals(
  widths: Record<string, number>,
  columns: readonly ColumnDef[],
  totals: Record<string, ColumnTotalValue>,
  formats: CellFormats,
  meanMark: string,
): Record<string, number> {
  const measure = textMeasurer();
  const wider = { ...widths };
  for (const column of columns) {
    const total = totals[column.key];
    if (!total || total.value === null) continue;
    const figure = formatNumber(column.type, total.value, formats);
    const text = total.kind === 'mean' ? `${meanMark} ${figure}` : figure;
    wider[column.key] = Math.max(wider[column.key] ?? 0, Math.ceil(measure(text, true) + 20));
  }
  return wider;
}

/** The whole text of a cell on hover, where the column may cut it (up to the display limit). */
function cellTitle(column: ColumnDef, value: CellValue, formats: CellFormats): string | undefined {
  if (typeof value !== 'string')
    return value === null ? undefined : displayText(column, value, formats);
  return value.length > DISPLAY_CHARS ? undefined : value;
}

/** The scroll box's inner width (without its scroll bar), followed as the window resizes. */
function useBoxWidth(ref: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(box.clientWidth));
    observer.observe(box);
    setWidth(box.clientWidth);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** True between the browser's beforeprint and afterprint: the table then prints in full rows. */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const on = () => setPrinting(true);
    const off = () => setPrinting(false);
    window.addEventListener('beforeprint', on);
    window.addEventListener('afterprint', off);
    return () => {
      window.removeEventListener('beforeprint', on);
      window.removeEventListener('afterprint', off);
    };
  }, []);
  return printing;
}
