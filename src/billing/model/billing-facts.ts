import type { CellValue, ReportRow } from '../../report-model/column-types';
import { DAY } from '../../report-model/time-range';
import { parseSessionId, UNKNOWN_CONNECTOR } from '../../report-model/connector';
import { digitsOf } from '../../engine/cell-text';
import { parseBsuid } from '../../report-model/bsuid';
import { countryOfCustomerId } from './country';
import { readCountryKey, readTemplateFlag } from './row-fields';

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
/** Rows read per slice when the facts are prepared in the background (≈ 20–40 ms each). */
const SLICE_ROWS = 50_000;

/** Whether the facts of these rows are built (then every estimate is a quick pass). */
export function hasBillingFacts(rows: readonly ReportRow[]): boolean {
  return cache.get(rows)?.rowCount === rows.length;
}

/** The facts of these rows, built now if need be. */
export function billingFactsOf(rows: readonly ReportRow[]): BillingFacts {
  if (hasBillingFacts(rows)) return cache.get(rows) as BillingFacts;
  const steps = buildFacts(rows);
  let step = steps.next();
  while (!step.done) step = steps.next();
  cache.set(rows, step.value);
  return step.value;
}

/**
 * Builds the facts in slices of rows, one per task, so reading a million rows after a load
 * never holds up typing for long. Resolves when they are cached; `signal` stops it.
 */
export function prepareBillingFacts(
  rows: readonly ReportRow[],
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (hasBillingFacts(rows)) return resolve();
    const steps = buildFacts(rows);
    const slice = () => {
      if (signal?.aborted) return reject(signal.reason);
      const step = steps.next();
      if (!step.done) return void setTimeout(slice, 0);
      cache.set(rows, step.value);
      resolve();
    };
    slice();
  });
}

/** `fn` with its result remembered per argument, for cells that repeat (connectors, countries). */
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

/** Yields after each slice of rows; returns the facts. */
function* buildFacts(rows: readonly ReportRow[]): Generator<void, BillingFacts> {
  const n = rows.length;
  const connector = new Uint32Array(n);
  const destiny = new Uint32Array(n);
  const template = new Int8Array(n);
  const time = new Float64Array(n);
  const day = new Int32Array(n);
  const customer = new Int32Array(n);

  const connectors: ConnectorFact[] = [];
  const connectorOf = memoize((id: string) => {
    connectors.push({ id, readable: id !== UNKNOWN_CONNECTOR });
    return connectors.length - 1;
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
  // SESSION_IDs and phones are nearly unique per row in campaign traffic: no Map of those.
  const customers = new CustomerIds();
  const oddPhones = memoize((_digits: string) => -customers.oddPhones++ - 1);
  const phoneNumber = (value: CellValue | undefined): number => {
    const key = phoneKey(value);
    return typeof key === 'number' ? key : key === '' ? Number.NaN : oddPhones(key);
  };

  for (let r = 0; r < n; r++) {
    if (r > 0 && r % SLICE_ROWS === 0) yield;
    const row = rows[r] as ReportRow;
    const session = parseSessionId(row.session_id);
    const con = connectorOf(session.connectorId);
    connector[r] = con;
    let d = destinyOf(row.destiny);
    if (countries[(destinies[d] as DestinyFact).country]?.market === undefined) {
      // DESTINY does not name a market: a BSUID customer id names its country.
      const bsuidCountry =
        countryOfCustomerId(row.customer_phone) ?? countryOfCustomerId(session.phone);
      if (bsuidCountry !== undefined) d = destinyOf(bsuidCountry);
    }
    destiny[r] = d;
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
    let phone = phoneNumber(row.customer_phone);
    if (Number.isNaN(phone)) phone = phoneNumber(session.phone);
    customer[r] = Number.isNaN(phone) ? -1 : customers.id(phone, con);
  }

  yield;
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
    customerCount: customers.size,
    chronological: chronologicalOrder(template, time),
  };
}

/**
 * A phone cell's digits (as the engine's phone filter reads them, `digitsOf`) as a number when that is exact and
 * one-to-one: 1 to 15 digits, no leading zero. Otherwise the digit string ('' when none).
 */
function phoneKey(value: CellValue | undefined): number | string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  // A BSUID is an id, kept whole (its letters keep it apart from any digit string).
  const bsuid = parseBsuid(value);
  if (bsuid) return bsuid.key;
  const text = typeof value === 'string' ? value : String(value);
  let number = 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) continue;
    if (count === 0 && digit === 0) return digitsOf(text);
    number = number * 10 + digit;
    count++;
  }
  if (count === 0) return '';
  return count <= 15 ? number : digitsOf(text);
}

/**
 * Dense ids of (phone, connector) pairs: open addressing over typed arrays. Phones are
 * numbers (phoneKey; odd ones get negative stand-ins); a Map of a million phone strings
 * costs seconds where this costs tens of milliseconds.
 */
class CustomerIds {
  size = 0;
  /** Stand-ins handed out for phones that are not exact numbers. */
  oddPhones = 0;
  private phones = new Float64Array(1 << 16);
  private connectors = new Int32Array(1 << 16);
  private ids = new Int32Array(1 << 16).fill(-1);

  id(phone: number, connector: number): number {
    let mask = this.ids.length - 1;
    let slot = hash(phone, connector) & mask;
    for (;;) {
      const id = this.ids[slot] as number;
      if (id === -1) break;
      if (this.phones[slot] === phone && this.connectors[slot] === connector) return id;
      slot = (slot + 1) & mask;
    }
    if ((this.size + 1) * 2 > this.ids.length) {
      this.grow();
      mask = this.ids.length - 1;
      slot = hash(phone, connector) & mask;
      while (this.ids[slot] !== -1) slot = (slot + 1) & mask;
    }
    this.phones[slot] = phone;
    this.connectors[slot] = connector;
    this.ids[slot] = this.size;
    return this.size++;
  }

  private grow(): void {
    const { phones, connectors, ids } = this;
    const capacity = ids.length * 2;
    this.phones = new Float64Array(capacity);
    this.connectors = new Int32Array(capacity);
    this.ids = new Int32Array(capacity).fill(-1);
    const mask = capacity - 1;
    for (let old = 0; old < ids.length; old++) {
      const id = ids[old] as number;
      if (id === -1) continue;
      let slot = hash(phones[old] as number, connectors[old] as number) & mask;
      while (this.ids[slot] !== -1) slot = (slot + 1) & mask;
      this.phones[slot] = phones[old] as number;
      this.connectors[slot] = connectors[old] as number;
      this.ids[slot] = id;
    }
  }
}

/** Mixes an integer-valued double (|x| < 2^53) and a small integer into 32 bits. */
function hash(phone: number, connector: number): number {
  const low = (phone % 4_294_967_296) | 0;
  const high = Math.floor(phone / 4_294_967_296) | 0;
  let h = Math.imul(
    low ^ Math.imul(high, 0x9e3779b1) ^ Math.imul(connector + 1, 0x85ebca6b),
    0x27d4eb2d,
  );
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 13);
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

/** The fields the pricing pass reads, copied in `chronological` order (see chronologicalFacts). */
export interface ChronologicalFacts {
  /** Row index of each position (= facts.chronological). */
  readonly row: Uint32Array;
  readonly connector: Uint32Array;
  /** Country index (DestinyFact.country) of each position. */
  readonly country: Uint32Array;
  readonly customer: Int32Array;
  readonly time: Float64Array;
  readonly day: Int32Array;
  readonly template: Int8Array;
}

const chronologicalCache = new WeakMap<BillingFacts, ChronologicalFacts>();

/**
 * The per-row fields in time order, built once per row set. The pricing pass walks rows in
 * time order; reading six arrays at the scattered positions of a million rows cost a cache
 * miss each (≈ 300 ms a pass on a busy 2-core machine); read in sequence, only the
 * per-customer window state is scattered.
 */
export function chronologicalFacts(facts: BillingFacts): ChronologicalFacts {
  let kept = chronologicalCache.get(facts);
  if (kept) return kept;
  const order = facts.chronological;
  const n = order.length;
  const countryOf = Uint32Array.from(facts.destinies, (d) => d.country);
  const out = {
    row: order,
    connector: new Uint32Array(n),
    country: new Uint32Array(n),
    customer: new Int32Array(n),
    time: new Float64Array(n),
    day: new Int32Array(n),
    template: new Int8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const r = order[i] as number;
    out.connector[i] = facts.connector[r] as number;
    out.country[i] = countryOf[facts.destiny[r] as number] as number;
    out.customer[i] = facts.customer[r] as number;
    out.time[i] = facts.time[r] as number;
    out.day[i] = facts.day[r] as number;
    out.template[i] = facts.template[r] as number;
  }
  kept = out;
  chronologicalCache.set(facts, kept);
  return kept;
}
