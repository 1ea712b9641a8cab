import { connectorName, sessionConnectorId } from './connector';
import type { ColumnDef, ReportDef } from './catalog';
import type { ReportRow } from './column-types';
import type { ColumnChunk, EncodedColumn } from './wire/column-chunk';
import type { ParsedRows } from './wire/normalize-rows';

/** The WhatsApp connector, read out of SESSION_ID (`phone.operation.connectorId`). */
export const CONNECTOR_COLUMN: ColumnDef = { key: 'connector', header: 'CONNECTOR', type: 'enum' };

/** `Ventas Colombia (3581)` when the name is known, else the id. */
export function connectorLabel(id: string, names?: ReadonlyMap<string, string>): string {
  const name = connectorName(id, names);
  return name === id ? id : `${name} (${id})`;
}

export interface WithConnector extends ParsedRows {
  /** Connector names from wolkvox, when it gave them. */
  connectorNames?: ReadonlyMap<string, string>;
}

/**
 * Adds a CONNECTOR column right after SESSION_ID, for reports that carry one
 * (8 and 10), so the table, the filters, the charts and the export all see it.
 * Rows are fresh from the wire client, so they are completed in place: copying a
 * million rows would double the heap for nothing.
 */
export function withConnectorColumn(
  data: ParsedRows,
  names?: ReadonlyMap<string, string>,
): WithConnector {
  const columns = withConnector(data.columns);
  if (columns === data.columns) return { ...data, connectorNames: names };
  labelConnectors(data.rows, names);
  return { columns, rows: data.rows, connectorNames: names };
}

/** Each row's CONNECTOR from its SESSION_ID, in place (null when unreadable). */
export function labelConnectors(
  rows: readonly ReportRow[],
  names?: ReadonlyMap<string, string>,
): void {
  const labels = new Map<string, string>();
  for (const row of rows) {
    const id = sessionConnectorId(row.session_id);
    if (id === undefined) {
      // Kept, with an empty CONNECTOR; the billing panel counts these rows.
      row.connector = null;
      continue;
    }
    let label = labels.get(id);
    if (label === undefined) labels.set(id, (label = connectorLabel(id, names)));
    row.connector = label;
  }
}

/**
 * labelConnectors (no names yet) for a chunk still in columns: one SESSION_ID read per distinct
 * value, in the worker that read the answer. Undefined for a report without SESSION_ID.
 */
export function connectorCells(
  chunk: ColumnChunk,
): Extract<EncodedColumn, { kind: 'string' }> | undefined {
  const at = chunk.columns.findIndex((column) => column.key === 'session_id');
  if (at < 0) return undefined;
  const cell = chunk.cells[at]!;
  const codes = new Uint32Array(chunk.rowCount);
  const dictionary: string[] = [];
  const codeOf = new Map<string, number>();
  const codeFor = (value: ReportRow[string] | undefined): number => {
    const id = sessionConnectorId(value);
    if (id === undefined) return 0;
    let code = codeOf.get(id);
    if (code === undefined) codeOf.set(id, (code = dictionary.push(connectorLabel(id))));
    return code;
  };
  if (cell.kind === 'string') {
    const byEntry = cell.dictionary.map(codeFor);
    for (let i = 0; i < codes.length; i++) {
      const entry = cell.codes[i]!;
      if (entry !== 0) codes[i] = byEntry[entry - 1]!;
    }
  } else if (cell.kind === 'number') {
    for (let i = 0; i < codes.length; i++)
      if (cell.values[i] === cell.values[i]) codes[i] = codeFor(cell.values[i]);
  }
  const other = cell.other;
  if (other)
    for (let j = 0; j < other.rows.length; j++) codes[other.rows[j]!] = codeFor(other.values[j]);
  return { kind: 'string', codes, dictionary };
}

/**
 * The connector names put on rows whose CONNECTOR already holds the bare id (as
 * arriving-rows.ts labels them before the names are known): one lookup per row, no SESSION_ID
 * read again, in slices of `slice` rows with `pause` between them. Nothing to do (no pass at
 * all) when no connector has a name.
 */
export async function nameConnectors(
  rows: readonly ReportRow[],
  names: ReadonlyMap<string, string> | undefined,
  pause: () => Promise<void>,
  slice = 100_000,
): Promise<void> {
  const named = new Map<string, string>();
  for (const id of names?.keys() ?? []) {
    const label = connectorLabel(id, names);
    if (label !== id) named.set(id, label);
  }
  if (named.size === 0) return;
  for (let from = 0; from < rows.length; from += slice) {
    if (from > 0) await pause();
    const to = Math.min(rows.length, from + slice);
    for (let i = from; i < to; i++) {
      const row = rows[i]!;
      const label = typeof row.connector === 'string' ? named.get(row.connector) : undefined;
      if (label !== undefined) row.connector = label;
    }
  }
}

/** The columns a report's rows will have once loaded (a bookmarked CONNECTOR filter is valid before). */
export function reportColumns(report: ReportDef): readonly ColumnDef[] {
  return withConnector(report.columns);
}

/** The columns with CONNECTOR right after SESSION_ID; the same array when there is no SESSION_ID. */
export function withConnector<T extends readonly ColumnDef[]>(columns: T): T | ColumnDef[] {
  const at = columns.findIndex((column) => column.key === 'session_id');
  if (at < 0) return columns;
  return [...columns.slice(0, at + 1), CONNECTOR_COLUMN, ...columns.slice(at + 1)];
}
