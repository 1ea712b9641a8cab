import type { ReportRow } from '../reports/column-types';
import { DAY, parseIsoDate, toIsoDate } from '../reports/time-range';
import { connectorName, parseSessionId, type ConnectorNames } from './connector';
import { readCountryKey, readTemplateFlag } from './row-fields';

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

function bump(counts: UsageCounts, flag: boolean | undefined): void {
  counts.total++;
  if (flag === true) counts.templates++;
  else if (flag === false) counts.nonTemplates++;
  else counts.unknown++;
}

export function templateShare(counts: UsageCounts): number {
  const known = counts.templates + counts.nonTemplates;
  return known === 0 ? 0 : counts.templates / known;
}

export function aggregateUsage(
  rows: readonly ReportRow[],
  indices?: ArrayLike<number>,
  options: UsageOptions = {},
): UsageAggregates {
  const all = emptyCounts();
  const days = new Map<number, DayUsage>();
  const connectors = new Map<string, UsageCounts & { readable: boolean }>();
  const countries = new Map<string, UsageCounts & { market?: string; values: Set<string> }>();
  let undatedRows = 0;
  let unreadableSessionRows = 0;

  const count = indices ? indices.length : rows.length;
  for (let k = 0; k < count; k++) {
    const row = rows[indices ? (indices[k] as number) : k];
    if (!row) continue;
    const flag = readTemplateFlag(row.template);
    bump(all, flag);

    if (typeof row.date === 'number' && Number.isFinite(row.date)) {
      const midnight = Math.floor(row.date / DAY) * DAY;
      let day = days.get(midnight);
      if (!day) {
        day = { day: toIsoDate(midnight), ...emptyCounts() };
        days.set(midnight, day);
      }
      bump(day, flag);
    } else undatedRows++;

    const session = parseSessionId(row.session_id);
    if (!session.readable) unreadableSessionRows++;
    let connector = connectors.get(session.connectorId);
    if (!connector) {
      connector = { ...emptyCounts(), readable: session.readable };
      connectors.set(session.connectorId, connector);
    }
    bump(connector, flag);

    const { key, market, raw: rawText } = readCountryKey(row.destiny);
    let country = countries.get(key);
    if (!country) {
      country = { ...emptyCounts(), market, values: new Set() };
      countries.set(key, country);
    }
    country.values.add(rawText);
    bump(country, flag);
  }

  const byTotal = (a: ShareEntry, b: ShareEntry) => b.total - a.total || a.key.localeCompare(b.key);

  return {
    ...all,
    byDay: fillDays(days, options.maxFillDays ?? 400),
    undatedRows,
    byConnector: [...connectors]
      .map(([key, c]): ConnectorShare => ({
        key,
        label: connectorName(key, options.connectorNames, options.unknownConnectorLabel),
        total: c.total,
        templates: c.templates,
        nonTemplates: c.nonTemplates,
        unknown: c.unknown,
        templateShare: templateShare(c),
        readable: c.readable,
      }))
      .sort(byTotal),
    byCountry: [...countries]
      .map(([key, c]): CountryShare => {
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
        if (c.market !== undefined) entry.market = c.market;
        return entry;
      })
      .sort(byTotal),
    unreadableSessionRows,
  };
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

/** Wall-clock ms range [start, end] of an ISO day, for drill-down filters. */
export function dayBounds(isoDate: string): { start: number; end: number } | undefined {
  const start = parseIsoDate(isoDate);
  return start === undefined ? undefined : { start, end: start + DAY - 1 };
}
