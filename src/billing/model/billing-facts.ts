import type { CellValue, ReportRow } from '../../report-model/column-types';
import { DAY } from '../../report-model/time-range';
import { parseSessionId, UNKNOWN_CONNECTOR } from '../../report-model/connector';
import { digitsOf } from '../../engine/cell-text';
import { parseBsuid } from '../../report-model/bsuid';
import { countryOfCustomerId } from './country';
import { readCountryKey, readTemplateFlag } from './row-fields';
import { yieldToMain } from '../../shared/yield-to-main';

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
  if (hasBillingFacts(rows)) return Promise.resolve();
  const steps = buildFacts(rows);
  return runInSlices(
    (function* () {
      const facts = yield* steps;
      cache.set(rows, facts);
      return facts;
    })(),
    signal,
  );
}

/**
 * Runs `steps` one slice per task (the first now), yielding with `yieldToMain` (no 4 ms clamp
 * of nested timers between slices); `signal` stops it.
 */
async function runInSlices(
  steps: Generator<void, unknown> | undefined,
  signal?: AbortSignal,
): Promise<void> {
  if (!steps) return;
  for (;;) {
    if (signal?.aborted) throw signal.reason;
    if (steps.next().done) return;
    await yieldToMain();
  }
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
  const builder = new FactsBuilder(n);
  for (let from = 0; from < n; from += SLICE_ROWS) {
    if (from > 0) yield;
    builder.read(rows, from, Math.min(n, from + SLICE_ROWS));
  }
  yield;
  return builder.facts();
}

/**
 * Reads rows into per-row typed arrays at consecutive positions, with one set of
 * dictionaries (connectors, DESTINY values, countries, days, customers) for everything it
 * reads: a whole row set at once, or the pieces of a load as they arrive (FactsWhileLoading).
 */
class FactsBuilder {
  size = 0;
  connector: Uint32Array;
  destiny: Uint32Array;
  template: Int8Array;
  time: Float64Array;
  day: Int32Array;
  customer: Int32Array;
  readonly connectors: ConnectorFact[] = [];
  readonly destinies: DestinyFact[] = [];
  readonly countries: CountryFact[] = [];
  readonly days: number[] = [];
  // SESSION_IDs and phones are nearly unique per row in campaign traffic: no Map of those.
  readonly customers = new CustomerIds();
  private readonly connectorOf = memoize((id: string) => {
    this.connectors.push({ id, readable: id !== UNKNOWN_CONNECTOR });
    return this.connectors.length - 1;
  });
  private readonly countryOf = memoize((key: string) => this.countries.push({ key }) - 1);
  private readonly destinyOf = memoize((value: CellValue | undefined) => {
    const { key, market, raw } = readCountryKey(value);
    const country = this.countryOf(key);
    if (market !== undefined) this.countries[country] = { key, market };
    return this.destinies.push({ raw, country }) - 1;
  });
  private readonly dayOf = memoize((midnight: number) => this.days.push(midnight) - 1);
  private readonly oddPhones = memoize((_digits: string) => -this.customers.oddPhones++ - 1);

  constructor(capacity: number) {
    this.connector = new Uint32Array(capacity);
    this.destiny = new Uint32Array(capacity);
    this.template = new Int8Array(capacity);
    this.time = new Float64Array(capacity);
    this.day = new Int32Array(capacity);
    this.customer = new Int32Array(capacity);
  }

  private phoneNumber(value: CellValue | undefined): number {
    const key = phoneKey(value);
    return typeof key === 'number' ? key : key === '' ? Number.NaN : this.oddPhones(key);
  }

  /** Room for `extra` more rows (doubling). */
  private reserve(extra: number): void {
    const need = this.size + extra;
    if (need <= this.connector.length) return;
    const capacity = Math.max(need, this.connector.length * 2);
    const grow = <T extends Uint32Array | Int8Array | Float64Array | Int32Array>(
      old: T,
      make: (n: number) => T,
    ): T => {
      const next = make(capacity);
      next.set(old.subarray(0, this.size) as never);
      return next;
    };
    this.connector = grow(this.connector, (k) => new Uint32Array(k));
    this.destiny = grow(this.destiny, (k) => new Uint32Array(k));
    this.template = grow(this.template, (k) => new Int8Array(k));
    this.time = grow(this.time, (k) => new Float64Array(k));
    this.day = grow(this.day, (k) => new Int32Array(k));
    this.customer = grow(this.customer, (k) => new Int32Array(k));
  }

  /** Reads rows[from, to) at positions size … size + (to − from) − 1. */
  read(rows: readonly ReportRow[], from: number, to: number): void {
    this.reserve(to - from);
    const { connector, destiny, template, time, day, customer, countries, destinies } = this;
    let at = this.size;
    for (let r = from; r < to; r++, at++) {
      const row = rows[r] as ReportRow;
      const session = parseSessionId(row.session_id);
      const con = this.connectorOf(session.connectorId);
      connector[at] = con;
      let d = this.destinyOf(row.destiny);
      if (countries[(destinies[d] as DestinyFact).country]?.market === undefined) {
        // DESTINY does not name a market: a BSUID customer id names its country.
        const bsuidCountry =
          countryOfCustomerId(row.customer_phone) ?? countryOfCustomerId(session.phone);
        if (bsuidCountry !== undefined) d = this.destinyOf(bsuidCountry);
      }
      destiny[at] = d;
      const flag = readTemplateFlag(row.template);
      template[at] = flag === true ? 1 : flag === false ? 0 : -1;
      const date = row.date;
      if (typeof date === 'number' && Number.isFinite(date)) {
        time[at] = date;
        day[at] = this.dayOf(Math.floor(date / DAY) * DAY);
      } else {
        time[at] = Number.NaN;
        day[at] = -1;
      }
      let phone = this.phoneNumber(row.customer_phone);
      if (Number.isNaN(phone)) phone = this.phoneNumber(session.phone);
      customer[at] = Number.isNaN(phone) ? -1 : this.customers.id(phone, con);
    }
    this.size = at;
  }

  /** The facts of positions 0 … size − 1 (or of `arrays`, laid out by the caller). */
  facts(arrays: PerRow = this.trimmed()): BillingFacts {
    return {
      rowCount: arrays.connector.length,
      ...arrays,
      connectors: this.connectors,
      destinies: this.destinies,
      countries: this.countries,
      days: this.days,
      customerCount: this.customers.size,
      chronological: chronologicalOrder(arrays.template, arrays.time),
    };
  }

  private trimmed(): PerRow {
    const cut = <T extends { length: number; slice(a: number, b: number): T }>(a: T) =>
      a.length === this.size ? a : a.slice(0, this.size);
    return {
      connector: cut(this.connector),
      destiny: cut(this.destiny),
      template: cut(this.template),
      time: cut(this.time),
      day: cut(this.day),
      customer: cut(this.customer),
    };
  }

  /** Empty per-row arrays for `n` rows. */
  static perRow(n: number): PerRow {
    return {
      connector: new Uint32Array(n),
      destiny: new Uint32Array(n),
      template: new Int8Array(n),
      time: new Float64Array(n),
      day: new Int32Array(n),
      customer: new Int32Array(n),
    };
  }

  /** Copies positions [from, from + count) to `into` at `at`. */
  copy(from: number, count: number, into: PerRow, at: number): void {
    const end = from + count;
    into.connector.set(this.connector.subarray(from, end), at);
    into.destiny.set(this.destiny.subarray(from, end), at);
    into.template.set(this.template.subarray(from, end), at);
    into.time.set(this.time.subarray(from, end), at);
    into.day.set(this.day.subarray(from, end), at);
    into.customer.set(this.customer.subarray(from, end), at);
  }
}

type PerRow = Pick<
  BillingFacts,
  'connector' | 'destiny' | 'template' | 'time' | 'day' | 'customer'
>;

/**
 * The billing facts of a load built while it loads: each piece of rows that arrives (an
 * answered call, `offer`) is read in background slices (`step`), so that when the load's
 * rows are handed over (`assemble`) only what was not read yet is left to do. The load's
 * rows are checked to be the pieces' own row objects, in runs; any row that is not (a
 * duplicate removed, a piece cut) is read then, so the result is the facts of exactly those
 * rows, as `billingFactsOf` would build them (dictionary entries that no row uses count
 * nothing anywhere).
 */
export class FactsWhileLoading {
  private readonly builder = new FactsBuilder(1 << 16);
  private queue: Segment[] = [];
  private readonly offered = new Set<readonly ReportRow[]>();
  /** Segments read or being read, by their first row. */
  private readonly byFirstRow = new Map<ReportRow, Segment>();

  /** Queues an arrived piece's rows (once per array). */
  offer(rows: readonly ReportRow[]): void {
    if (rows.length === 0 || this.offered.has(rows)) return;
    this.offered.add(rows);
    const segment: Segment = { rows, from: 0, to: rows.length, start: -1, read: 0 };
    this.queue.push(segment);
    if (!this.byFirstRow.has(rows[0] as ReportRow))
      this.byFirstRow.set(rows[0] as ReportRow, segment);
  }

  /** Whether queued rows are left to read. */
  get pending(): boolean {
    return this.queue.length > 0;
  }

  /** Reads at most `budget` queued rows; returns whether some are left. */
  step(budget = SLICE_ROWS): boolean {
    while (budget > 0 && this.queue.length > 0) {
      const segment = this.queue[0] as Segment;
      if (segment.start < 0) segment.start = this.builder.size;
      const from = segment.from + segment.read;
      const to = Math.min(segment.to, from + budget);
      this.builder.read(segment.rows, from, to);
      segment.read += to - from;
      budget -= to - from;
      if (from + (to - from) >= segment.to) this.queue.shift();
    }
    return this.queue.length > 0;
  }

  /**
   * The facts of `rows` (the load's result), yielding between slices; also cached for
   * `rows`, so every estimate of them is a quick pass.
   */
  *assemble(rows: readonly ReportRow[]): Generator<void, BillingFacts> {
    const n = rows.length;
    const runs: { segment: Segment; at: number }[] = [];
    const used = new Set<Segment>();
    let fresh = -1;
    let checked = 0;
    const endFresh = (at: number) => {
      if (fresh < 0) return;
      const segment: Segment = { rows, from: fresh, to: at, start: -1, read: 0 };
      used.add(segment);
      runs.push({ segment, at: fresh });
      fresh = -1;
    };
    for (let i = 0; i < n;) {
      const segment = this.byFirstRow.get(rows[i] as ReportRow);
      const length = segment ? segment.to - segment.from : 0;
      if (segment && !used.has(segment) && i + length <= n && sameRows(rows, i, segment)) {
        endFresh(i);
        used.add(segment);
        runs.push({ segment, at: i });
        i += length;
      } else {
        if (fresh < 0) fresh = i;
        i++;
      }
      // Comparing row objects costs a fraction of reading them: a slice compares more.
      checked += length || 1;
      if (checked >= SLICE_ROWS * 8) {
        checked = 0;
        yield;
      }
    }
    endFresh(n);
    // Read next: what the rows need and is not read yet. A piece they do not hold as it is
    // needs no more reading; one left half read is read again whole if ever needed (a
    // piece's positions must be consecutive).
    const head = this.queue[0];
    this.queue = this.queue.filter((segment) => used.has(segment));
    if (head && head !== this.queue[0]) head.start = head.read = -1;
    for (const segment of used) {
      if (segment.read === segment.to - segment.from || this.queue.includes(segment)) continue;
      segment.start = -1;
      segment.read = 0;
      this.queue.push(segment);
    }
    while (this.step()) yield;
    const arrays = FactsBuilder.perRow(n);
    for (const { segment, at } of runs)
      this.builder.copy(segment.start, segment.to - segment.from, arrays, at);
    yield;
    const facts = this.builder.facts(arrays);
    cache.set(rows, facts);
    return facts;
  }
}

interface Segment {
  rows: readonly ReportRow[];
  from: number;
  to: number;
  /** Builder position of rows[from]; -1 before it is read. */
  start: number;
  /** Rows read so far. */
  read: number;
}

/** Whether rows[at …] are segment's rows, the same objects in the same order. */
function sameRows(rows: readonly ReportRow[], at: number, segment: Segment): boolean {
  const { rows: own, from, to } = segment;
  for (let k = from; k < to; k++) if (rows[at + k - from] !== own[k]) return false;
  return true;
}

/**
 * Builds the facts of a load's rows from a FactsWhileLoading (what it read while the load
 * ran, and the rest), in slices like prepareBillingFacts.
 */
export function prepareBillingFactsFrom(
  loading: FactsWhileLoading,
  rows: readonly ReportRow[],
  signal?: AbortSignal,
): Promise<void> {
  return runInSlices(hasBillingFacts(rows) ? undefined : loading.assemble(rows), signal);
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
