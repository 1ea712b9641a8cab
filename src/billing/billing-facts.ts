import type { CellValue, ReportRow } from '../reports/column-types';
import { DAY } from '../reports/time-range';
import { parseSessionId, UNKNOWN_CONNECTOR } from './connector';
import { phoneDigits, readCountryKey, readTemplateFlag } from './row-fields';

/**
 * What the cost estimate and the usage charts need of each report-10 row, read once per
 * loaded row set into typed arrays. A filter then costs one tight pass over integers instead
 * of parsing a million SESSION_IDs, phones, countries and dates again (about 3 µs a row).
 *
 * Built on first use and cached per rows array: the rows of a load are never mutated (a
 * different length means a different set and rebuilds).
 */
export interface BillingFacts {
  readonly rowCount: number;
  /** Connector of each row → `connectors`. */
  readonly connector: Uint32Array;
  readonly connectors: readonly ConnectorFact[];
  /** DESTINY value of each row → `destinies`. */
  readonly destiny: Uint32Array;
  readonly destinies: readonly DestinyFact[];
  /** Grouping key per country (`readCountryKey`), referenced by `DestinyFact.country`. */
  readonly countries: readonly CountryFact[];
  /** TEMPLATE of each row: 1 yes, 0 no, -1 unreadable or empty. */
  readonly template: Int8Array;
  /** DATE of each row (wall-clock ms); NaN when missing or unparsed. */
  readonly time: Float64Array;
  /** Operation day of each row → `days`; -1 without a usable DATE. */
  readonly day: Int32Array;
  /** Midnight (wall-clock ms) of each day id. */
  readonly days: readonly number[];
  /** Customer of each row (connector + customer phone digits) as an id, -1 when no phone. */
  readonly customer: Int32Array;
  readonly customerCount: number;
  /**
   * Dated rows with a readable TEMPLATE in time order; at the same instant the customer's
   * message (`no`) comes first, then load order. The service-window rules walk this.
   */
  readonly chronological: Uint32Array;
}

export interface ConnectorFact {
  readonly id: string;
  /** False for the bucket of unreadable SESSION_IDs. */
  readonly readable: boolean;
}

export interface DestinyFact {
  /** The trimmed text ('' when empty). */
  readonly raw: string;
  /** → `BillingFacts.countries`. */
  readonly country: number;
}

export interface CountryFact {
  /** Market (ISO-2) when the value resolved, else the raw text. */
  readonly key: string;
  readonly market?: string;
}

const cache = new WeakMap<readonly ReportRow[], BillingFacts>();

export function billingFactsOf(rows: readonly ReportRow[]): BillingFacts {
  let facts = cache.get(rows);
  if (!facts || facts.rowCount !== rows.length) {
    facts = buildFacts(rows);
    cache.set(rows, facts);
  }
  return facts;
}

/** `fn` with its result remembered per argument: cells repeat (sessions, phones, countries). */
function memoize<K, V>(fn: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = fn(key);
      known.set(key, value);
    }
    return value;
  };
}

function buildFacts(rows: readonly ReportRow[]): BillingFacts {
  const n = rows.length;
  const connector = new Uint32Array(n);
  const destiny = new Uint32Array(n);
  const template = new Int8Array(n);
  const time = new Float64Array(n);
  const day = new Int32Array(n);
  const customer = new Int32Array(n);

  const connectors: ConnectorFact[] = [];
  // Customer ids per connector, by phone id.
  const customersOf: ((phone: number) => number)[] = [];
  let customerCount = 0;
  const connectorOf = memoize((id: string) => {
    connectors.push({ id, readable: id !== UNKNOWN_CONNECTOR });
    customersOf.push(memoize(() => customerCount++));
    return connectors.length - 1;
  });
  let phoneCount = 0;
  const digitsId = memoize((_digits: string) => phoneCount++);
  /** A phone cell as the id of its digits, -1 without digits. */
  const phoneOf = memoize((value: CellValue | undefined) => {
    const digits = phoneDigits(value);
    return digits === '' ? -1 : digitsId(digits);
  });
  const sessionOf = memoize((value: CellValue | undefined) => {
    const parts = parseSessionId(value);
    return { connector: connectorOf(parts.connectorId), phone: phoneOf(parts.phone) };
  });
  const destinies: DestinyFact[] = [];
  const countries: CountryFact[] = [];
  const countryOf = memoize((key: string) => countries.push({ key }) - 1);
  const destinyOf = memoize((value: CellValue | undefined) => {
    const { key, market, raw } = readCountryKey(value);
    const country = countryOf(key);
    if (market !== undefined) countries[country] = { key, market };
    return destinies.push({ raw, country }) - 1;
  });
  const days: number[] = [];
  const dayOf = memoize((midnight: number) => days.push(midnight) - 1);

  for (let r = 0; r < n; r++) {
    const row = rows[r] as ReportRow;
    const session = sessionOf(row.session_id);
    connector[r] = session.connector;
    destiny[r] = destinyOf(row.destiny);
    const flag = readTemplateFlag(row.template);
    template[r] = flag === true ? 1 : flag === false ? 0 : -1;
    const date = row.date;
    if (typeof date === 'number' && Number.isFinite(date)) {
      time[r] = date;
      day[r] = dayOf(Math.floor(date / DAY) * DAY);
    } else {
      time[r] = Number.NaN;
      day[r] = -1;
    }
    let phone = phoneOf(row.customer_phone);
    if (phone === -1) phone = session.phone;
    customer[r] =
      phone === -1 ? -1 : (customersOf[session.connector] as (p: number) => number)(phone);
  }

  return {
    rowCount: n,
    connector,
    connectors,
    destiny,
    destinies,
    countries,
    template,
    time,
    day,
    days,
    customer,
    customerCount,
    chronological: chronologicalOrder(template, time),
  };
}

function chronologicalOrder(template: Int8Array, time: Float64Array): Uint32Array {
  // time × 2 + flag is exact for any real date and puts `no` (0) before `yes` (1).
  const key = new Float64Array(time.length);
  const order: number[] = [];
  let sorted = true;
  let previous = -Infinity;
  for (let r = 0; r < time.length; r++) {
    const flag = template[r] as number;
    const t = time[r] as number;
    if (flag < 0 || Number.isNaN(t)) continue;
    const k = t * 2 + flag;
    key[r] = k;
    if (k < previous) sorted = false;
    previous = k;
    order.push(r);
  }
  // Stable (load order among equal keys); nearly sorted data, the usual case, is near-linear.
  if (!sorted) order.sort((a, b) => (key[a] as number) - (key[b] as number));
  return Uint32Array.from(order);
}

/**
 * Which rows a computation covers: `indices` as a set (duplicates and indices beyond the
 * rows ignored), or every row (undefined) when `indices` is missing.
 */
export function selectionMask(
  rowCount: number,
  indices: ArrayLike<number> | undefined,
): Uint8Array | undefined {
  if (!indices) return undefined;
  const mask = new Uint8Array(rowCount);
  for (let k = 0; k < indices.length; k++) {
    const r = indices[k] as number;
    if (r >= 0 && r < rowCount) mask[r] = 1;
  }
  return mask;
}

/** a[i]++ for counters (typed arrays hold 0, never undefined, within bounds). */
export function inc(a: Uint32Array, i: number): void {
  a[i] = (a[i] as number) + 1;
}
