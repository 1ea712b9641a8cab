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

/** Rows checked between two yields to the page (a slice costs tens of milliseconds). */
export const CHECK_SLICE_ROWS = 50_000;

export function checkLoadedRows(report: ReportDef, chunks: readonly CheckedChunk[]): RowChecks {
  const checker = new RowChecker(report, chunks);
  for (const chunk of chunks) checker.check(chunk, 0, chunk.rows.length);
  return checker.result;
}

/**
 * checkLoadedRows in slices of CHECK_SLICE_ROWS rows, yielding between them (`pause`),
 * so that a million loaded rows never hold the page for one long task.
 */
export async function checkLoadedRowsInSlices(
  report: ReportDef,
  chunks: readonly CheckedChunk[],
  pause: () => Promise<void>,
): Promise<RowChecks> {
  const checker = new RowChecker(report, chunks);
  let budget = CHECK_SLICE_ROWS;
  for (const chunk of chunks) {
    for (let from = 0; from < chunk.rows.length;) {
      const to = Math.min(chunk.rows.length, from + budget);
      checker.check(chunk, from, to);
      budget -= to - from;
      from = to;
      if (budget === 0) {
        await pause();
        budget = CHECK_SLICE_ROWS;
      }
    }
  }
  return checker.result;
}

/**
 * The same checks chunk by chunk as the answers arrive (`add`), so that the end of a load
 * need not read every row again: which rows of a chunk lie outside its period does not depend
 * on the other chunks, and whether any CONN_ID repeats does not depend on their order. Only
 * which copy is kept does: when one repeats, `result` is undefined and the load's end checks
 * every row in chronological order (checkLoadedRowsInSlices), as before.
 */
export class ArrivalChecks {
  private readonly outside = new WeakMap<CheckedChunk, ReportRow[]>();
  private readonly dateKeys: string[];
  private readonly seen: IdSet | undefined;
  private repeated = false;

  constructor(report: ReportDef) {
    this.dateKeys = dateKeysOf(report);
    this.seen = report.oneRowPerConnId ? new IdSet(0) : undefined;
  }

  add(chunk: CheckedChunk): void {
    const outside: ReportRow[] = [];
    const { seen, dateKeys } = this;
    const start = chunk.range.start;
    const end = chunk.range.end + SECOND - 1;
    for (const row of chunk.rows) {
      if (seen && !this.repeated) {
        const id = row.conn_id;
        if (typeof id === 'string' && id !== '' && !seen.add(id)) this.repeated = true;
      }
      if (dateKeys.length > 0 && isOutside(row, dateKeys, start, end)) outside.push(row);
    }
    this.outside.set(chunk, outside);
  }

  /** The checks of the load whose chunks (chronological) hold `rows`, when already known. */
  result(chunks: readonly CheckedChunk[], rows: ReportRow[]): RowChecks | undefined {
    if (this.repeated) return undefined;
    const outOfRange: ReportRow[] = [];
    for (const chunk of chunks) {
      const outside = this.outside.get(chunk);
      if (!outside) return undefined;
      for (const row of outside) outOfRange.push(row);
    }
    return { rows, duplicates: [], outOfRange };
  }
}

function dateKeysOf(report: ReportDef): string[] {
  return report.number === 2
    ? []
    : report.columns
        .filter((column) => column.type === 'datetime' || column.type === 'date')
        .map((column) => column.key);
}

/** A row with a date, none of whose dates falls in [start, end]. */
function isOutside(row: ReportRow, dateKeys: readonly string[], start: number, end: number) {
  let dated = false;
  for (const key of dateKeys) {
    const value = row[key];
    if (typeof value !== 'number') continue;
    if (value >= start && value <= end) return false;
    dated = true;
  }
  return dated;
}

class RowChecker {
  readonly result: RowChecks = { rows: [], duplicates: [], outOfRange: [] };
  private readonly dateKeys: string[];
  private readonly seen: IdSet | undefined;

  constructor(report: ReportDef, chunks: readonly CheckedChunk[]) {
    this.dateKeys = dateKeysOf(report);
    const total = chunks.reduce((sum, chunk) => sum + chunk.rows.length, 0);
    this.seen = report.oneRowPerConnId ? new IdSet(total) : undefined;
  }

  /** Rows `from`..`to` - 1 of `chunk`. */
  check(chunk: CheckedChunk, from: number, to: number): void {
    const { rows, duplicates, outOfRange } = this.result;
    const { seen, dateKeys } = this;
    const start = chunk.range.start;
    // The last second of the chunk is requested whole: a row at HH:MM:SS.500 belongs to it.
    const end = chunk.range.end + SECOND - 1;
    for (let i = from; i < to; i++) {
      const row = chunk.rows[i]!;
      if (seen) {
        const id = row.conn_id;
        if (typeof id === 'string' && id !== '' && !seen.add(id)) {
          duplicates.push(row);
          continue;
        }
      }
      rows.push(row);
      if (dateKeys.length > 0 && isOutside(row, dateKeys, start, end)) outOfRange.push(row);
    }
  }
}

/**
 * A set of strings in an open-addressing table of typed slots (kept at most half full): measured
 * on the 2-core VM at a million distinct CONN_IDs, about 0.6 of a JS Set's time (one FNV-1a
 * hash per id; a string compare only when the stored hashes agree).
 */
class IdSet {
  /** 1 + the index in `ids` of the id held by each slot (0: empty). */
  private slots: Int32Array;
  /** The full hash of each slot's id, compared before the string. */
  private hashes: Int32Array;
  private readonly ids: string[] = [];
  private mask: number;

  /** `capacity`: the ids expected (more may come: the table grows). */
  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
  }

  /** Adds `id`; false when it was already there. */
  add(id: string): boolean {
    let hash = 0x811c9dc5;
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const held = this.slots[slot]!;
      if (held === 0) {
        this.ids.push(id);
        this.slots[slot] = this.ids.length;
        this.hashes[slot] = hash;
        if (this.ids.length * 2 > this.slots.length) this.grow();
        return true;
      }
      if (this.hashes[slot] === hash && this.ids[held - 1] === id) return false;
    }
  }

  private grow(): void {
    const { slots, hashes } = this;
    this.slots = new Int32Array(slots.length * 2);
    this.hashes = new Int32Array(slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let old = 0; old < slots.length; old++) {
      const held = slots[old]!;
      if (held === 0) continue;
      let slot = hashes[old]! & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = held;
      this.hashes[slot] = hashes[old]!;
    }
  }
}
