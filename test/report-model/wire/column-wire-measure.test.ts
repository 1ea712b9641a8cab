// @vitest-environment node
import { gunzipSync, gzipSync } from 'node:zlib';
import { findReport } from '../../../src/report-model/catalog';
import { dayRange } from '../../../src/report-model/time-range';
import { decodeColumns, encodeColumns } from '../../../src/report-model/wire/column-chunk';
import {
  readColumnChunk,
  writeColumnChunk,
} from '../../../src/report-model/wire/column-chunk-binary';
import { normalizeRows } from '../../../src/report-model/wire/normalize-rows';
import { readEnvelope } from '../../../src/report-model/wire/parse-envelope';
import { generateWireRows } from '../../../src/mocks/generate-report';

/**
 * A measurement, not a check (`flock /tmp/bench.lock env MEASURE_COLUMNS=1 npx vitest run
 * test/report-model/wire/column-wire-measure.test.ts`): one 60,000-row answer of report 10,
 * what it weighs gzipped and what the worker spends to turn it into a ColumnChunk, as
 * wolkvox's JSON and as the compact form (column-chunk-binary.ts); and what the server spends
 * once to build the compact form when it stores a closed period. Prints min–max over runs.
 */
const ROWS = 60_000;
const RUNS = Number(process.env.MEASURE_RUNS ?? 7);

describe.runIf(process.env.MEASURE_COLUMNS)('a 60,000-row answer: JSON or compact', () => {
  it('measures', () => {
    const report = findReport(10)!;
    // ~4,000 interactions a weekday: a month of ~60,000 rows is cut to its first 60,000.
    const wire = generateWireRows(report, dayRange('2026-10-01', '2026-10-31')!, 4_000).slice(
      0,
      ROWS,
    );
    expect(wire).toHaveLength(ROWS);
    const json = JSON.stringify({
      code: 200,
      error: null,
      msg: `${ROWS} records were found`,
      data: wire,
    });
    const jsonBytes = Buffer.from(json);
    const jsonGzip = gzipSync(jsonBytes, { level: 6 });

    const times: Record<string, number[]> = {};
    const time = <T>(name: string, work: () => T): T => {
      const started = performance.now();
      const result = work();
      (times[name] ??= []).push(performance.now() - started);
      return result;
    };

    let compactGzip = Buffer.alloc(0);
    let compactBytes = 0;
    for (let run = 0; run < RUNS; run++) {
      // The server, once per stored closed period: the JSON it holds → the compact form, gzipped.
      const built = time('server: build compact (parse, normalize, encode, write, gzip)', () => {
        const envelope = readEnvelope(200, jsonBytes.toString('utf8'));
        const { chunk } = encodeColumns(normalizeRows(report, envelope.rows));
        const bytes = writeColumnChunk(chunk);
        return { bytes, gzip: gzipSync(bytes, { level: 6 }) };
      });
      compactGzip = built.gzip;
      compactBytes = built.bytes.length;

      // (a) the worker today: gunzip, JSON.parse, normalizeRows, encodeColumns.
      const plainJson = time('a JSON: gunzip', () => gunzipSync(jsonGzip));
      const text = time('a JSON: utf-8 decode', () => new TextDecoder().decode(plainJson));
      const envelope = time('a JSON: JSON.parse (readEnvelope)', () => readEnvelope(200, text));
      const parsed = time('a JSON: normalizeRows', () => normalizeRows(report, envelope.rows));
      const fromJson = time('a JSON: encodeColumns', () => encodeColumns(parsed));

      // (b) the compact form: gunzip, read (header JSON, typed views).
      const plainCompact = time('b compact: gunzip', () => gunzipSync(compactGzip));
      const fromCompact = time('b compact: readColumnChunk', () => readColumnChunk(plainCompact));

      // The page, either way.
      const rowsA = time('page: decodeColumns', () => decodeColumns(fromJson.chunk)).rows;
      const rowsB = decodeColumns(fromCompact.chunk).rows;
      if (run === 0) expect(rowsB).toEqual(rowsA);
    }
    const sum = (names: string[]) =>
      Array.from({ length: RUNS }, (_, i) => names.reduce((t, n) => t + times[n]![i]!, 0));
    times['a JSON: worker total'] = sum(Object.keys(times).filter((n) => n.startsWith('a JSON')));
    times['b compact: worker total'] = sum(
      Object.keys(times).filter((n) => n.startsWith('b compact')),
    );
    const range = (values: number[]) =>
      `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)} ms`;
    const lines = [
      `report 10, ${ROWS} rows, ${RUNS} runs (first included), node ${process.version}`,
      `bytes: JSON ${jsonBytes.length} plain, ${jsonGzip.length} gzipped; compact ${compactBytes} plain, ${compactGzip.length} gzipped`,
      ...Object.entries(times).map(([name, values]) => `${name}: ${range(values)}`),
    ];
    console.log(lines.join('\n'));
  });
});
