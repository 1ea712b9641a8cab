/**
 * Bench-only page (built by test/bench/run.mjs, never part of the app): generates the same
 * report-10 rows as the app's mock server (same generator, same monthly chunks, JSON round
 * trip, normalizeRows, CONNECTOR column), then times, in this browser, the data engine
 * (src/engine createReportIndex) against TanStack Table v9's stock row models on those rows.
 * Pure computation, no DOM: wall time of the call that produces the ordered rows.
 */
import {
  columnFilteringFeature,
  constructTable,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFns,
  rowSortingFeature,
  sortFns,
  tableFeatures,
} from '@tanstack/table-core';
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import { createReportIndex } from '../../../src/engine';
import { createTestIndex } from '../../engine/index-aggregates';
import { generateWireRows } from '../../../src/mocks/generate-report';
import { findReport } from '../../../src/report-model/catalog';
import type { ReportRow } from '../../../src/report-model/column-types';
import { withConnectorColumn } from '../../../src/report-model/connector-column';
import { alignRange, splitRange } from '../../../src/report-model/load/split-range';
import { dayRange } from '../../../src/report-model/time-range';
import { normalizeRows } from '../../../src/report-model/wire/normalize-rows';

export interface CompareOptions {
  from: string;
  to: string;
  rowsPerDay: number;
  /** Columns to sort by (row keys). */
  sortKeys: string[];
  /** Phone queries (digits). When empty, taken from a row in the middle: 4 and 7 digits. */
  phones?: string[];
  engineRuns: number;
  tanstackRuns: number;
}

export interface Timing {
  op: string;
  engine: number[];
  tanstack: number[];
  /** Rows in the result (engine; TanStack's count is checked against it). */
  rows: number;
  tanstackRows: number;
  note?: string;
}

export interface CompareResult {
  rows: number;
  generateMs: number;
  heapRowsMb: number | null;
  heapEngineMb: number | null;
  heapTanstackMb: number | null;
  /** index.warm(): every sort key + the phone index. */
  engineWarmMs: number;
  tanstackCoreModelMs: number;
  timings: Timing[];
}

const status = document.getElementById('status')!;
const yieldTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heapMb = () => {
  const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize / 2 ** 20 : null;
};
const log = (line: string) => {
  status.textContent = line;
  console.log(`[compare] ${line}`);
};

/** The app's rows for this range: same chunks, same generator, same parsing path. */
function generateRows(from: string, to: string, rowsPerDay: number) {
  const report = findReport(10)!;
  const range = dayRange(from, to);
  if (!range) throw new Error(`bad range ${from}..${to}`);
  const rows: ReportRow[] = [];
  let columns = report.columns;
  for (const chunk of splitRange(alignRange(range))) {
    // Real API data arrives as JSON text: flat heap strings, like the app's.
    const wire = JSON.parse(
      JSON.stringify(generateWireRows(report, chunk, rowsPerDay).slice(0, 60_000)),
    );
    const parsed = normalizeRows(report, wire as unknown[]);
    columns = parsed.columns;
    for (const row of parsed.rows) rows.push(row);
  }
  return withConnectorColumn({ columns: [...columns], rows });
}

function makeTable(columnKeys: string[], rows: ReportRow[]) {
  const features = tableFeatures({
    coreReactivityFeature: storeReactivityBindings(),
    columnFilteringFeature,
    rowSortingFeature,
    filteredRowModel: createFilteredRowModel(),
    sortedRowModel: createSortedRowModel(),
    filterFns,
    sortFns,
  });
  const helper = createColumnHelper<typeof features, ReportRow>();
  const columns = helper.columns(
    columnKeys.map((key) =>
      // Stock behaviour: sortFn 'auto' and the default filterFn ('auto' → includesString).
      helper.accessor((row) => row[key], { id: key, header: key }),
    ),
  );
  return constructTable({ features, columns, data: rows });
}

function time(fn: () => unknown): [number, unknown] {
  const start = performance.now();
  const out = fn();
  return [performance.now() - start, out];
}

export async function runCompare(options: CompareOptions): Promise<CompareResult> {
  gc();
  const heap0 = heapMb();
  log(`generating ${options.from}..${options.to} x ${options.rowsPerDay}/day`);
  const [generateMs, generated] = time(() =>
    generateRows(options.from, options.to, options.rowsPerDay),
  );
  const data = generated as ReturnType<typeof generateRows>;
  const { columns, rows } = data;
  await yieldTurn();
  gc();
  const heapRows = heapMb();
  log(`${rows.length} rows in ${generateMs.toFixed(0)} ms`);

  const middle = rows[rows.length >> 1]!;
  // As the app bench types them: the first 4 and 7 digits of a phone on a row.
  const digits = String(middle.customer_phone ?? '').replace(/\D/g, '');
  const phones = options.phones?.length ? options.phones : [digits.slice(0, 4), digits.slice(0, 7)];
  const timings: Timing[] = [];

  // Heap of the engine's caches: every sort key + the phone index (what the app warms after a
  // load), measured before TanStack's table exists; kept alive until TanStack's is measured.
  const warmed = createTestIndex(columns, rows);
  const [warmMs] = time(() => warmed.warm());
  await yieldTurn();
  gc();
  const heapEngine = heapMb();
  log(`engine warm() ${warmMs.toFixed(0)} ms`);

  // Engine: a fresh index each run, so every sort includes building its key (cold).
  const engineSort = (key: string, desc: boolean) => {
    const samples: number[] = [];
    let count = 0;
    for (let r = 0; r < options.engineRuns; r++) {
      const index = createReportIndex(columns, rows);
      const [ms, order] = time(() => index.query({ sort: [{ key, desc }] }));
      samples.push(ms);
      count = (order as Uint32Array).length;
    }
    return { samples, count };
  };

  // TanStack: one table (its core row model built once, as a page would), sorting state set
  // per run, the sorted model pulled; reset and a turn of the event loop between runs.
  const table = makeTable(
    columns.map((column) => column.key),
    rows,
  );
  const [coreMs] = time(() => table.getRowModel().rows.length);
  await yieldTurn();
  gc();
  const heapTanstack = heapMb();
  void warmed.rowCount;
  log(`TanStack core row model ${coreMs.toFixed(0)} ms`);

  for (const key of options.sortKeys) {
    const op = `sort ${key} (ascending, from unsorted)`;
    log(op);
    const engine = engineSort(key, false);
    await yieldTurn();
    const tanstack: number[] = [];
    let tanstackRows = 0;
    for (let r = 0; r < options.tanstackRuns; r++) {
      table.setSorting([]);
      table.getRowModel();
      await yieldTurn();
      gc();
      table.setSorting([{ id: key, desc: false }]);
      const [ms, count] = time(() => table.getRowModel().rows.length);
      tanstack.push(ms);
      tanstackRows = count as number;
      await yieldTurn();
    }
    table.setSorting([]);
    table.getRowModel();
    timings.push({ op, engine: engine.samples, tanstack, rows: engine.count, tanstackRows });
    await yieldTurn();
    gc();
  }

  // Phone filter, no sort: the engine's phone query (first run builds the phone index, so
  // it is listed on its own) vs TanStack's stock column filter (includesString) on the phone.
  const index = createReportIndex(columns, rows);
  {
    const [buildMs, first] = time(() => index.query({ phone: phones[0] }));
    const firstRows = (first as Uint32Array).length;
    const tanstack: number[] = [];
    let tanstackRows = 0;
    for (let r = 0; r < options.tanstackRuns; r++) {
      table.setColumnFilters([]);
      table.getRowModel();
      await yieldTurn();
      gc();
      table.setColumnFilters([{ id: 'customer_phone', value: phones[0] }]);
      const [ms, count] = time(() => table.getRowModel().rows.length);
      tanstack.push(ms);
      tanstackRows = count as number;
      await yieldTurn();
    }
    timings.push({
      op: `phone "${phones[0]}" (engine: incl. phone index build)`,
      engine: [buildMs],
      tanstack,
      rows: firstRows,
      tanstackRows,
    });
    for (const phone of phones) {
      const engine: number[] = [];
      let count = 0;
      for (let r = 0; r < options.engineRuns; r++) {
        index.query({ phone: '' });
        const [ms, order] = time(() => index.query({ phone }));
        engine.push(ms);
        count = (order as Uint32Array).length;
      }
      const ts: number[] = [];
      let tsRows = 0;
      for (let r = 0; r < options.tanstackRuns; r++) {
        table.setColumnFilters([]);
        table.getRowModel();
        await yieldTurn();
        gc();
        table.setColumnFilters([{ id: 'customer_phone', value: phone }]);
        const [ms, rowsOut] = time(() => table.getRowModel().rows.length);
        ts.push(ms);
        tsRows = rowsOut as number;
        await yieldTurn();
      }
      timings.push({
        op: `phone "${phone}" (${phone.length} digits, index built)`,
        engine,
        tanstack: ts,
        rows: count,
        tanstackRows: tsRows,
      });
    }
    // Clearing the filter: the engine re-serves its order; TanStack rebuilds the filtered model.
    {
      const engine: number[] = [];
      for (let r = 0; r < options.engineRuns; r++) {
        index.query({ phone: phones[phones.length - 1] });
        engine.push(time(() => index.query({ phone: '' }))[0]);
      }
      const ts: number[] = [];
      for (let r = 0; r < options.tanstackRuns; r++) {
        table.setColumnFilters([{ id: 'customer_phone', value: phones[phones.length - 1] }]);
        table.getRowModel();
        await yieldTurn();
        table.setColumnFilters([]);
        ts.push(time(() => table.getRowModel().rows.length)[0]);
        await yieldTurn();
      }
      timings.push({
        op: 'clear the phone filter',
        engine,
        tanstack: ts,
        rows: rows.length,
        tanstackRows: rows.length,
      });
    }
  }
  log('done');
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  return {
    rows: rows.length,
    generateMs,
    heapRowsMb: diff(heapRows, heap0),
    heapEngineMb: diff(heapEngine, heapRows),
    heapTanstackMb: diff(heapTanstack, heapEngine),
    engineWarmMs: warmMs,
    tanstackCoreModelMs: coreMs,
    timings,
  };
}

(window as unknown as { runCompare: typeof runCompare }).runCompare = runCompare;
