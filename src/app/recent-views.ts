import { readStored, writeStored } from '../shared/local-store';
import { REPORTS, type ReportDef } from '../report-model/catalog';

/** A report and period the supervisor opened. Filters are not kept: a phone number is personal data. */
export interface RecentView {
  report: ReportDef;
  from: string;
  to: string;
}

const STORAGE_KEY = 'wolkvox.recentViews.v1';
const KEEP = 6;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Stored = { number: number; from: string; to: string };

function readAll(): Stored[] {
  const value = readStored(STORAGE_KEY);
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is Stored =>
      typeof entry === 'object' &&
      entry !== null &&
      REPORTS.some((report) => report.number === entry.number) &&
      ISO_DATE.test(String(entry.from)) &&
      ISO_DATE.test(String(entry.to)),
  );
}

export function recentViews(): RecentView[] {
  return readAll().map((entry) => ({
    report: REPORTS.find((report) => report.number === entry.number)!,
    from: entry.from,
    to: entry.to,
  }));
}

/** Remembers a view, most recent first, each report and period once. */
export function rememberView(report: ReportDef, from: string, to: string): void {
  if (!ISO_DATE.test(from) || !ISO_DATE.test(to)) return;
  const others = readAll().filter(
    (entry) => !(entry.number === report.number && entry.from === from && entry.to === to),
  );
  writeStored(STORAGE_KEY, [{ number: report.number, from, to }, ...others].slice(0, KEEP));
}
