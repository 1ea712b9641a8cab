/**
 * CSV export benchmark on the app's own report-10 rows (mock generator, JSON round trip,
 * normalizeRows, CONNECTOR column, as test/bench/tanstack-page does). Run:
 * `node test/export/bench/run.mjs [sizes…] [--runs N]` (bundled with rolldown, plain Node).
 */
import { generateWireRows } from '../../../src/mocks/generate-report';
import { findReport } from '../../../src/report-model/catalog';
import type { ReportRow } from '../../../src/report-model/column-types';
import { withConnectorColumn } from '../../../src/report-model/connector-column';
import { alignRange, splitRange } from '../../../src/report-model/load/split-range';
import { dayRange, toIsoDate, DAY } from '../../../src/report-model/time-range';
import { normalizeRows } from '../../../src/report-model/wire/normalize-rows';
import { buildCsvBlob } from '../../../src/export/write-csv';
import { toCsvString } from '../reference-csv';

export interface BenchOptions {
  sizes: readonly number[];
  runs: number;
  /** Also compare the bytes with the reference writer (toCsvString, encoded). */
  check: boolean;
  gc: () => void;
  log: (line: string) => void;
}

/** The bench's range for `size` rows (rangeFor in test/bench/run.mjs): same days, same volume. */
export function appRows(size: number) {
  const report = findReport(10)!;
  const perCalendarDay = 1_755;
  const days = Math.min(365, Math.max(1, Math.round(size / perCalendarDay)));
  const rowsPerDay = Math.round((3_300 * size) / (days * perCalendarDay));
  const end = Date.UTC(2026, 9, 31);
  const range = dayRange(toIsoDate(end - (days - 1) * DAY), '2026-10-31')!;
  const rows: ReportRow[] = [];
  let columns = report.columns;
  for (const chunk of splitRange(alignRange(range))) {
    const wire = JSON.parse(JSON.stringify(generateWireRows(report, chunk, rowsPerDay)));
    const parsed = normalizeRows(report, wire as unknown[]);
    columns = parsed.columns;
    for (const row of parsed.rows) rows.push(row);
  }
  const data = withConnectorColumn({ columns: [...columns], rows });
  return { columns: data.columns, rows: data.rows.slice(0, size) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function runCsvBench(options: BenchOptions): Promise<void> {
  for (const size of options.sizes) {
    const { columns, rows } = appRows(size);
    const order = Uint32Array.from({ length: rows.length }, (_, i) => i);
    options.log(`${rows.length} rows, ${columns.length} columns`);
    const blobs: number[] = [];
    let blob: Blob | undefined;
    for (let run = 0; run < options.runs; run++) {
      options.gc();
      const start = performance.now();
      blob = await buildCsvBlob({ columns, rows, order });
      blobs.push(performance.now() - start);
    }
    options.log(
      `  buildCsvBlob median ${median(blobs).toFixed(0)} ms (${Math.min(...blobs).toFixed(0)}–${Math.max(...blobs).toFixed(0)}), ${blob!.size} bytes`,
    );
    if (options.check) {
      // The fast writer's bytes against the reference writer's text, encoded.
      const expected = new TextEncoder().encode(toCsvString({ columns, rows, order }));
      const actual = new Uint8Array(await blob!.arrayBuffer());
      const same = actual.length === expected.length && actual.every((b, i) => b === expected[i]);
      options.log(`  same bytes as toCsvString: ${same}`);
      if (!same) throw new Error('the fast writer differs from the reference');
    }
  }
}
