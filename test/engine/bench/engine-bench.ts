/**
 * Engine benchmark on report-10-shaped rows. Run: `node test/engine/bench/run.mjs [sizes…]`
 * (bundles this file with rolldown and runs it in plain Node; not a timed unit test).
 */
import { naiveQuery, naiveSort } from '../naive';
import { createTestIndex, type TestIndex } from '../index-aggregates';
import type { ReportRow } from '../../../src/report-model/column-types';
import { BENCH_COLUMNS, report10Rows } from './report10-data';

export interface BenchOptions {
  sizes: readonly number[];
  runs: number;
  /** Also time the naive reference (up to this many rows). */
  naiveUpTo: number;
  gc: () => void;
  heapMb: () => number;
  /** Process CPU time in ms (user + system): steadier than wall time on a busy machine. */
  cpuMs: () => number;
  log: (line: string) => void;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

let cpuClock: () => number = () => 0;

interface Sample {
  wall: number;
  cpu: number;
}

/** Wall and CPU time of fn, in ms. */
function time(fn: () => unknown): Sample {
  const cpu = cpuClock();
  const start = performance.now();
  fn();
  const wall = performance.now() - start;
  return { wall, cpu: cpuClock() - cpu };
}

export function runEngineBench(options: BenchOptions): void {
  const { log, gc, runs } = options;
  cpuClock = options.cpuMs;
  for (const size of options.sizes) {
    log(`\n=== ${size.toLocaleString('en-US')} rows (median of ${runs}) ===`);
    let rows: ReportRow[] = [];
    const generation = time(() => (rows = report10Rows(size))).wall;
    const distinctNames = new Set(rows.map((r) => r.customer_name)).size;
    gc();
    log(
      `data: generated+parsed in ${generation.toFixed(0)} ms, ${distinctNames.toLocaleString('en-US')} distinct names, heap ${options.heapMb().toFixed(0)} MB`,
    );
    // Median wall time, median CPU time, then every wall sample.
    const report = (label: string, samples: Sample[]) => {
      const wall = median(samples.map((s) => s.wall));
      const cpu = median(samples.map((s) => s.cpu));
      log(
        `${label.padEnd(66)} ${wall.toFixed(1).padStart(8)} ms  cpu ${cpu.toFixed(1).padStart(7)}  [${samples.map((s) => s.wall.toFixed(0)).join(', ')}]`,
      );
    };

    // Sorting: cold (key build + sort), reversal and a second sort with keys built.
    for (const key of [
      'customer_name',
      'date',
      'conn_id',
      'session_id',
      'customer_phone',
      'destiny',
      'template',
    ]) {
      const cold: Sample[] = [];
      const reverse: Sample[] = [];
      const again: Sample[] = [];
      for (let r = 0; r < runs; r++) {
        gc();
        const index = createTestIndex(BENCH_COLUMNS, rows);
        cold.push(time(() => index.sort([{ key }])));
        reverse.push(time(() => index.sort([{ key, desc: true }])));
        again.push(time(() => index.sort([{ key }])));
      }
      report(`sort ${key}: build keys + sort`, cold);
      report(`sort ${key}: reverse (keys built)`, reverse);
      report(`sort ${key}: again (cached order, copy)`, again);
    }

    const index = createTestIndex(BENCH_COLUMNS, rows);
    const warmKeys = time(() => index.warm()).wall;
    log(
      `warm(): every sort key + phone index ${warmKeys.toFixed(0)} ms, heap ${options.heapMb().toFixed(0)} MB`,
    );
    {
      const multi: Sample[] = [];
      const subset: Sample[] = [];
      const some = index.query({ filters: { template: { values: ['yes'] } } });
      for (let r = 0; r < runs; r++) {
        const fresh = createTestIndex(BENCH_COLUMNS, rows);
        fresh.warm({ sortKeys: ['destiny', 'date', 'customer_name'] });
        multi.push(time(() => fresh.sort([{ key: 'destiny' }, { key: 'date', desc: true }])));
        subset.push(time(() => fresh.sort([{ key: 'customer_name', desc: true }], some)));
      }
      report('multi-sort destiny, date desc (keys built)', multi);
      report(
        `sort a ${some.length.toLocaleString('en-US')}-row subset by name desc (keys built)`,
        subset,
      );
    }

    // Phone filter: index build, keystrokes, clearing.
    const phone = String(rows[Math.floor(size / 2)]!.customer_phone).replace(/\D/g, '');
    const sort = [{ key: 'date', desc: true }];
    {
      const builds: Sample[] = [];
      for (let r = 0; r < runs; r++) {
        gc();
        const fresh = createTestIndex(BENCH_COLUMNS, rows);
        builds.push(time(() => fresh.warm({ phone: true })));
      }
      report('phone index build', builds);
    }
    index.query({ sort });
    for (const [label, input] of [
      ['phone 4 digits', phone.slice(-4)],
      ['phone 7 digits', phone.slice(-7)],
      ['phone full +57 …', `+57 ${phone.slice(2)}`],
      ['phone 1 digit', phone.slice(-1)],
    ] as const) {
      const samples: Sample[] = [];
      let found = 0;
      for (let r = 0; r < runs; r++) {
        index.query({ sort }); // clear, so every keystroke is a fresh phone query
        samples.push(time(() => (found = index.query({ sort, phone: input }).length)));
      }
      report(
        `${label} "${input}" → ${found.toLocaleString('en-US')} rows, sorted by date`,
        samples,
      );
    }
    {
      const samples: Sample[] = [];
      for (let r = 0; r < runs; r++) {
        index.query({ sort, phone: phone.slice(-7) });
        samples.push(time(() => index.query({ sort })));
      }
      report('clear the phone filter (sorted by date)', samples);
    }

    // Text search over the visible columns.
    {
      const fresh = createTestIndex(BENCH_COLUMNS, rows);
      const searchKeys = BENCH_COLUMNS.map((c) => c.key);
      fresh.query({ sort });
      report('search "garcía" all columns: first (builds search text)', [
        time(() => fresh.query({ search: 'garcía', searchKeys })),
      ]);
      for (const needle of ['gar', 'garcia mu', 'zzz']) {
        const samples: Sample[] = [];
        let found = 0;
        for (let r = 0; r < runs; r++) {
          fresh.query({ search: '', sort });
          samples.push(
            time(() => (found = fresh.query({ search: needle, searchKeys, sort }).length)),
          );
        }
        report(`search "${needle}" → ${found.toLocaleString('en-US')} rows`, samples);
      }
    }

    // Aggregates after a filter (what the charts do).
    aggregates(index, report, runs);

    if (size <= options.naiveUpTo) {
      const naiveSamples = (fn: () => unknown) => [time(fn), time(fn), time(fn)];
      report(
        'naive: sort by name',
        naiveSamples(() => naiveSort(BENCH_COLUMNS, rows, [{ key: 'customer_name' }])),
      );
      report(
        'naive: sort by date',
        naiveSamples(() => naiveSort(BENCH_COLUMNS, rows, [{ key: 'date' }])),
      );
      report(
        'naive: phone 7 digits, sorted by date',
        naiveSamples(() => naiveQuery(BENCH_COLUMNS, rows, { sort, phone: phone.slice(-7) })),
      );
    }
  }
}

function aggregates(
  index: TestIndex,
  report: (label: string, samples: Sample[]) => void,
  runs: number,
): void {
  const query = { filters: { template: { values: ['yes'] } } };
  const filtered = index.query(query);
  const all = index.query({});
  for (const [label, indices] of [
    [`${filtered.length.toLocaleString('en-US')} rows (template = yes)`, filtered],
    [`${all.length.toLocaleString('en-US')} rows (no filter)`, all],
  ] as const) {
    const facet: Sample[] = [];
    const cross: Sample[] = [];
    const days: Sample[] = [];
    for (let r = 0; r < runs; r++) {
      facet.push(time(() => index.facets('destiny', indices)));
      cross.push(time(() => index.crossCount('destiny', 'template', indices)));
      days.push(time(() => index.timeBuckets('date', 'day', indices)));
    }
    report(`facets(destiny) over ${label}`, facet);
    report(`crossCount(destiny × template) over ${label}`, cross);
    report(`timeBuckets(date, day) over ${label}`, days);
  }
  const facetsFor: Sample[] = [];
  for (let r = 0; r < runs; r++)
    facetsFor.push(time(() => index.facetsFor({ ...query, phone: '300' }, 'destiny')));
  report('facetsFor(destiny) under phone + template filters', facetsFor);
}
