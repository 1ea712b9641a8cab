import { bsuidPrefixLength } from './bsuid';
import type { CellValue } from './column-types';

/**
 * WhatsApp connectors of report 10 ("Official WhatsApp Billing", `chat_10`).
 *
 * SESSION_ID reads `CustomerPhone.Operation.OfficialWhatsAppConnectorID`: the
 * connector id is the 3rd dot-separated segment (docs §1.2, report 10).
 *
 * Decisions:
 * - Extra dots (4+ segments): the connector id is the LAST segment. The format
 *   names the connector as its final element and connector ids are opaque
 *   tokens; an extra dot is far more likely inside the phone or the operation
 *   name than inside the id. Such rows are readable but carry
 *   `extraSegments > 0` so the UI can audit them.
 * - Too few segments (< 3), an empty last segment, an empty value, null, or a
 *   non-string value: the row is kept, its connector is `UNKNOWN_CONNECTOR`
 *   and `readable` is false ("N rows with an unreadable SESSION_ID").
 * - The first segment may be a BSUID (`CO.2026206508304015`, `US.ENT.…`; bsuid.ts), which has
 *   dots of its own: a SESSION_ID starting with two letters and a dot reads the BSUID whole as
 *   the phone (a phone number never starts with letters).
 * - `UNKNOWN_CONNECTOR` contains a dot, so no parsed connector id (a segment,
 *   hence dot-free) can ever collide with it.
 */

export const UNKNOWN_CONNECTOR = 'unknown.connector';

export interface SessionParts {
  /** Connector id, or `UNKNOWN_CONNECTOR` when the SESSION_ID is unreadable. */
  connectorId: string;
  /** False when the SESSION_ID could not be split into phone.operation.connector. */
  readable: boolean;
  /** First segment (the customer's phone), when readable. */
  phone?: string;
  /** Middle segment(s) joined back with dots, when readable. */
  operation?: string;
  /** Number of segments beyond the expected three (0 for a well-formed id). */
  extraSegments: number;
}

const UNREADABLE: SessionParts = Object.freeze({
  connectorId: UNKNOWN_CONNECTOR,
  readable: false,
  extraSegments: 0,
});

/**
 * Just the connector id of a SESSION_ID (parseSessionId's `connectorId` when readable, else
 * undefined), without building the other parts: the CONNECTOR column reads a million of them
 * per load, and parseSessionId took ~0.9 µs a row there (a property test holds the two equal).
 */
export function sessionConnectorId(value: CellValue | undefined): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = typeof value === 'string' ? value.trim() : String(value).trim();
  const bsuid = bsuidPrefixLength(text);
  const first = bsuid > 0 ? bsuid : text.indexOf('.');
  const last = text.lastIndexOf('.');
  if (first === -1 || first === last) return undefined;
  const connectorId = text.slice(last + 1).trim();
  return connectorId === '' ? undefined : connectorId;
}

export function parseSessionId(value: CellValue | undefined): SessionParts {
  if (typeof value !== 'string' && typeof value !== 'number') return UNREADABLE;
  const text = String(value).trim();
  // Found by position rather than split: a million rows are parsed on every load.
  // A BSUID is the first segment whole (so `CO.123.acme` lacks its connector, as `57300.acme`).
  const bsuid = bsuidPrefixLength(text);
  const first = bsuid > 0 ? bsuid : text.indexOf('.');
  const last = text.lastIndexOf('.');
  if (first === -1 || first === last) return UNREADABLE; // fewer than three segments
  const connectorId = text.slice(last + 1).trim();
  if (connectorId === '') return UNREADABLE;
  const phone = text.slice(0, first).trim();
  const middle = text.slice(first + 1, last);
  let extraSegments = 0;
  for (let i = middle.indexOf('.'); i !== -1; i = middle.indexOf('.', i + 1)) extraSegments++;
  return {
    connectorId,
    readable: true,
    phone: phone === '' ? undefined : phone,
    operation: /\s/.test(middle)
      ? middle
          .split('.')
          .map((segment) => segment.trim())
          .join('.')
      : middle,
    extraSegments,
  };
}

/** Connector id → display name (e.g. from `information.php?api=connectors`). */
export type ConnectorNames = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

/** The connector's name when known, else its id; `unknownLabel` for the unreadable sentinel. */
export function connectorName(
  id: string,
  names?: ConnectorNames,
  unknownLabel = 'Unreadable SESSION_ID',
): string {
  if (id === UNKNOWN_CONNECTOR) return unknownLabel;
  let name: string | undefined;
  if (names instanceof Map) name = names.get(id);
  else if (names && Object.prototype.hasOwnProperty.call(names, id)) {
    name = (names as Readonly<Record<string, string>>)[id];
  }
  return name !== undefined && name.trim() !== '' ? name : id;
}
