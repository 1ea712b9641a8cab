import type { ColumnDef, ReportDef } from './catalog';
import { findReport, REPORT_GROUP } from './catalog';
import { isNumericType } from './column-types';
import { presetRange } from './date-presets';
import { parseIsoDate } from './time-range';

/** A sort entry as the table holds it and the URL writes it (`date.desc`). */
export interface SortEntry {
  id: string;
  desc: boolean;
}

/**
 * A column filter: the values to keep (multi-select, on the cell's plain text form,
 * '' for empty cells) and/or a numeric range (seconds for durations, wall-clock ms never).
 */
export interface ColumnFilter {
  values?: string[];
  min?: number;
  max?: number;
}

/** Everything that defines what a supervisor sees, as the URL carries it. */
export interface ViewState {
  from: string;
  to: string;
  sort: SortEntry[];
  /** Phone digits, matched however the number is written. */
  phone: string;
  /** Text search across the visible columns. */
  q: string;
  filters: Record<string, ColumnFilter>;
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

/** Columns that get a multi-select of their values. */
export function isPickListColumn(column: ColumnDef): boolean {
  return column.type === 'enum' || column.type === 'country' || column.type === 'yesno';
}

/** Columns that get a min–max filter (dates are filtered by the range itself). */
export function isRangeColumn(column: ColumnDef): boolean {
  return isNumericType(column.type) && column.type !== 'datetime' && column.type !== 'date';
}

/**
 * Reads the query string; anything invalid falls back to a default and is reported.
 * `columns` may include derived columns (e.g. the WhatsApp connector of report 10).
 */
export function parseView(
  search: string,
  report: ReportDef,
  today: string,
  columns: readonly ColumnDef[] = report.columns,
): ParsedView {
  const params = new URLSearchParams(search);
  const invalid = new Set<string>();
  const fallback = presetRange('last7', today);

  let from = params.get('from') ?? fallback.from;
  let to = params.get('to') ?? fallback.to;
  if (parseIsoDate(from) === undefined) {
    invalid.add('from');
    from = fallback.from;
  }
  if (parseIsoDate(to) === undefined) {
    invalid.add('to');
    to = fallback.to;
  }
  if (to < from) {
    invalid.add('to');
    [from, to] = [fallback.from, fallback.to];
  }

  const byKey = new Map(columns.map((column) => [column.key, column]));
  const sort: SortEntry[] = [];
  for (const part of (params.get('sort') ?? '').split(',').filter(Boolean)) {
    const match = /^(.+)\.(asc|desc)$/.exec(part);
    if (!match || !byKey.has(match[1]!) || sort.some((entry) => entry.id === match[1])) {
      invalid.add('sort');
      continue;
    }
    sort.push({ id: match[1]!, desc: match[2] === 'desc' });
  }

  const filters: Record<string, ColumnFilter> = {};
  for (const [name, value] of params) {
    const match = /^(f|min|max)\.(.+)$/.exec(name);
    if (!match) continue;
    const [, kind, key] = match as unknown as [string, 'f' | 'min' | 'max', string];
    const column = byKey.get(key);
    const filter = (filters[key] ??= {});
    if (kind === 'f' && column && isPickListColumn(column)) {
      (filter.values ??= []).push(value);
    } else if (
      kind !== 'f' &&
      column &&
      isRangeColumn(column) &&
      value.trim() !== '' &&
      Number.isFinite(Number(value))
    ) {
      filter[kind] = Number(value);
    } else {
      invalid.add(name);
      delete filters[key];
    }
  }

  const phone = (params.get('phone') ?? '').trim();
  return {
    view: { from, to, sort, phone, q: params.get('q') ?? '', filters },
    invalid: [...invalid],
  };
}

const VIEW_KEY = /^(from|to|sort|phone|q|(f|min|max)\..+)$/;

/** Writes a view into a query string, keeping unrelated parameters (e.g. `mock`). */
export function serializeView(view: ViewState, currentSearch = ''): string {
  const params = new URLSearchParams();
  for (const [name, value] of new URLSearchParams(currentSearch)) {
    if (!VIEW_KEY.test(name)) params.append(name, value);
  }
  params.set('from', view.from);
  params.set('to', view.to);
  if (view.sort.length) {
    params.set('sort', view.sort.map((s) => `${s.id}.${s.desc ? 'desc' : 'asc'}`).join(','));
  }
  if (view.phone) params.set('phone', view.phone);
  if (view.q) params.set('q', view.q);
  for (const [key, filter] of Object.entries(view.filters)) {
    for (const value of filter.values ?? []) params.append(`f.${key}`, value);
    if (filter.min !== undefined) params.set(`min.${key}`, String(filter.min));
    if (filter.max !== undefined) params.set(`max.${key}`, String(filter.max));
  }
  return `?${params.toString()}`;
}

/** True when no filter narrows the rows (the range aside). */
export function hasFilters(view: ViewState): boolean {
  return Boolean(view.phone || view.q || Object.keys(view.filters).length);
}
