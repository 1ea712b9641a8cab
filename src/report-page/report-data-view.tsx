import type { ColumnVisibilityState } from '@tanstack/react-table';
import {
  lazy,
  Suspense,
  useCallback,
  useDeferredValue,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { TranscriptPanel } from '../conversation/transcript-panel';
import { hasCharts } from '../charts/chart-specs';
import { ColumnMenu } from '../filters/column-menu';
import { ChartsSection } from './charts-section';
import { FilterBar } from '../filters/filter-bar';
import { useI18n, type Translate } from '../shared/i18n/i18n';
import { PRINT_ROWS, ReportTable } from '../table/report-table';
import type { ColumnDef, ReportDef } from '../report-model/catalog';
import { ExportCsvButton } from '../export/export-csv-button';
import { ExportXlsxButton } from '../export/export-xlsx-button';
import { useColumnPrefs } from './use-column-prefs';
import { useHeaderNames } from './use-header-names';
import { useReportView } from './use-report-view';
import type { SortEntry, ViewState } from '../report-model/view-state';
import type { ShownRows } from './use-shown-rows';

// Charts (recharts) load only when a report shows them, so the first page stays light.
const BillingPanel = lazy(() => import('../billing/ui/billing-panel'));
const ReportCharts = lazy(() => import('../charts/report-charts'));

interface ReportDataViewProps {
  report: ReportDef;
  data: ShownRows;
  /** The load is still running: `data` holds the rows in so far, and more will come. */
  loading: boolean;
  view: ViewState;
  caption: string;
  onViewChange: (patch: Partial<ViewState>, typing?: boolean) => void;
  onSortChange: (sort: SortEntry[]) => void;
}

/** The loaded report: filters, counts, export and the table, all reading one filtered view. */
export function ReportDataView({
  report,
  data,
  loading,
  view,
  caption,
  onViewChange,
  onSortChange,
}: ReportDataViewProps) {
  const { t } = useI18n();
  const prefs = useColumnPrefs(report);
  const [headerNames, setHeaderNames] = useHeaderNames();
  const visibleColumns = useMemo(
    () => visibleInOrder(data.columns, prefs.visibility),
    [data.columns, prefs.visibility],
  );
  const visibleKeys = useMemo(() => visibleColumns.map((column) => column.key), [visibleColumns]);
  // Inputs show each key at once. The rows and the count follow in the same render when the
  // engine answers from its caches (a digit typed narrows the last matches, a cleared filter
  // re-serves a kept sort), else in a deferred render that a next key interrupts, so typing
  // is never held up by a scan (a million rows: ~20–60 ms a pass). Charts, billing and totals
  // always follow in the deferred render, after the rows are on screen.
  const deferredView = useDeferredValue(view);
  const { order, filtered, facet, shown } = useReportView(
    data.columns,
    data.rows,
    view,
    visibleKeys,
    !loading,
    deferredView,
  );
  // The exports write exactly the rows on screen (the order the table shows).
  const exported = {
    report,
    from: view.from,
    to: view.to,
    columns: visibleColumns,
    rows: data.rows,
    order,
  };
  const unparsed = data.unparsedCells;
  const [conversation, setConversation] = useState<{ connId: string; at: number } | null>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const dateKey = data.columns.find((column) => column.type === 'datetime')?.key;
  const openConversation = useCallback(
    (rowIndex: number, button: HTMLElement) => {
      const row = data.rows[rowIndex]!;
      const at = dateKey ? row[dateKey] : null;
      if (typeof row.conn_id !== 'string' || typeof at !== 'number') return;
      trigger.current = button;
      setConversation({ connId: row.conn_id, at });
    },
    [data.rows, dateKey],
  );
  // Closing returns focus to the CONN_ID that opened it; the table keeps its scroll position.
  const closeConversation = useCallback(() => {
    setConversation(null);
    trigger.current?.focus({ preventScroll: true });
  }, []);

  // Stable callbacks for the (memoized) chart panels: they read the latest view when called,
  // so a new sort or filter does not re-render charts whose data did not change.
  const latest = useRef({ view, onViewChange, onSortChange });
  useLayoutEffect(() => {
    latest.current = { view, onViewChange, onSortChange };
  });
  // The table's props stay the same objects while what they say is the same (memoized table).
  const sortChange = useCallback((sort: SortEntry[]) => latest.current.onSortChange(sort), []);
  const sortKey = JSON.stringify(view.sort);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const sorting = useMemo(() => view.sort, [sortKey]);
  const filterTo = useCallback((key: string, values: string[]) => {
    const { view: current, onViewChange: change } = latest.current;
    change({ filters: { ...current.filters, [key]: { ...current.filters[key], values } } });
  }, []);
  const showPeriod = useCallback(
    (from: string, to: string) => latest.current.onViewChange({ from, to }),
    [],
  );
  const filterFromChart = useCallback(
    (key: string, value: string, to = value) => {
      const column = data.columns.find((c) => c.key === key);
      // A day (or week) of a date column narrows the loaded range; any other value filters.
      if (column?.type === 'datetime' || column?.type === 'date') showPeriod(value, to);
      else filterTo(key, [value]);
    },
    [data.columns, filterTo, showPeriod],
  );

  return (
    <>
      {loading && (report.number === 10 || hasCharts(report.number)) && (
        <ChartsSection>
          <p className="state">{t('charts.afterLoad')}</p>
        </ChartsSection>
      )}
      {!loading && report.number === 10 && (
        <ChartsSection>
          <Suspense fallback={<p className="state">{t('charts.loading')}</p>}>
            <BillingPanel
              rows={data.rows}
              order={filtered}
              connectorNames={data.connectorNames}
              from={view.from}
              to={view.to}
              onFilter={filterTo}
              onSelectPeriod={showPeriod}
            />
          </Suspense>
        </ChartsSection>
      )}
      {!loading && report.number !== 10 && hasCharts(report.number) && (
        <ChartsSection>
          <Suspense fallback={<p className="state">{t('charts.loading')}</p>}>
            <ReportCharts
              report={report}
              columns={data.columns}
              rows={data.rows}
              order={filtered}
              onFilter={filterFromChart}
            />
          </Suspense>
        </ChartsSection>
      )}
      <FilterBar columns={data.columns} view={view} facet={facet} onChange={onViewChange} />
      <div className="table-toolbar">
        <p className="row-count" aria-live="polite">
          {t(loading ? 'table.rowCountSoFar' : 'table.rowCount', {
            shown: order.length,
            count: data.rows.length,
          })}
        </p>
        {unparsed > 0 && (
          <p className="unparsed-note">{t('notice.unparsed', { count: unparsed })}</p>
        )}
        {order.length > PRINT_ROWS && (
          <p className="print-note">{t('print.note', { rows: PRINT_ROWS, total: order.length })}</p>
        )}
        <span className="toolbar-end">
          <button type="button" onClick={() => window.print()}>
            {t('print.button')}
          </button>
          <ColumnMenu
            columns={data.columns}
            visibility={prefs.visibility}
            onChange={prefs.setVisibility}
            headerNames={headerNames}
            onHeaderNamesChange={setHeaderNames}
          />
          {/* Exports write a finished load only: a file of part of the period would pass for all of it. */}
          {!loading && <ExportCsvButton {...exported} />}
          {!loading && (
            <ExportXlsxButton {...exported} filters={filterPairs(shown, data.columns, t)} />
          )}
        </span>
      </div>
      <ReportTable
        columns={data.columns}
        rows={data.rows}
        order={order}
        totalsOrder={filtered}
        caption={caption}
        sorting={sorting}
        onSortingChange={sortChange}
        columnVisibility={prefs.visibility}
        onColumnVisibilityChange={prefs.setVisibility}
        columnSizing={prefs.sizing}
        onColumnSizingChange={prefs.setSizing}
        onOpenConversation={report.transcript ? openConversation : undefined}
        headerNames={headerNames}
      />
      {conversation && (
        <TranscriptPanel
          connId={conversation.connId}
          at={conversation.at}
          onClose={closeConversation}
        />
      )}
    </>
  );
}

function visibleInOrder(
  columns: readonly ColumnDef[],
  visibility: ColumnVisibilityState,
): ColumnDef[] {
  return columns.filter((column) => visibility[column.key] !== false);
}

/** The filters on screen as label–value pairs (the Excel export's second sheet). */
function filterPairs(
  view: Pick<ViewState, 'phone' | 'q' | 'filters'>,
  columns: readonly ColumnDef[],
  t: Translate,
): Array<readonly [string, string]> {
  const pairs: Array<readonly [string, string]> = [];
  if (view.phone) pairs.push([t('filters.phone'), view.phone]);
  if (view.q) pairs.push([t('filters.search'), view.q]);
  for (const [key, filter] of Object.entries(view.filters)) {
    const header = columns.find((column) => column.key === key)?.header ?? key;
    if (filter.values?.length) pairs.push([header, filter.values.join(', ')]);
    if (filter.min !== undefined) pairs.push([`${header} ≥`, String(filter.min)]);
    if (filter.max !== undefined) pairs.push([`${header} ≤`, String(filter.max)]);
  }
  return pairs;
}
