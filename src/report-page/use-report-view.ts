import { useEffect, useMemo } from 'react';
import { createReportIndex, type FacetEntry, type ReportIndex, type ReportQuery } from '../engine';
import type { ColumnDef } from '../report-model/catalog';
import type { ReportRow } from '../report-model/column-types';
import type { ViewState } from '../report-model/view-state';

export interface ReportView {
  /** Row indices in on-screen order (after every filter and the sort). */
  order: Uint32Array;
  /**
   * The same rows in load (chronological) order. Charts and totals read this one: it
   * does not change when only the sort does, so sorting never recomputes them.
   */
  filtered: Uint32Array;
  /** Values of a column with their row counts, under every filter except that column's own. */
  facet(key: string): FacetEntry[];
  /** The index, for aggregates over the same rows (charts). */
  index: ReportIndex;
  /** The view `order` shows (the typed one, or the deferred one until it is answered). */
  shown: ViewFilters;
}

type ViewFilters = Pick<ViewState, 'sort' | 'phone' | 'q' | 'filters'>;

/**
 * Builds the sort keys and the phone index in small steps after a load, one
 * per idle moment, so the first click on a header is instant and typing is
 * never held up for long.
 */
function useWarmUp(index: ReportIndex, sortKeys: readonly string[], warm: boolean) {
  useEffect(() => {
    if (!warm) return;
    const tasks = index.warmTasks({ sortKeys, phone: true });
    let handle: ReturnType<typeof setTimeout>;
    const next = () => {
      const task = tasks.shift();
      if (!task) return;
      task();
      handle = setTimeout(next, 16);
    };
    handle = setTimeout(next, 50);
    return () => clearTimeout(handle);
    // Warm once per loaded data set; later visibility changes build keys on demand.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [index, warm]);
}

/**
 * The one filtered, sorted view that the table, the charts and the export all read.
 *
 * `view` is the state as typed; `deferred` the same a deferred render later
 * (useDeferredValue). The table's rows and count follow `view` in the same render when the
 * engine answers it from its caches (a digit typed into the phone filter narrows the last
 * matches; a cleared filter re-serves a kept sort: index.answersAtOnce), else `deferred`, so
 * a scan never holds a key up. Charts, billing and totals read `filtered`, always of `deferred`.
 */
export function useReportView(
  columns: readonly ColumnDef[],
  rows: readonly ReportRow[],
  view: ViewFilters,
  visibleKeys: readonly string[],
  /** Build the sort keys ahead, in idle moments (not for the rows of a load still running). */
  warm = true,
  deferred: ViewFilters = view,
): ReportView {
  const index = useMemo(() => createReportIndex(columns, rows), [columns, rows]);
  const queryOf = (of: ViewFilters): ReportQuery => ({
    sort: of.sort.map((entry) => ({ key: entry.id, desc: entry.desc })),
    phone: of.phone,
    search: of.q,
    searchKeys: visibleKeys,
    filters: of.filters,
  });
  const shown = view === deferred || index.answersAtOnce(queryOf(view)) ? view : deferred;
  const query = useMemo<ReportQuery>(
    () => queryOf(shown),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shown.sort, shown.phone, shown.q, shown.filters, visibleKeys],
  );
  const order = useMemo(() => index.query(query), [index, query]);
  // Only the filters: a new sort keeps this array (and everything computed from it).
  // Keyed by value, because the URL is parsed afresh on every change.
  const filterKey = JSON.stringify([deferred.phone, deferred.q, deferred.filters, visibleKeys]);
  const filterQuery = useMemo<ReportQuery>(
    () => ({
      phone: deferred.phone,
      search: deferred.q,
      searchKeys: visibleKeys,
      filters: deferred.filters,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filterKey],
  );
  const filtered = useMemo(() => index.query(filterQuery), [index, filterQuery]);
  useWarmUp(index, [...shown.sort.map((entry) => entry.id), ...visibleKeys], warm);
  return useMemo(
    () => ({
      order,
      filtered,
      index,
      shown,
      facet: (key: string) => index.facetsFor(query, key, 'count'),
    }),
    [order, filtered, index, shown, query],
  );
}
