import { useEffect } from 'react';
import { clearArrivedRows, useArrivedRows } from '../report-model/load-progress';
import type { ReportData } from '../report-model/report-query';

/** What the table shows: a finished load, or the rows of one still loading. */
export type ShownRows = Pick<ReportData, 'columns' | 'rows' | 'unparsedCells' | 'connectorNames'>;

/**
 * The finished load when there is one; while the first load of a range runs, the rows
 * already in (report-model/arriving-rows.ts), so the table fills as the answers arrive.
 * `loading` tells the two apart.
 */
export function useShownRows(
  progressKey: string,
  data: ReportData | undefined,
): { shown: ShownRows | undefined; loading: boolean } {
  const arrived = useArrivedRows(progressKey);
  // The finished load is on screen: the rows of its run are no longer needed.
  useEffect(() => {
    if (data && arrived) clearArrivedRows(progressKey, arrived);
  }, [data, arrived, progressKey]);
  if (data) return { shown: data, loading: false };
  return { shown: arrived, loading: arrived !== undefined };
}
