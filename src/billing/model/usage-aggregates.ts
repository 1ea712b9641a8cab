import type { ReportRow } from '../../report-model/column-types';
import {
  DAY,
  groupWeeks,
  MAX_DAILY_BARS,
  parseIsoDate,
  toIsoDate,
} from '../../report-model/time-range';
import { billingFactsOf, inc, selectionMask, type CountryFact } from './billing-facts';
import { connectorName, type ConnectorNames } from '../../report-model/connector';

/**
 * One-pass usage aggregates of report 10 rows for the billing charts. Feed it
 * the table's filtered/sorted view as `indices` so charts follow the table.
 *
 * Template flag (see readTemplateFlag): yes → template, no → non-template,
 * anything else (unreadable text, null) → `unknown`. Template share = templates / (templates +
 * non-templates), i.e. over rows with a readable flag; 0 when there are none.
 */

export interface UsageCounts {
  total: number;
  templates: number;
  nonTemplates: number;
  unknown: number;
}

export interface DayUsage extends UsageCounts {
  /** ISO date (operation local day). */
  day: string;
}

export interface ShareEntry extends UsageCounts {
  key: string;
  label: string;
  /** templates / (templates + nonTemplates), 0..1. */
  templateShare: number;
}

export interface ConnectorShare extends ShareEntry {
  /** False for the bucket of unreadable SESSION_IDs. */
  readable: boolean;
}

export interface CountryShare extends ShareEntry {
  /** ISO-2 market when the DESTINY value resolved. */
  market?: string;
  /** Distinct raw DESTINY values grouped here (for drill-down filters). */
  values: string[];
}

export interface UsageAggregates extends UsageCounts {
  /** Ascending; days without rows inside the span are filled with zeros (span ≤ maxFillDays). */
  byDay: DayUsage[];
  /** Rows without a usable DATE (not in byDay). */
  undatedRows: number;
  /** Sorted by total (desc), then key. */
  byConnector: ConnectorShare[];
  /** Sorted by total (desc), then key. */
  byCountry: CountryShare[];
  unreadableSessionRows: number;
}

export interface UsageOptions {
  connectorNames?: ConnectorNames;
  /** Label of the unreadable-SESSION_ID bucket. */
  unknownConnectorLabel?: string;
  /** Fill missing days only when the span is at most this many days (default 400). */
  maxFillDays?: number;
}

const emptyCounts = (): UsageCounts => ({ total: 0, templates: 0, nonTemplates: 0, unknown: 0 });

export function templateShare(counts: UsageCounts): number {
  const known = counts.templates + counts.nonTemplates;
  return known === 0 ? 0 : counts.templates / known;
}

export function aggregateUsage(
  rows: readonly ReportRow[],
  indices?: ArrayLike<number>,
  options: UsageOptions = {},
): UsageAggregates {
  const facts = billingFactsOf(rows);
  const mask = selectionMask(facts.rowCount, indices);
  // Rows per (day | connector | DESTINY value) × TEMPLATE (yes, no, unknown) in one pass.
  const perDay = new Uint32Array(facts.days.length * 3);
  const perConnector = new Uint32Array(facts.connectors.length * 3);
  const perDestiny = new Uint32Array(facts.destinies.length * 3);
  const { template, day, connector, destiny } = facts;
  for (let r = 0; r < facts.rowCount; r++) {
    if (mask && mask[r] === 0) continue;
    const flag = template[r] as number;
    const kind = flag === 1 ? 0 : flag === 0 ? 1 : 2;
    const d = day[r] as number;
    if (d >= 0) inc(perDay, d * 3 + kind);
    inc(perConnector, (connector[r] as number) * 3 + kind);
    inc(perDestiny, (destiny[r] as number) * 3 + kind);
  }

  const all = emptyCounts();
  let unreadableSessionRows = 0;
  const days = new Map<number, DayUsage>();
  facts.days.forEach((midnight, d) => {
    const counts = countsAt(perDay, d);
    if (counts.total > 0) days.set(midnight, { day: toIsoDate(midnight), ...counts });
  });
  const byConnector: ConnectorShare[] = [];
  facts.connectors.forEach(({ id, readable }, c) => {
    const counts = countsAt(perConnector, c);
    if (counts.total === 0) return;
    addCounts(all, counts);
    if (!readable) unreadableSessionRows += counts.total;
    byConnector.push({
      key: id,
      label: connectorName(id, options.connectorNames, options.unknownConnectorLabel),
      ...counts,
      templateShare: templateShare(counts),
      readable,
    });
  });
  let datedRows = 0;
  for (const entry of days.values()) datedRows += entry.total;

  const countries = new Map<number, UsageCounts & { values: Set<string> }>();
  facts.destinies.forEach(({ raw, country }, d) => {
    const counts = countsAt(perDestiny, d);
    if (counts.total === 0) return;
    let entry = countries.get(country);
    if (!entry) {
      entry = { ...emptyCounts(), values: new Set() };
      countries.set(country, entry);
    }
    addCounts(entry, counts);
    entry.values.add(raw);
  });
  const byCountry = [...countries].map(([country, c]): CountryShare => {
    const { key, market } = facts.countries[country] as CountryFact;
    const entry: CountryShare = {
      key,
      label: key,
      total: c.total,
      templates: c.templates,
      nonTemplates: c.nonTemplates,
      unknown: c.unknown,
      templateShare: templateShare(c),
      values: [...c.values].sort(),
    };
    if (market !== undefined) entry.market = market;
    return entry;
  });

  const byTotal = (a: ShareEntry, b: ShareEntry) => b.total - a.total || a.key.localeCompare(b.key);
  return {
    ...all,
    byDay: fillDays(days, options.maxFillDays ?? 400),
    undatedRows: all.total - datedRows,
    byConnector: byConnector.sort(byTotal),
    byCountry: byCountry.sort(byTotal),
    unreadableSessionRows,
  };
}

function countsAt(perKind: Uint32Array, at: number): UsageCounts {
  const templates = perKind[at * 3] as number;
  const nonTemplates = perKind[at * 3 + 1] as number;
  const unknown = perKind[at * 3 + 2] as number;
  return { total: templates + nonTemplates + unknown, templates, nonTemplates, unknown };
}

function addCounts(target: UsageCounts, counts: UsageCounts): void {
  target.total += counts.total;
  target.templates += counts.templates;
  target.nonTemplates += counts.nonTemplates;
  target.unknown += counts.unknown;
}

function fillDays(days: Map<number, DayUsage>, maxFillDays: number): DayUsage[] {
  const keys = [...days.keys()].sort((a, b) => a - b);
  const first = keys[0];
  const last = keys[keys.length - 1];
  if (first === undefined || last === undefined) return [];
  if ((last - first) / DAY + 1 > maxFillDays) {
    return keys.map((key) => days.get(key) as DayUsage);
  }
  const out: DayUsage[] = [];
  for (let t = first; t <= last; t += DAY) {
    out.push(days.get(t) ?? { day: toIsoDate(t), ...emptyCounts() });
  }
  return out;
}

export interface PeriodUsage extends UsageCounts {
  /** First and last ISO day of the period, within the charted days. */
  from: string;
  to: string;
}

/**
 * The chart's bars: one per day, or, beyond `maxDays` days, one per week (Monday to Sunday,
 * the first and last clipped to the days given), as the per-day charts of every report.
 */
export function usagePeriods(
  byDay: readonly DayUsage[],
  maxDays = MAX_DAILY_BARS,
): { unit: 'day' | 'week'; periods: PeriodUsage[] } {
  const period = ({ day, ...counts }: DayUsage): PeriodUsage => ({ from: day, to: day, ...counts });
  if (byDay.length <= maxDays) return { unit: 'day', periods: byDay.map(period) };
  const periods = groupWeeks(
    byDay,
    (day) => day.day,
    period,
    (week, { day, ...counts }) => {
      week.to = day;
      addCounts(week, counts);
    },
  );
  return { unit: 'week', periods };
}

/** Wall-clock ms range [start, end] of an ISO day, for drill-down filters. */
export function dayBounds(isoDate: string): { start: number; end: number } | undefined {
  const start = parseIsoDate(isoDate);
  return start === undefined ? undefined : { start, end: start + DAY - 1 };
}
