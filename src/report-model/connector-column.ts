import { connectorName, parseSessionId } from './connector';
import type { ColumnDef, ReportDef } from './catalog';
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
  const labels = new Map<string, string>();
  for (const row of data.rows) {
    const parts = parseSessionId(row.session_id);
    if (!parts.readable) {
      // Kept, with an empty CONNECTOR; the billing panel counts these rows.
      row.connector = null;
      continue;
    }
    let label = labels.get(parts.connectorId);
    if (label === undefined)
      labels.set(parts.connectorId, (label = connectorLabel(parts.connectorId, names)));
    row.connector = label;
  }
  return { columns, rows: data.rows, connectorNames: names };
}

/** The columns a report's rows will have once loaded (a bookmarked CONNECTOR filter is valid before). */
export function reportColumns(report: ReportDef): readonly ColumnDef[] {
  return withConnector(report.columns);
}

/** The columns with CONNECTOR right after SESSION_ID; the same array when there is no SESSION_ID. */
function withConnector<T extends readonly ColumnDef[]>(columns: T): T | ColumnDef[] {
  const at = columns.findIndex((column) => column.key === 'session_id');
  if (at < 0) return columns;
  return [...columns.slice(0, at + 1), CONNECTOR_COLUMN, ...columns.slice(at + 1)];
}
