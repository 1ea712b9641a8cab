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
  /** Parameters cut to their longest allowed length (`q`, `phone`). */
  shortened: string[];
}

/**
 * Longest search and phone filter, in characters. The view lives in the URL: a 100 kB
 * search made a 350 kB address that Chromium refused on reload (HTTP 431), and no
 * supervisor types more than a sentence into a search box or 40 characters for a phone.
 */
export const MAX_SEARCH_CHARS = 500;
export const MAX_PHONE_CHARS = 40;

/** `text` cut to `max` characters, never in the middle of a surrogate pair. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, cut);
}

/** The first `max` names, and how many more there were: a notice stays short. */
export function summarizeNames(
  names: readonly string[],
  max = 5,
): { listed: string; more: number } {
  return { listed: names.slice(0, max).join(', '), more: Math.max(0, names.length - max) };
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
  // Reports that total over the range accept one calendar month only: "last 7 days" would
  // cross into the previous month during the first days of every month.
  const fallback = presetRange(report.aggregate ? 'thisMonth' : 'last7', today);

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

  // Keyed only by known column keys (a Map first: a parameter named `f.__proto__` must
  // never reach an object's prototype), then written out as a plain object.
  const byColumn = new Map<string, ColumnFilter>();
  const broken = new Set<string>();
  for (const [name, value] of params) {
    const match = /^(f|min|max)\.(.+)$/.exec(name);
    if (!match) continue;
    const [, kind, key] = match as unknown as [string, 'f' | 'min' | 'max', string];
    const column = byKey.get(key);
    const valid =
      column !== undefined &&
      (kind === 'f'
        ? isPickListColumn(column)
        : isRangeColumn(column) && value.trim() !== '' && Number.isFinite(Number(value)));
    if (!valid) {
      invalid.add(name);
      if (column) broken.add(key);
      continue;
    }
    let filter = byColumn.get(key);
    if (!filter) byColumn.set(key, (filter = {}));
    if (kind === 'f') (filter.values ??= []).push(value);
    else filter[kind] = Number(value);
  }
  const filters: Record<string, ColumnFilter> = {};
  for (const [key, filter] of byColumn) if (!broken.has(key)) filters[key] = filter;

  const shortened: string[] = [];
  const rawPhone = (params.get('phone') ?? '').trim();
  const phone = capText(rawPhone, MAX_PHONE_CHARS);
  if (phone !== rawPhone) shortened.push('phone');
  const rawQ = params.get('q') ?? '';
  const q = capText(rawQ, MAX_SEARCH_CHARS);
  if (q !== rawQ) shortened.push('q');
  return {
    view: { from, to, sort, phone, q, filters },
    invalid: [...invalid],
    shortened,
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

/**
 * The pricing assumptions of report 10, in the URL so that a link sent to finance shows the
 * same figure: the rate card's id (`card`, see billing's rateCardId), the template mix
 * (`mix=50-30-20`, marketing-utility-authentication), the provider markup in percent
 * (`markup=15`), and the rule switches `uiw` (utility templates inside the service window
 * billed from 2026-10) and `sa` (the reported 1,000 free service messages), each `1` or `0`.
 * Absent = the supervisor's own setting. Kept apart from ViewState: other reports ignore them.
 */
export interface PricingParams {
  card?: string;
  mix?: readonly [marketing: number, utility: number, authentication: number];
  markup?: number;
  uiw?: boolean;
  sa?: boolean;
}

export const MAX_MARKUP_PERCENT = 1000;
const MAX_MIX_PART = 1_000_000;
const CARD_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const PLAIN_NUMBER = /^\d{1,7}(\.\d{1,2})?$/;

/** Reads `card`, `mix`, `markup`, `uiw`, `sa`; an invalid one is dropped and named. */
export function parsePricingParams(search: string): { pricing: PricingParams; invalid: string[] } {
  const params = new URLSearchParams(search);
  const pricing: PricingParams = {};
  const invalid: string[] = [];
  const card = params.get('card');
  if (card !== null) {
    if (CARD_ID.test(card)) pricing.card = card;
    else invalid.push('card');
  }
  const mix = params.get('mix');
  if (mix !== null) {
    const parts = mix.split('-');
    const numbers = parts.map(Number);
    if (
      parts.length === 3 &&
      parts.every((part) => PLAIN_NUMBER.test(part)) &&
      numbers.every((n) => n <= MAX_MIX_PART) &&
      numbers.some((n) => n > 0)
    ) {
      pricing.mix = numbers as unknown as [number, number, number];
    } else invalid.push('mix');
  }
  const markup = params.get('markup');
  if (markup !== null) {
    if (PLAIN_NUMBER.test(markup) && Number(markup) <= MAX_MARKUP_PERCENT) {
      pricing.markup = Number(markup);
    } else invalid.push('markup');
  }
  for (const name of ['uiw', 'sa'] as const) {
    const value = params.get(name);
    if (value === null) continue;
    if (value === '1' || value === '0') pricing[name] = value === '1';
    else invalid.push(name);
  }
  return { pricing, invalid };
}

const PRICING_KEY = /^(card|mix|markup|uiw|sa)$/;

/** The pricing parameters of a query string alone, in their order there (`?…`, or ''). */
export function pricingSearch(search: string): string {
  const params = new URLSearchParams();
  for (const [name, value] of new URLSearchParams(search))
    if (PRICING_KEY.test(name)) params.append(name, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Writes the pricing parameters into a query string, keeping every other parameter. */
export function serializePricingParams(pricing: PricingParams, currentSearch = ''): string {
  const params = new URLSearchParams();
  for (const [name, value] of new URLSearchParams(currentSearch)) {
    if (!PRICING_KEY.test(name)) params.append(name, value);
  }
  if (pricing.card !== undefined) params.set('card', pricing.card);
  if (pricing.mix !== undefined) params.set('mix', pricing.mix.map(plainNumber).join('-'));
  if (pricing.markup !== undefined) params.set('markup', plainNumber(pricing.markup));
  if (pricing.uiw !== undefined) params.set('uiw', pricing.uiw ? '1' : '0');
  if (pricing.sa !== undefined) params.set('sa', pricing.sa ? '1' : '0');
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** A number as the URL writes it: at most two decimals, no exponent. */
function plainNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}
