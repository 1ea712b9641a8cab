import { connectorName, parseSessionId } from '../billing/connector';
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
  /** Rows whose SESSION_ID has no readable connector (kept, with an empty CONNECTOR). */
  unreadableSessions: number;
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
  const at = data.columns.findIndex((column) => column.key === 'session_id');
  if (at < 0) return { ...data, unreadableSessions: 0, connectorNames: names };
  const labels = new Map<string, string>();
  let unreadable = 0;
  for (const row of data.rows) {
    const parts = parseSessionId(row.session_id);
    if (!parts.readable) {
      unreadable++;
      row.connector = null;
      continue;
    }
    let label = labels.get(parts.connectorId);
    if (label === undefined)
      labels.set(parts.connectorId, (label = connectorLabel(parts.connectorId, names)));
    row.connector = label;
  }
  const columns = [
    ...data.columns.slice(0, at + 1),
    CONNECTOR_COLUMN,
    ...data.columns.slice(at + 1),
  ];
  return { columns, rows: data.rows, unreadableSessions: unreadable, connectorNames: names };
}

/** The columns a report's rows will have once loaded: the catalog's, plus CONNECTOR where it applies. */
export function reportColumns(report: ReportDef): readonly ColumnDef[] {
  const at = report.columns.findIndex((column) => column.key === 'session_id');
  if (at < 0) return report.columns;
  return [...report.columns.slice(0, at + 1), CONNECTOR_COLUMN, ...report.columns.slice(at + 1)];
}
