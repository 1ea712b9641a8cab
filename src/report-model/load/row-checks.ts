import type { ReportDef } from '../catalog';
import type { ReportRow } from '../column-types';
import { SECOND, type TimeRange } from '../time-range';

/**
 * What the chunks' answers say about themselves, checked after a load: a broken
 * upstream (or a hostile one) can answer rows dated outside the period it was
 * asked for, or the same row in several chunks, and neither may pass as a
 * complete, correct result.
 *
 * - Repeated rows. In reports with one row per interaction (`oneRowPerConnId`:
 *   1 and 10), a CONN_ID seen again, in the same chunk or another, is a copy:
 *   the first is kept, the copies are removed from the table and counted
 *   (`duplicates` keeps them). Other reports may list a CONN_ID many times (one
 *   row per message, transfer or step), so nothing is removed there.
 * - Rows outside the period. A row none of whose dates falls in the period its
 *   chunk asked for (`[start, end]` at one-second resolution) is kept, shown and
 *   exported, and listed in `outOfRange`. Report 2 is not checked: a chat's
 *   earlier messages may predate the period in which it closed. A row with no
 *   readable date cannot be judged (its date is already flagged as unparsed).
 */
export interface RowChecks {
  /** The rows to show: every loaded row but the removed copies, in load order. */
  rows: ReportRow[];
  /** Copies removed because their CONN_ID was already loaded. */
  duplicates: ReportRow[];
  /** Shown rows dated outside the period their chunk asked for. */
  outOfRange: ReportRow[];
}

export interface CheckedChunk {
  range: TimeRange;
  rows: readonly ReportRow[];
}

export function checkLoadedRows(report: ReportDef, chunks: readonly CheckedChunk[]): RowChecks {
  const dateKeys =
    report.number === 2
      ? []
      : report.columns
          .filter((column) => column.type === 'datetime' || column.type === 'date')
          .map((column) => column.key);
  const seen = report.oneRowPerConnId ? new Set<string>() : undefined;
  const rows: ReportRow[] = [];
  const duplicates: ReportRow[] = [];
  const outOfRange: ReportRow[] = [];

  for (const chunk of chunks) {
    const start = chunk.range.start;
    // The last second of the chunk is requested whole: a row at HH:MM:SS.500 belongs to it.
    const end = chunk.range.end + SECOND - 1;
    for (const row of chunk.rows) {
      if (seen) {
        const id = row.conn_id;
        if (typeof id === 'string' && id !== '') {
          if (seen.has(id)) {
            duplicates.push(row);
            continue;
          }
          seen.add(id);
        }
      }
      rows.push(row);
      if (dateKeys.length === 0) continue;
      let dated = false;
      let inside = false;
      for (const key of dateKeys) {
        const value = row[key];
        if (typeof value !== 'number') continue;
        dated = true;
        if (value >= start && value <= end) {
          inside = true;
          break;
        }
      }
      if (dated && !inside) outOfRange.push(row);
    }
  }
  return { rows, duplicates, outOfRange };
}
