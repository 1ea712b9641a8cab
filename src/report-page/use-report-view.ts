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
}

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

/** The one filtered, sorted view that the table, the charts and the export all read. */
export function useReportView(
  columns: readonly ColumnDef[],
  rows: readonly ReportRow[],
  view: Pick<ViewState, 'sort' | 'phone' | 'q' | 'filters'>,
  visibleKeys: readonly string[],
  /** Build the sort keys ahead, in idle moments (not for the rows of a load still running). */
  warm = true,
): ReportView {
  const index = useMemo(() => createReportIndex(columns, rows), [columns, rows]);
  const query = useMemo<ReportQuery>(
    () => ({
      sort: view.sort.map((entry) => ({ key: entry.id, desc: entry.desc })),
      phone: view.phone,
      search: view.q,
      searchKeys: visibleKeys,
      filters: view.filters,
    }),
    [view.sort, view.phone, view.q, view.filters, visibleKeys],
  );
  const order = useMemo(() => index.query(query), [index, query]);
  // Only the filters: a new sort keeps this array (and everything computed from it).
  // Keyed by value, because the URL is parsed afresh on every change.
  const filterKey = JSON.stringify([view.phone, view.q, view.filters, visibleKeys]);
  const filterQuery = useMemo<ReportQuery>(
    () => ({ phone: view.phone, search: view.q, searchKeys: visibleKeys, filters: view.filters }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filterKey],
  );
  const filtered = useMemo(() => index.query(filterQuery), [index, filterQuery]);
  useWarmUp(index, [...view.sort.map((entry) => entry.id), ...visibleKeys], warm);
  return useMemo(
    () => ({
      order,
      filtered,
      index,
      facet: (key: string) => index.facetsFor(query, key, 'count'),
    }),
    [order, filtered, index, query],
  );
}
