// The figures of `npm run bench -- --live` (live.mjs) against issue 16's targets.
import { printFigureRows, stats } from './report.mjs';

/** Targets, [~200k, ~1M] rows; undefined where the issue sets none. */
const TARGETS = {
  allRows: [2000, 8000],
  keystroke: [30, 120],
  clear: [30, undefined],
  csv: [400, 2000],
  heap: [120, 300],
  cachedAllRows: [undefined, 2000],
};
const target = (name, size) => TARGETS[name][size > 500_000 ? 1 : 0];
const SORT_LABEL = { ascending: 'asc', descending: 'desc', null: 'none (loaded order)' };

/** Every figure as {group, label, unit, target, stats, note}, per size. */
export function summarizeLive(results) {
  const out = {};
  for (const [sizeKey, data] of Object.entries(results.sizes)) {
    const size = Number(sizeKey);
    const runs = data.runs;
    const rows = [];
    const add = (group, label, samples, unit, targetValue, extra) =>
      rows.push({ group, label, unit, target: targetValue, stats: stats(samples), ...extra });
    const ok = (result) => (result?.ok ? result.ms : null);
    const sum = (values) => values.reduce((a, b) => a + b, 0);

    const shown = runs.map((r) => r.load.counts?.total);
    add(
      'load',
      'open → first rows shown',
      runs.map((r) => r.load.firstRowMs),
      'ms',
      undefined,
      {
        dom: stats(runs.map((r) => r.load.firstRowDomMs)),
      },
    );
    add(
      'load',
      'open → all rows shown (N of N, load done)',
      runs.map((r) => r.load.allRowsMs),
      'ms',
      target('allRows', size),
      {
        dom: stats(runs.map((r) => r.load.allRowsDomMs)),
        note: shown.every((n) => n === data.expectedRows)
          ? `${data.expectedRows.toLocaleString('en-US')} rows each time`
          : `rows shown ${shown.join(', ')} of ${data.expectedRows}`,
      },
    );
    add(
      'load',
      '  longest main-thread task during the load',
      runs.map((r) => r.load.longestTaskMs),
      'ms',
    );
    add(
      'calls',
      'wolkvox calls per load',
      runs.map((r) => r.calls.calls),
      'calls',
      1.2 * data.minCalls,
      {
        strict: true,
        note: `⌈rows/60k⌉ = ${data.minCalls}; capped answers ${runs.map((r) => r.calls.capped).join(', ')}; busy refusals ${runs.map((r) => r.calls.refusedBusy).join(', ')}`,
      },
    );
    add(
      'calls',
      '  max calls in flight at wolkvox',
      runs.map((r) => r.calls.maxInFlight),
      'calls',
      2,
      { strict: true },
    );
    add(
      'calls',
      '  server audit lines per load (wolkvox calls)',
      runs.map((r) => r.calls.audit.wolkvox),
      'lines',
    );
    add(
      'calls',
      '  server time per call (queue + wolkvox, audit ms)',
      runs.flatMap((r) => r.calls.audit.serverMs),
      'ms',
    );
    add(
      'fake',
      "fake wolkvox's own time per call (latency excluded)",
      runs.flatMap((r) => r.calls.fakeMs),
      'ms',
      undefined,
      {
        note: `${results.options.latencyMs} ms latency on top; rows/call median ${stats(runs.flatMap((r) => r.calls.rowsPerCall))?.median?.toLocaleString('en-US')}`,
      },
    );
    add(
      'fake',
      '  summed over a load',
      runs.map((r) => sum(r.calls.fakeMs)),
      'ms',
    );
    const alone = data.fakeAlone;
    if (alone) {
      add(
        'fake',
        '  before the runs: a day, rows made (cold), per call',
        alone.coldMs,
        'ms',
        undefined,
        {
          note: `${stats(alone.coldRows)?.median?.toLocaleString('en-US')} rows/call`,
        },
      );
      add('fake', '  before the runs: a day again (rows kept)', [alone.warmMs], 'ms', undefined, {
        note: `${alone.warmRows.toLocaleString('en-US')} rows`,
      });
    }

    const phone = (query) => runs.flatMap((r) => r.phone.filter((p) => p.query === query));
    const q = runs[0]?.phoneQueries ?? {};
    for (const [query, label, name] of [
      [q.q4, `4th digit "${q.q4}"`, 'keystroke'],
      [q.narrow, `digit ${q.narrow?.length} "${q.narrow}" (narrows)`, 'keystroke'],
      ['', 'clear the filter', 'clear'],
    ].filter(([query], i) => i !== 1 || query !== q.q4)) {
      const samples = phone(query);
      const missed = samples.filter((p) => !p.ok).length;
      add('filter', `phone keystroke → rows, ${label}`, samples.map(ok), 'ms', target(name, size), {
        dom: stats(samples.map((p) => (p.ok ? p.domMs : null))),
        note: missed ? `${missed} without a change of the count` : undefined,
      });
    }
    const sorts = runs[0]?.sorts ?? [];
    for (const { column, aria } of sorts) {
      const samples = runs.flatMap((r) =>
        r.sorts.filter((s) => s.column === column && s.aria === aria),
      );
      add(
        'sort',
        `header click → rows, ${column} ${SORT_LABEL[aria]}`,
        samples.map(ok),
        'ms',
        undefined,
        {
          dom: stats(samples.map((s) => (s.ok ? s.domMs : null))),
        },
      );
    }
    add(
      'csv',
      'CSV export all rows: click → file handed to browser',
      runs.map((r) => r.csv?.inPageMs),
      'ms',
      target('csv', size),
    );
    add(
      'csv',
      '  click → Playwright download event (Node clock)',
      runs.map((r) => r.csv?.nodeMs),
      'ms',
    );
    add(
      'csv',
      '  file size',
      runs.map((r) => r.csv && r.csv.bytes / 2 ** 20),
      'MB',
      undefined,
      {
        note: `${runs[0]?.csv?.lines?.toLocaleString('en-US')} lines`,
      },
    );
    add(
      'memory',
      'JS heap after load (main thread, after GC)',
      runs.map((r) => r.heapAfterLoad.usedMb),
      'MB',
      target('heap', size),
      {
        note: `workers alive: ${runs.map((r) => r.workers).join(', ')}`,
      },
    );
    add(
      'memory',
      '  + ArrayBuffer backing stores',
      runs.map((r) => r.heapAfterLoad.backingStoreMb),
      'MB',
    );
    add(
      'cached',
      'cached month: open → all rows shown (fresh profile)',
      runs.map((r) => r.cached.load.allRowsMs),
      'ms',
      target('cachedAllRows', size),
      {
        note: `cache hits ${runs.map((r) => r.cached.calls.audit.cache).join(', ')}; calls reaching the fake ${runs.map((r) => r.cached.calls.calls).join(', ')}`,
      },
    );
    add(
      'cached',
      '  open → first rows shown',
      runs.map((r) => r.cached.load.firstRowMs),
      'ms',
    );
    add(
      'cached',
      '  longest main-thread task during the load',
      runs.map((r) => r.cached.load.longestTaskMs),
      'ms',
    );
    out[sizeKey] = rows;
  }
  return out;
}

export function printLive(results, summary, print) {
  const { env, options } = results;
  print('');
  print(
    `Live benchmark: the production server (npm start) in front of the fake wolkvox, ${env.date}`,
  );
  print(
    `${env.chromium}, Node ${env.node}, ${env.cpus}, commit ${env.commit}${env.dirty.length ? ` + ${env.dirty.length} changed files in src/` : ''}`,
  );
  print(
    `Report 10 over ${options.from}..${options.to} (closed), ${options.latencyMs} ms latency per wolkvox call, ` +
      (options.coldServer
        ? 'server just started (--cold-server). '
        : 'server warmed by four answers of other periods before each run (live.mjs, warmServer). ') +
      'Figures: median [min – max] (n samples), page clock, from navigation start or the input event to the frame after the DOM shows it.',
  );
  for (const [size, rows] of Object.entries(summary)) {
    const data = results.sizes[size];
    print('');
    print(
      `=== ${data.expectedRows.toLocaleString('en-US')} rows in the month, ${data.runs.length} runs ===`,
    );
    printFigureRows(rows, print);
    const errors = data.runs.flatMap((r) => [...(r.errors ?? []), ...(r.cached?.errors ?? [])]);
    if (errors.length) print(`page errors: ${[...new Set(errors)].join(' | ')}`);
  }
}
