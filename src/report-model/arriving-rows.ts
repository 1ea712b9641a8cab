import type { ColumnDef, ReportDef } from './catalog';
import { countUnparsed, type ReportRow } from './column-types';
import { labelConnectors, withConnector } from './connector-column';
import { mergeChunks, type LoadedChunk } from './load/load-report';
import { ArrivalChecks } from './load/row-checks';

/** The rows of a load still in flight, as the page shows them until the load ends. */
export interface ArrivedRows {
  columns: ColumnDef[];
  rows: ReportRow[];
  unparsedCells: number;
}

/**
 * The first chunk is shown at once, later ones at most this often, and less often as the rows
 * grow (1 ms per thousand rows in: a second at a million): each showing gives the page a new
 * row set to index and sort, a task in proportion to the rows, during which the answers that
 * arrive wait to be read.
 */
const SHOW_EVERY_MS = 400;
const showEvery = (rows: number) => Math.max(SHOW_EVERY_MS, rows / 1000);

/**
 * Collects a load's chunks as they arrive (`add`, the loader's `onChunk`), checks their rows
 * (`checks`, so the finished load need not read them all again), and hands `show`
 * every row in so far, in chronological order whatever order the answers came in, with the
 * CONNECTOR column (ids only: the names come with the finished load, `nameConnectors`). `stop`
 * when the load ends, whichever way.
 */
export function arrivingRows(
  report: ReportDef,
  /** Undefined: nobody shows them (a Refresh, a comparison period): only labelled and counted. */
  show: ((arrived: ArrivedRows) => void) | undefined,
) {
  const chunks: LoadedChunk[] = [];
  const checks = new ArrivalChecks(report);
  const hasConnector = withConnector(report.columns) !== report.columns;
  let unparsedCells = 0;
  let rowsIn = 0;
  let shownAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const showNow = () => {
    timer = undefined;
    if (stopped || !show) return;
    shownAt = Date.now();
    const merged = mergeChunks(report, chunks);
    show({ columns: withConnector(merged.columns), rows: merged.rows, unparsedCells });
  };

  return {
    /** Cells kept as sent because they did not parse, in every chunk so far (copies included). */
    get unparsedCells() {
      return unparsedCells;
    },
    /** The row checks of every chunk so far (row-checks.ts). */
    checks,
    add(chunk: LoadedChunk) {
      if (stopped) return;
      chunks.push(chunk);
      rowsIn += chunk.rows.length;
      // Per chunk, so that each row is read once, not at every showing. A period reused from
      // the page's cache is already labelled, with names, and other loads show those very
      // rows: it is left as it is (a cancelled load must not leave them with bare ids).
      const fresh = chunk.rows.length > 0 && !('connector' in chunk.rows[0]!);
      if (fresh && hasConnector) labelConnectors(chunk.rows);
      unparsedCells += countUnparsed(chunk.columns, chunk.rows);
      checks.add(chunk);
      if (timer !== undefined || !show) return;
      timer = setTimeout(showNow, Math.max(0, shownAt + showEvery(rowsIn) - Date.now()));
    },
    /** No more showing, from now on (the rows in so far stay where `show` put them). */
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
