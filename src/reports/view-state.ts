import { findReport, REPORT_GROUP, type ReportDef } from './catalog';
import { presetRange } from './date-presets';
import { parseIsoDate } from './time-range';

/** A sort entry as the table holds it and the URL writes it (`date.desc`). */
export interface SortEntry {
  id: string;
  desc: boolean;
}

/** Everything that defines what a supervisor sees, as the URL carries it. */
export interface ViewState {
  from: string;
  to: string;
  sort: SortEntry[];
}

export interface ParsedView {
  view: ViewState;
  /** Parameters that were present but invalid, and were replaced by defaults. */
  invalid: string[];
}

export const reportPath = (report: Pick<ReportDef, 'number'>) =>
  `/reports/${REPORT_GROUP.slug}/${report.number}`;

/** The report number in `/reports/interactions-and-chats/N`, if the path is a report page. */
export function reportFromPath(pathname: string): ReportDef | undefined | null {
  const match = new RegExp(`^/reports/${REPORT_GROUP.slug}/([^/]+)/?$`).exec(pathname);
  if (!match) return null;
  return findReport(Number(match[1]));
}

/** Reads the query string; anything invalid falls back to a default and is reported. */
export function parseView(search: string, report: ReportDef, today: string): ParsedView {
  const params = new URLSearchParams(search);
  const invalid: string[] = [];
  const fallback = presetRange('last7', today);

  let from = params.get('from') ?? fallback.from;
  let to = params.get('to') ?? fallback.to;
  if (parseIsoDate(from) === undefined) {
    invalid.push('from');
    from = fallback.from;
  }
  if (parseIsoDate(to) === undefined) {
    invalid.push('to');
    to = fallback.to;
  }
  if (to < from) {
    invalid.push('to');
    [from, to] = [fallback.from, fallback.to];
  }

  const keys = new Set(report.columns.map((column) => column.key));
  const sort: SortEntry[] = [];
  for (const part of (params.get('sort') ?? '').split(',').filter(Boolean)) {
    const match = /^(.+)\.(asc|desc)$/.exec(part);
    if (!match || !keys.has(match[1]!) || sort.some((entry) => entry.id === match[1])) {
      if (!invalid.includes('sort')) invalid.push('sort');
      continue;
    }
    sort.push({ id: match[1]!, desc: match[2] === 'desc' });
  }
  return { view: { from, to, sort }, invalid };
}

/** Writes a view into a query string, keeping unrelated parameters (e.g. `mock`). */
export function serializeView(view: ViewState, currentSearch = ''): string {
  const params = new URLSearchParams(currentSearch);
  params.set('from', view.from);
  params.set('to', view.to);
  if (view.sort.length)
    params.set('sort', view.sort.map((s) => `${s.id}.${s.desc ? 'desc' : 'asc'}`).join(','));
  else params.delete('sort');
  return `?${params.toString()}`;
}
