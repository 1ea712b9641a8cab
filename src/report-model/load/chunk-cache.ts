import type { ColumnDef, ReportDef } from '../catalog';
import type { ReportRow } from '../column-types';
import { SECOND, type TimeRange } from '../time-range';
import { allInside, rowsWithin } from './range-column';

/**
 * Periods already loaded, per report, kept in the page so that a range is assembled from
 * them and only the periods missing are fetched: Q1 after January costs February and March;
 * a day bar (a day of a loaded month) costs no call.
 *
 * - Pieces. What is kept is each call's answer for its period (`range`), so pieces never
 *   overlap and tile what was loaded: a range assembled from them holds every row once, by
 *   the same boundary rule as the chunks (split-range.ts).
 * - Cutting a piece. A piece whose rows all carry the report's range column inside its period
 *   (`clippable`, range-column.ts) can be cut to a narrower period by that column; any other
 *   piece is used whole or not at all (its period is fetched again).
 * - Closed and recent. A piece whose period had ended CLOSED_MARGIN_MS before it was
 *   fetched is final: it never goes stale in the page. Any other piece is used while younger
 *   than `staleMs` (the query's staleTime, 5 minutes), then fetched again.
 * - Memory. At most MAX_ROWS (1M) rows (the least recently used pieces go first); the rows
 *   on screen are held by the page anyway.
 * - Refresh forgets the pieces of its range (`forget`), closed or not.
 */

/**
 * How long after a period ends wolkvox may still change it. Report 1 filters by close date
 * and a chat closes up to ~23 h after it starts (auto-close), so a report filtered by start
 * can still gain rows for almost a day; a chat's typification, sentiment and report 10's
 * billing fields are settled after it closes, and wolkvox may settle late rows. 48 h covers
 * the chat's day and one more for late settlement. Compared with the clock as
 * UTC minus 12 h (the operation's wall clock is never earlier), so it holds in any zone.
 */
export const CLOSED_MARGIN_MS = 48 * 3_600_000;
const ZONE_SLACK_MS = 12 * 3_600_000;

/** Whether `range` (wall-clock ms) had ended CLOSED_MARGIN_MS before `nowMs` (Date.now()). */
export function isClosedPeriod(range: TimeRange, nowMs: number): boolean {
  return range.end + SECOND + CLOSED_MARGIN_MS + ZONE_SLACK_MS <= nowMs;
}

/**
 * Rows kept across all reports. A tab must stay under ~300 MB at 1M rows. The rows on screen
 * are the same row objects as the pieces kept here (a load's answers are stored as they
 * came, and reused pieces are not copied), so they are already counted in this total: 1M
 * here holds the tab to that budget, where 2M let it grow to about twice it.
 */
const MAX_ROWS = 1_000_000;

export interface CachedPiece {
  range: TimeRange;
  columns: readonly ColumnDef[];
  rows: ReportRow[];
  notFoundWithRows?: number;
  /** Date.now() when it was fetched. */
  fetchedAt: number;
  /** Its period had closed when it was fetched: never stale. */
  closed: boolean;
  /** Its rows can be cut to a narrower period by the range column. */
  clippable: boolean;
  lastUsed: number;
}

/** A piece as a load uses it: possibly cut to the part inside the range asked. */
export interface ReusedChunk {
  range: TimeRange;
  columns: readonly ColumnDef[];
  rows: ReportRow[];
  notFoundWithRows?: number;
}

export interface CachePlan {
  /** Pieces (cut to the range) that need no call, in chronological order. */
  reused: ReusedChunk[];
  /** Periods of the range to fetch, in chronological order. */
  gaps: TimeRange[];
}

export class ChunkCache {
  private readonly byReport = new Map<string, CachedPiece[]>();
  private clock = 0;

  constructor(private readonly staleMs: number) {}

  /** Rows held, all reports. */
  get rows(): number {
    let total = 0;
    for (const list of this.byReport.values()) for (const p of list) total += p.rows.length;
    return total;
  }

  /** What of `range` is already here (fresh at `now`), and what must be fetched. */
  plan(report: ReportDef, range: TimeRange, now: number): CachePlan {
    const list = this.byReport.get(report.api) ?? [];
    const reused: ReusedChunk[] = [];
    const gaps: TimeRange[] = [];
    let cursor = range.start;
    const tick = ++this.clock;
    for (const piece of list) {
      if (piece.range.end < range.start || piece.range.start > range.end) continue;
      if (!piece.closed && now - piece.fetchedAt >= this.staleMs) continue;
      const inside = piece.range.start >= range.start && piece.range.end <= range.end;
      if (!inside && !piece.clippable) continue;
      const part = {
        start: Math.max(range.start, piece.range.start),
        end: Math.min(range.end, piece.range.end),
      };
      if (part.start > cursor) gaps.push({ start: cursor, end: part.start - SECOND });
      const rows = inside ? piece.rows : rowsWithin(report.rangeKey!, part, piece.rows);
      reused.push({
        range: part,
        columns: piece.columns,
        rows,
        notFoundWithRows: piece.notFoundWithRows ? rows.length : undefined,
      });
      piece.lastUsed = tick;
      cursor = part.end + SECOND;
    }
    if (cursor <= range.end) gaps.push({ start: cursor, end: range.end });
    return { reused, gaps };
  }

  /**
   * Keeps the answer of one call for its period, replacing what it overlaps. An answer that
   * straddles the closed edge and can be cut is kept as two pieces, so that its closed part
   * never goes stale ("this month" then costs only its last days again after 5 minutes).
   */
  store(report: ReportDef, chunk: ReusedChunk, fetchedAt: number): void {
    const clippable = allInside(report, chunk.range, chunk.rows);
    const edge =
      Math.floor((fetchedAt - CLOSED_MARGIN_MS - ZONE_SLACK_MS) / SECOND) * SECOND - SECOND;
    if (clippable && chunk.range.start <= edge && edge < chunk.range.end) {
      for (const range of [
        { start: chunk.range.start, end: edge },
        { start: edge + SECOND, end: chunk.range.end },
      ]) {
        const rows = rowsWithin(report.rangeKey!, range, chunk.rows);
        this.store(
          report,
          {
            range,
            columns: chunk.columns,
            rows,
            notFoundWithRows: chunk.notFoundWithRows ? rows.length : undefined,
          },
          fetchedAt,
        );
      }
      return;
    }
    const kept: CachedPiece[] = [];
    for (const piece of this.byReport.get(report.api) ?? []) {
      if (piece.range.end < chunk.range.start || piece.range.start > chunk.range.end) {
        kept.push(piece);
        continue;
      }
      // Overlapped: keep the parts outside the new piece when they can be cut, else drop it.
      if (!piece.clippable) continue;
      for (const part of [
        { start: piece.range.start, end: chunk.range.start - SECOND },
        { start: chunk.range.end + SECOND, end: piece.range.end },
      ]) {
        if (part.start < piece.range.start || part.end > piece.range.end || part.end < part.start)
          continue;
        kept.push({ ...piece, range: part, rows: rowsWithin(report.rangeKey!, part, piece.rows) });
      }
    }
    kept.push({
      range: chunk.range,
      columns: chunk.columns,
      rows: chunk.rows,
      notFoundWithRows: chunk.notFoundWithRows,
      fetchedAt,
      closed: isClosedPeriod(chunk.range, fetchedAt),
      clippable,
      lastUsed: ++this.clock,
    });
    kept.sort((a, b) => a.range.start - b.range.start);
    this.byReport.set(report.api, kept);
    this.evict();
  }

  /** Forgets every piece of `report` that overlaps `range` (a refresh). */
  forget(report: ReportDef, range: TimeRange): void {
    const list = this.byReport.get(report.api);
    if (!list) return;
    this.byReport.set(
      report.api,
      list.filter((p) => p.range.end < range.start || p.range.start > range.end),
    );
  }

  private evict(): void {
    let total = this.rows;
    if (total <= MAX_ROWS) return;
    const all = [...this.byReport.entries()].flatMap(([api, list]) =>
      list.map((piece) => ({ api, piece })),
    );
    all.sort((a, b) => a.piece.lastUsed - b.piece.lastUsed);
    for (const { api, piece } of all) {
      if (total <= MAX_ROWS) break;
      total -= piece.rows.length;
      const list = this.byReport.get(api)!;
      list.splice(list.indexOf(piece), 1);
    }
  }
}
