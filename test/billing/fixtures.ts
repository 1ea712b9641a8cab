import type { CellValue, ReportRow } from '../../src/report-model/column-types';

/** Wall-clock ms of a local "YYYY-MM-DDTHH:mm" read as UTC (as the column parser does). */
export function at(local: string): number {
  const ms = Date.parse(`${local}:00Z`);
  if (Number.isNaN(ms)) throw new Error(`bad fixture date ${local}`);
  return ms;
}

let next = 1;

/** A report 10 row. `when` is "YYYY-MM-DDTHH:mm", or a raw value kept as-is. */
export function row(
  sessionId: CellValue,
  when: string | null | { raw: string },
  phone: string,
  template: CellValue,
  destiny: CellValue,
): ReportRow {
  const date = when === null ? null : typeof when === 'string' ? at(when) : when.raw;
  return {
    conn_id: String(next++),
    session_id: sessionId,
    date,
    customer_phone: phone,
    template,
    destiny,
  };
}
