// Run: npx vitest bench test/export --run
// Uses the project's jsdom environment (test/setup.ts needs it), so the Blob is
// jsdom's pure-JS one; Chromium's native Blob is at least as fast.
import { bench, describe } from 'vitest';
import { buildCsvBlob } from '../../src/export/write-csv';
import { toCsvString } from './reference-csv';
import { findReport } from '../../src/report-model/catalog';
import type { ReportRow } from '../../src/report-model/column-types';

const ROWS = 200_000;
const COUNTRIES = ['Colombia', 'México', 'Perú', 'Chile', 'Estados Unidos', 'España'];

/** Report 10 rows as the parser leaves them: ids and phones as strings, date as wall-clock ms. */
function billingRows(count: number): ReportRow[] {
  const start = Date.UTC(2026, 10, 1);
  return Array.from({ length: count }, (_, i) => ({
    conn_id: (0x10000000 + i * 7919).toString(16).padStart(12, '0'),
    session_id: String(9_000_000_000 + i),
    // Spread over one week, like a real 7-day billing export.
    date: start + Math.floor((i * 7 * 86_400) / count) * 1000,
    // E.164 phones: every one is guarded and quoted, the costliest path.
    customer_phone: `+57 3${String(i % 100).padStart(2, '0')} ${String(i).padStart(7, '0')}`,
    template: i % 3 === 0,
    destiny: COUNTRIES[i % COUNTRIES.length]!,
  }));
}

const columns = findReport(10)!.columns;
const rows = billingRows(ROWS);
// A shuffled permutation, as after sorting by a column.
const order = Uint32Array.from({ length: ROWS }, (_, i) => i);
for (let i = ROWS - 1; i > 0; i--) {
  const j = (i * 2_654_435_761) % (i + 1);
  [order[i], order[j]] = [order[j]!, order[i]!];
}

describe(`export ${ROWS.toLocaleString('en-US')} report-10 rows`, () => {
  bench(
    'buildCsvBlob (chunked, yields every 10k rows)',
    async () => {
      const blob = await buildCsvBlob({ columns, rows, order });
      if (blob.size < ROWS * 60) throw new Error(`unexpectedly small CSV: ${blob.size} bytes`);
    },
    { iterations: 8, warmupIterations: 2, time: 0 },
  );

  bench(
    'toCsvString (one blocking pass, for comparison)',
    () => {
      const text = toCsvString({ columns, rows, order });
      if (text.length < ROWS * 60) throw new Error('unexpectedly small CSV');
    },
    { iterations: 8, warmupIterations: 2, time: 0 },
  );
});
