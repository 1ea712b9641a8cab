import type { ColumnDef, ReportDef } from '../catalog';
import type { ReportRow } from '../column-types';
import { isRecord } from '../../shared/is-record';
import { parseValue } from './parse-value';

export interface ParsedRows {
  /** The catalog's columns, then any column the API sent that the catalog does not know. */
  columns: ColumnDef[];
  rows: ReportRow[];
  /** The answer said "not found" (404) yet carried these rows (kept; see parse-envelope.ts). */
  notFoundWithRows?: number;
}

/** "AGENT_ANWERS ", "Agent Answers" → "agent_anwers" / "agent_answers". */
export function normalizeKey(key: string): string {
  return key.trim().toLowerCase().replace(/\s+/g, '_');
}

/**
 * Raw API rows → typed rows keyed by the catalog's column keys. Key variants
 * (case, trailing spaces, documented misspellings) map onto the catalog column;
 * unknown keys are kept as extra text columns. Report 2's nested `conversation`
 * becomes one row per message carrying the chat's header fields.
 */
export function normalizeRows(report: ReportDef, rawRows: readonly unknown[]): ParsedRows {
  const keyMap = buildKeyMap(report.columns);
  const columns = [...report.columns];
  const flat = report.number === 2 ? rawRows.flatMap(flattenConversation) : rawRows;
  // A key as wolkvox spelled it → its column, so each spelling is normalized once, not per cell.
  const byWireKey = new Map<string, ColumnDef>();
  const columnOf = (wireKey: string): ColumnDef => {
    let column = byWireKey.get(wireKey);
    if (column) return column;
    const normalized = normalizeKey(wireKey);
    column = keyMap.get(normalized);
    if (!column) {
      column = extraColumn(normalized, columns);
      keyMap.set(normalized, column);
      columns.push(column);
    }
    byWireKey.set(wireKey, column);
    return column;
  };
  // Every row starts as a copy of one template: one shape, the catalog's keys in order.
  const template: ReportRow = {};
  for (const column of report.columns) template[column.key] = null;

  const rows = new Array<ReportRow>(flat.length);
  for (let i = 0; i < flat.length; i++) {
    const raw = flat[i];
    const row: ReportRow = { ...template };
    rows[i] = row;
    if (!isRecord(raw)) continue;
    // A parsed JSON object has no enumerable inherited keys: for…in lists its own, in order.
    for (const wireKey in raw) {
      const column = columnOf(wireKey);
      row[column.key] = parseValue(column.type, raw[wireKey]);
    }
  }

  // Every row carries every column, so a column first seen on row 500 reads as empty before it.
  const extras = columns.slice(report.columns.length);
  if (extras.length) for (const row of rows) for (const column of extras) row[column.key] ??= null;
  return { columns, rows };
}

/**
 * Keys a plain object cannot hold as data: `row["__proto__"] = "x"` is ignored and reading it
 * back gives Object.prototype (an object where React expects text, which crashed the view);
 * `constructor` reads a function on rows that lack it. Such a column gets a safe key and keeps
 * the name wolkvox sent in `renamedFrom`, which the page shows.
 */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function extraColumn(normalized: string, columns: readonly ColumnDef[]): ColumnDef {
  const header = normalized.toUpperCase();
  const taken = (key: string) => RESERVED_KEYS.has(key) || columns.some((c) => c.key === key);
  if (!taken(normalized)) return { key: normalized, header, type: 'text', extra: true };
  // A reserved name, or the safe name an earlier reserved one was given: renamed, never merged.
  let key = `wire_${normalized.replace(/^_+|_+$/g, '')}`;
  while (taken(key)) key += '_';
  return { key, header, type: 'text', extra: true, renamedFrom: normalized };
}

function buildKeyMap(columns: readonly ColumnDef[]): Map<string, ColumnDef> {
  const map = new Map<string, ColumnDef>();
  for (const column of columns) {
    map.set(column.key, column);
    for (const alias of column.aliases ?? []) map.set(normalizeKey(alias), column);
  }
  return map;
}

function flattenConversation(chat: unknown): unknown[] {
  if (!isRecord(chat)) return [chat];
  const { conversation, ...header } = chat;
  const messages = Array.isArray(conversation)
    ? conversation
    : isRecord(conversation)
      ? [conversation]
      : [];
  // A chat without messages still shows up once, with its header data.
  if (messages.length === 0) return [header];
  return messages.map((message) => (isRecord(message) ? { ...header, ...message } : header));
}
