import type { ColumnDef } from '../report-model/catalog';
import { formatNumber, type CellFormats } from '../report-model/cell-format';
import type { CellValue, ReportRow } from '../report-model/column-types';

/**
 * Column widths from what the columns hold: a sample of rows is measured, so a
 * connector name gets the room it needs and a long id no more than it needs. The
 * header always fits with room for the sort mark ("▲2"), and free width is shared
 * out so the table fills its box.
 */

/** Rows looked at per column: spread over the whole load, cheap at a million rows. */
export const SAMPLE_ROWS = 400;
const CELL_PADDING = 16 + 2;
/** The header's sort button: padding, gap and room for "▲2". */
const HEADER_EXTRA = 16 + 4 + 24;
const MIN_WIDTH = 60;
const MAX_WIDTH = 420;
/** Long free text (messages, bodies) gets at most this much; the cell shows the rest on hover. */
const MAX_TEXT_WIDTH = 480;

export type MeasureText = (text: string, bold?: boolean) => number;

/** Text width in px at the table's font (canvas when there is one, an estimate otherwise). */
export function textMeasurer(): MeasureText {
  const canvas = typeof document === 'undefined' ? null : document.createElement('canvas');
  const context = canvas && !isJsdom() ? canvas.getContext('2d') : null;
  if (!context) return (text, bold) => text.length * (bold ? 8 : 7.5);
  const family = getComputedStyle(document.documentElement).fontFamily || 'system-ui';
  // Setting a canvas font parses it: set only when it changes (the texts come in runs of one
  // weight: a column's cells, then its header in bold); and a sample repeats itself (yes/no,
  // connectors, agents): each text measured once.
  let bold: boolean | undefined;
  const widths = [new Map<string, number>(), new Map<string, number>()];
  return (text, heading = false) => {
    const known = widths[heading ? 1 : 0]!;
    let width = known.get(text);
    if (width === undefined) {
      if (bold !== heading) {
        bold = heading;
        context.font = `${bold ? 600 : 400} 14px ${family}`;
      }
      width = context.measureText(text).width;
      known.set(text, width);
    }
    return width;
  };
}

function isJsdom(): boolean {
  return typeof navigator !== 'undefined' && navigator.userAgent.includes('jsdom');
}

/** The text a cell shows (numbers formatted as on screen). */
export function displayText(column: ColumnDef, value: CellValue, formats: CellFormats): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(column.type, value, formats);
  if (typeof value === 'boolean') return 'yes';
  return value.length > 120 ? value.slice(0, 120) : value;
}

/** A width per column key, each fitting its header and nearly all of its sampled values. */
export function contentWidths(
  columns: readonly ColumnDef[],
  rows: readonly ReportRow[],
  formats: CellFormats,
  measure: MeasureText,
  /** The header as shown (Manager's name, or the human one). */
  headerOf: (column: ColumnDef) => string = (column) => column.header,
): Record<string, number> {
  const step = Math.max(1, Math.floor(rows.length / SAMPLE_ROWS));
  const widths: Record<string, number> = {};
  for (const column of columns) {
    const seen: number[] = [];
    for (let i = 0; i < rows.length; i += step) {
      const text = displayText(column, rows[i]![column.key] ?? null, formats);
      if (text) seen.push(measure(text));
    }
    seen.sort((a, b) => a - b);
    // The 95th percentile: one odd value does not widen the column for all the others.
    const content = seen.length
      ? seen[Math.min(seen.length - 1, Math.floor(seen.length * 0.95))]!
      : 0;
    const cap = column.type === 'text' ? MAX_TEXT_WIDTH : MAX_WIDTH;
    const header = measure(headerOf(column), true) + HEADER_EXTRA;
    widths[column.key] = Math.round(
      Math.max(MIN_WIDTH, header, Math.min(cap, content + CELL_PADDING)),
    );
  }
  return widths;
}

/**
 * Shares free width out so the table fills `available` px: each column grows in
 * proportion to its width, except those the supervisor resized by hand.
 */
export function fillWidth(
  keys: readonly string[],
  widths: Readonly<Record<string, number>>,
  available: number,
  fixed: Readonly<Record<string, number>> = {},
): Record<string, number> {
  const total = keys.reduce((sum, key) => sum + (fixed[key] ?? widths[key] ?? 0), 0);
  const growable = keys.filter((key) => fixed[key] === undefined);
  const base = growable.reduce((sum, key) => sum + (widths[key] ?? 0), 0);
  const extra = available - total;
  const out: Record<string, number> = { ...widths };
  if (extra <= 0 || base <= 0) return out;
  let given = 0;
  growable.forEach((key, index) => {
    const last = index === growable.length - 1;
    const add = last ? extra - given : Math.floor((extra * (widths[key] ?? 0)) / base);
    out[key] = (widths[key] ?? 0) + add;
    given += add;
  });
  return out;
}
