import type { ReportRow } from '../../report-model/column-types';
import { DAY, parseIsoDate, toIsoDate } from '../../report-model/time-range';
import { billingFactsOf } from './billing-facts';
import type { CostEstimate } from './estimate-cost';
import type { UsageAggregates } from './usage-aggregates';

/**
 * Month over month: one period's figures against another's, and the change of the estimated
 * cost split into volume, mix and rate effects that add up to the change exactly, in cents.
 *
 * The figures come from the estimate's public result (`estimateCost`, whichever rules it
 * prices by) and the usage aggregates; nothing here prices a row.
 *
 * Cells are (connector, country). With q interactions, t templates and c cents per cell, and
 * C the period's total (the estimate's headline figure):
 * - volume = C0 × (Q1 − Q0) / Q0: the previous cost scaled by the change in interactions;
 * - mix = S − C0 − volume, where S = Σ t1 × (c0 / t0) × k is the current templates priced at
 *   the previous cost per template of their cell (k = C0 / Σ c0 spreads the total's tier
 *   discount and rounding over the cells, so an unchanged period gives S = C0; if the cells
 *   cost nothing, C0 is spread by interactions). Interactions
 *   moving between connectors and countries, and the template share within a cell, land here;
 *   a cell new in the current period is all mix (its cost at its own price); a cell whose
 *   previous cost came without templates is priced per interaction;
 * - rate = C1 − S: what the same traffic costs more or less per template (rate card, category
 *   mix, markup, service charges, tiers).
 * volume and S are rounded half up to cents once each; rate is what remains, so
 * volume + mix + rate = C1 − C0 exactly, by construction. Without previous interactions the
 * whole change is volume.
 */

export interface PeriodCell {
  connector: string;
  country: string;
  interactions: number;
  templates: number;
  /** Expected cost, USD cents. */
  cents: number;
}

export interface Effects {
  previous: number;
  current: number;
  change: number;
  volume: number;
  mix: number;
  rate: number;
}

/** floor(n / d + 1/2) for any sign of n (d > 0): half up, consistent under adding integers. */
function roundHalfUp(n: bigint, d: bigint): bigint {
  const num = n * 2n + d;
  const den = d * 2n;
  const q = num / den;
  return num % den !== 0n && num < 0n ? q - 1n : q;
}

const SCALE = 1_000_000_000n;

export function decomposeChange(
  previous: readonly PeriodCell[],
  current: readonly PeriodCell[],
  previousTotal: number,
  currentTotal: number,
): Effects {
  const C0 = BigInt(previousTotal);
  const C1 = BigInt(currentTotal);
  let Q0 = 0n;
  let cells0 = 0n;
  const before = new Map<string, PeriodCell>();
  for (const cell of previous) {
    Q0 += BigInt(cell.interactions);
    cells0 += BigInt(cell.cents);
    before.set(`${cell.connector}\u0000${cell.country}`, cell);
  }
  let Q1 = 0n;
  for (const cell of current) Q1 += BigInt(cell.interactions);
  const change = currentTotal - previousTotal;
  if (Q0 === 0n) {
    return {
      previous: previousTotal,
      current: currentTotal,
      change,
      volume: change,
      mix: 0,
      rate: 0,
    };
  }
  const volume = roundHalfUp(C0 * (Q1 - Q0), Q0);
  // S in units of 1/SCALE cent; each term truncated toward zero (terms are ≥ 0).
  let scaled = 0n;
  for (const cell of current) {
    const old = before.get(`${cell.connector}\u0000${cell.country}`);
    if (!old || old.interactions === 0) {
      scaled += BigInt(cell.cents) * SCALE;
      continue;
    }
    // Previous cost of the cell, its share of the previous total: c0 × C0 / Σc0; when the
    // cells cost nothing but the total does (a charge no cell carries), shared by interactions.
    const [num, den] =
      cells0 === 0n ? [BigInt(old.interactions) * C0, Q0] : [BigInt(old.cents) * C0, cells0];
    if (old.templates > 0) {
      scaled += (BigInt(cell.templates) * num * SCALE) / (BigInt(old.templates) * den);
    } else {
      scaled += (BigInt(cell.interactions) * num * SCALE) / (BigInt(old.interactions) * den);
    }
  }
  const S = roundHalfUp(scaled, SCALE);
  const mix = S - C0 - volume;
  const rate = C1 - S;
  return {
    previous: previousTotal,
    current: currentTotal,
    change,
    volume: Number(volume),
    mix: Number(mix),
    rate: Number(rate),
  };
}

// ---------------------------------------------------------------------------

export interface Figures {
  interactions: number;
  templates: number;
  /** Expected cost, USD cents (per day: allocated, see `periodFigures`). */
  cents: number;
}

export interface LabelledFigures extends Figures {
  key: string;
  label: string;
}

export interface PeriodFigures extends Figures {
  from: string;
  to: string;
  /** Distinct customers (customer id × connector, as the billing facts count them). */
  customers: number;
  connectors: LabelledFigures[];
  countries: LabelledFigures[];
  /** One per day of the period, in order (empty days included). */
  days: (Figures & { day: string })[];
  cells: PeriodCell[];
}

/** Template share of figures, 0..1 (0 without interactions). */
export const shareOfTemplates = (f: Figures): number =>
  f.interactions === 0 ? 0 : f.templates / f.interactions;

/**
 * One period's figures for the comparison: every row of the period (the table's filters do
 * not apply to a comparison). A day's cost is the period's expected cost allocated by the
 * day's share of templates (by interactions when there are none), largest remainder first,
 * so the days add up to the total to the cent.
 */
export function periodFigures(
  rows: readonly ReportRow[],
  estimate: CostEstimate,
  usage: UsageAggregates,
  from: string,
  to: string,
): PeriodFigures {
  const facts = billingFactsOf(rows);
  const seen = new Uint8Array(facts.customerCount);
  let customers = 0;
  for (let r = 0; r < facts.rowCount; r++) {
    const id = facts.customer[r] as number;
    if (id >= 0 && seen[id] === 0) {
      seen[id] = 1;
      customers++;
    }
  }
  const cells: PeriodCell[] = [];
  for (const connector of estimate.connectors)
    for (const country of connector.byCountry)
      cells.push({
        connector: connector.connectorId,
        country: country.key,
        interactions: country.rows,
        templates: country.templates,
        cents: country.cost.expected,
      });
  const total = estimate.totals.cost.expected;
  const byDay = new Map(usage.byDay.map((d) => [d.day, d]));
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  const dayList: string[] = [];
  if (start !== undefined && end !== undefined)
    for (let ms = start; ms <= end; ms += DAY) dayList.push(toIsoDate(ms));
  const weights = dayList.map((day) => {
    const d = byDay.get(day);
    return d ? d : { total: 0, templates: 0 };
  });
  const useTemplates = weights.some((w) => w.templates > 0);
  const allocated = allocate(
    total,
    weights.map((w) => (useTemplates ? w.templates : w.total)),
  );
  return {
    from,
    to,
    interactions: estimate.totals.interactions,
    templates: estimate.totals.templates,
    cents: total,
    customers,
    connectors: estimate.connectors.map((c) => ({
      key: c.connectorId,
      label: c.name,
      interactions: c.interactions,
      templates: c.templates,
      cents: c.cost.expected,
    })),
    countries: estimate.totals.byCountry.map((c) => ({
      key: c.key,
      label: c.key,
      interactions: c.rows,
      templates: c.templates,
      cents: c.cost.expected,
    })),
    days: dayList.map((day, i) => ({
      day,
      interactions: weights[i]!.total,
      templates: weights[i]!.templates,
      cents: allocated[i]!,
    })),
    cells,
  };
}

/** `total` split in proportion to `weights`, integers summing to `total` (largest remainder). */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0 || weights.length === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const T = BigInt(total);
  const S = BigInt(sum);
  const base = weights.map((w) => (T * BigInt(w)) / S);
  const rest = weights.map((w, i) => T * BigInt(w) - base[i]! * S);
  let left = Number(T - base.reduce((a, b) => a + b, 0n));
  const order = weights.map((_, i) => i).sort((a, b) => Number(rest[b]! - rest[a]!) || a - b);
  const out = base.map(Number);
  for (const i of order) {
    if (left <= 0) break;
    out[i]! += 1;
    left--;
  }
  return out;
}

export interface ComparedLine {
  key: string;
  label: string;
  previous: Figures;
  current: Figures;
  /** current − previous, cents. */
  change: number;
}

const zero: Figures = { interactions: 0, templates: 0, cents: 0 };

/** Lines of both periods matched by key, by the larger |change| first, then key. */
export function compareLines(
  previous: readonly LabelledFigures[],
  current: readonly LabelledFigures[],
): ComparedLine[] {
  const lines = new Map<string, ComparedLine>();
  for (const p of previous)
    lines.set(p.key, { key: p.key, label: p.label, previous: p, current: zero, change: 0 });
  for (const c of current) {
    const line = lines.get(c.key);
    if (line) {
      line.current = c;
      line.label = c.label;
    } else lines.set(c.key, { key: c.key, label: c.label, previous: zero, current: c, change: 0 });
  }
  const out = [...lines.values()];
  for (const line of out) line.change = line.current.cents - line.previous.cents;
  return out.sort(
    (a, b) =>
      Math.abs(b.change) - Math.abs(a.change) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

export interface PreviousPeriod {
  from: string;
  to: string;
  /**
   * Calendar months it spans when the period is whole calendar months (then it is the same
   * number of months right before); undefined when it is the same number of days before.
   */
  months?: number;
}

/**
 * The period a comparison takes by default. A period of whole calendar months (from the 1st
 * of a month to the last day of the same or a later month) is compared with as many calendar
 * months right before it, as a supervisor reads a bill: October with September, March with
 * February (28 or 29 days), July–September with April–June. Any other period, with the same
 * number of days ending the day before `from`.
 */
export function previousPeriod(from: string, to: string): PreviousPeriod | undefined {
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  if (start === undefined || end === undefined || end < start) return undefined;
  const first = new Date(start);
  const last = new Date(end);
  const wholeMonths = first.getUTCDate() === 1 && new Date(end + DAY).getUTCDate() === 1;
  if (wholeMonths) {
    const months =
      (last.getUTCFullYear() - first.getUTCFullYear()) * 12 +
      (last.getUTCMonth() - first.getUTCMonth()) +
      1;
    const previousStart = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() - months, 1);
    return { from: toIsoDate(previousStart), to: toIsoDate(start - DAY), months };
  }
  const days = Math.round((end - start) / DAY) + 1;
  return { from: toIsoDate(start - days * DAY), to: toIsoDate(start - DAY) };
}

export interface MonthOverMonth {
  previous: PeriodFigures;
  current: PeriodFigures;
  effects: Effects;
  connectors: ComparedLine[];
  countries: ComparedLine[];
}

export function monthOverMonth(previous: PeriodFigures, current: PeriodFigures): MonthOverMonth {
  return {
    previous,
    current,
    effects: decomposeChange(previous.cells, current.cells, previous.cents, current.cents),
    connectors: compareLines(previous.connectors, current.connectors),
    countries: compareLines(previous.countries, current.countries),
  };
}
