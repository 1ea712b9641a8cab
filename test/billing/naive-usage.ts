import {
  templateShare,
  type ConnectorShare,
  type CountryShare,
  type DayUsage,
  type ShareEntry,
  type UsageAggregates,
  type UsageCounts,
  type UsageOptions,
} from '../../src/billing/model/usage-aggregates';
import type { ReportRow } from '../../src/report-model/column-types';
import { DAY, toIsoDate } from '../../src/report-model/time-range';
import { connectorName, parseSessionId } from '../../src/report-model/connector';
import { readRowCountryKey, readTemplateFlag } from '../../src/billing/model/row-fields';

/** The straightforward usage aggregates, the reference for usage-aggregates.ts on random data. */

const emptyCounts = (): UsageCounts => ({ total: 0, templates: 0, nonTemplates: 0, unknown: 0 });

function bump(counts: UsageCounts, flag: boolean | undefined): void {
  counts.total++;
  if (flag === true) counts.templates++;
  else if (flag === false) counts.nonTemplates++;
  else counts.unknown++;
}

export function naiveAggregateUsage(
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

    const {
      key,
      market,
      raw: rawText,
    } = readRowCountryKey(row.destiny, row.customer_phone, session.phone);
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
