/** Medians, targets and the printed tables of test/bench/run.mjs. */

export function stats(samples) {
  const values = samples.filter((value) => typeof value === 'number' && Number.isFinite(value));
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

/** Targets for the production build, medians; [≈200k, ≈1M]. */
const TARGETS = {
  dataToPaint: [400, 1500],
  sort: [80, 350],
  phoneKey: [30, 120],
  charts: [60, 250],
  csv: [400, 2000],
  heap: [120, 500],
};
const target = (name, size) => TARGETS[name]?.[size > 500_000 ? 1 : 0];

const SORT_LABEL = { ascending: 'asc', descending: 'desc', null: 'none (clear)' };

/** Every figure as {label, unit, target, stats}, per size. */
export function summarize(results) {
  const out = {};
  for (const [sizeKey, data] of Object.entries(results.sizes)) {
    const size = Number(sizeKey);
    const runs = data.runs;
    const rows = [];
    const add = (group, label, samples, unit = 'ms', targetName, extra) =>
      rows.push({
        group,
        label,
        unit,
        target: targetName ? target(targetName, size) : undefined,
        stats: stats(samples),
        ...extra,
      });
    const ok = (result) => (result && result.ok ? result : null);

    add(
      'load',
      'data received → table painted',
      runs.map((r) => r.load.dataToPaintMs),
      'ms',
      'dataToPaint',
      {
        dom: stats(runs.map((r) => r.load.dataToDomMs)),
      },
    );
    add(
      'load',
      '  (navigation → table painted)',
      runs.map((r) => r.load.painted),
    );
    add(
      'load',
      '  longest task after paint until idle (input blocked)',
      runs.map((r) => r.afterPaintLongestTaskMs),
    );
    add('load', '  report calls / rows', [runs[0]?.load.requests], 'calls', undefined, {
      note: `expected ${data.expectedRequests}; ${runs[0]?.load.counts?.total?.toLocaleString('en-US')} rows`,
    });
    add(
      'sort',
      'sort SESSION_ID asc, right after paint',
      runs.map((r) => ok(r.sortEarly)?.ms),
      'ms',
      undefined,
      {
        dom: stats(runs.map((r) => ok(r.sortEarly)?.domMs)),
      },
    );

    const sortKeys = [];
    for (const run of runs)
      for (const s of run.sorts)
        if (!sortKeys.some((k) => k.column === s.column && k.aria === s.aria))
          sortKeys.push({ column: s.column, aria: s.aria });
    let worst = null;
    const PASS = { 1: 'sort', 2: 'again', 3: 'folded' };
    for (const pass of [1, 2, 3]) {
      if (pass === 3 && !runs.some((r) => r.sorts.some((s) => s.pass === 3))) continue;
      for (const { column, aria } of sortKeys) {
        const samples = runs.flatMap((r) =>
          r.sorts.filter((s) => s.pass === pass && s.column === column && s.aria === aria),
        );
        const timedOut = samples.filter((s) => !s.ok).length;
        const st = stats(samples.map((s) => (s.ok ? s.ms : null)));
        if (pass === 1 && st && aria !== null && (!worst || st.median > worst.median)) {
          worst = { ...st, column, aria };
        }
        add(
          'sort',
          `${PASS[pass]} ${column} ${SORT_LABEL[aria]}${pass === 3 ? ' (charts folded)' : ''}`,
          samples.map((s) => (s.ok ? s.ms : null)),
          'ms',
          aria !== null && pass !== 3 ? 'sort' : undefined,
          {
            dom: stats(samples.map((s) => (s.ok ? s.domMs : null))),
            note: timedOut ? `${timedOut} timed out` : undefined,
          },
        );
      }
    }
    for (const [pass, label] of [
      [1, 'longest task ≥50 ms after a sort click (input blocked; 0 = none)'],
      [3, '  same, charts folded'],
    ]) {
      const samples = runs.flatMap((r) => r.sorts.filter((s) => s.pass === pass));
      if (samples.length)
        add(
          'sort',
          label,
          samples.map((s) => s.longestTaskMs),
        );
    }
    if (worst) {
      rows.push({
        group: 'sort',
        label: `sort, slowest column (${worst.column} ${SORT_LABEL[worst.aria]})`,
        unit: 'ms',
        target: target('sort', size),
        stats: worst,
      });
    }

    const phone = (how, digits) =>
      runs.flatMap((r) => r.phone.filter((p) => p.how === how && p.digits === digits));
    const q = runs[0]?.phoneQueries ?? {};
    for (const [digits, name] of [
      [4, `"${q.q4}"`],
      [7, `"${q.q7}"`],
    ]) {
      add(
        'phone',
        `phone keystroke → rows, ${digits} digits ${name}`,
        phone('keystroke', digits).map((p) => ok(p)?.ms),
        'ms',
        undefined,
        { dom: stats(phone('keystroke', digits).map((p) => ok(p)?.domMs)) },
      );
      add(
        'phone',
        `phone filter → rows, ${digits} digits (URL)`,
        phone('url', digits).map((p) => ok(p)?.ms),
        'ms',
        'phoneKey',
        { dom: stats(phone('url', digits).map((p) => ok(p)?.domMs)) },
      );
    }
    for (const [digits, label] of [
      [4, '4 digits'],
      [7, '7 digits'],
      [0, 'clear'],
    ]) {
      add(
        'phone',
        `phone filter → rows, ${label} (URL), charts folded`,
        phone('url-folded', digits).map((p) => ok(p)?.ms),
        'ms',
        undefined,
        {
          dom: stats(phone('url-folded', digits).map((p) => ok(p)?.domMs)),
        },
      );
    }
    add(
      'phone',
      'clear phone keystroke → rows',
      phone('keystroke', 0).map((p) => ok(p)?.ms),
      'ms',
      undefined,
      {
        dom: stats(phone('keystroke', 0).map((p) => ok(p)?.domMs)),
      },
    );
    add(
      'phone',
      'clear phone filter → rows (URL)',
      phone('url', 0).map((p) => ok(p)?.ms),
      'ms',
      'phoneKey',
      {
        dom: stats(phone('url', 0).map((p) => ok(p)?.domMs)),
      },
    );
    for (const [digits, label] of [
      [4, '4 digits'],
      [7, '7 digits'],
      [0, 'cleared'],
    ]) {
      add(
        'charts',
        `usage + estimate recomputed (in page), filter ${label}`,
        phone('url', digits).map((p) => p.totalsMs),
      );
      add(
        'charts',
        `summary "Interactions" updated, filter ${label}`,
        phone('url', digits).map((p) => p.summaryMs),
      );
      add(
        'charts',
        `charts + summary settled, filter ${label}`,
        phone('url', digits).map((p) => p.panelLastMs),
        'ms',
        'charts',
      );
    }

    add(
      'charts',
      'longest task ≥50 ms after a filter change (input blocked)',
      ['url', 'keystroke']
        .flatMap((how) => [4, 7, 0].flatMap((d) => phone(how, d)))
        .map((p) => p.longestTaskMs),
    );
    add(
      'csv',
      'CSV export all rows: click → file handed to browser',
      runs.map((r) => r.csv?.inPageMs),
      'ms',
      'csv',
    );
    add(
      'csv',
      '  click → Playwright download event (Node clock)',
      runs.map((r) => r.csv?.nodeMs),
      'ms',
      'csv',
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
      'JS heap after load (after GC)',
      runs.map((r) => r.heapAfterLoad.usedMb),
      'MB',
      'heap',
    );
    add(
      'memory',
      '  ArrayBuffer backing stores (typed arrays)',
      runs.map((r) => r.heapAfterLoad.backingStoreMb),
      'MB',
    );
    add(
      'memory',
      '  JS heap + ArrayBuffers after load',
      runs.map((r) => r.heapAfterLoad.usedMb + (r.heapAfterLoad.backingStoreMb ?? 0)),
      'MB',
      'heap',
    );
    add(
      'memory',
      '  JS heap after all operations',
      runs.map((r) => r.heapAfterOps.usedMb),
      'MB',
    );
    const scrollRows = [
      ['DOM rows in tbody after load', (r) => r.domRows, 'rows'],
      ['scroll sweep top→bottom (scrollTop per frame)', (r) => r.scroll.fps, 'fps'],
      ['  longest frame during sweep', (r) => r.scroll.maxFrameMs, 'ms'],
      ['  frames > 25 ms during sweep', (r) => r.scroll.slowFrames, 'frames'],
      ['  max DOM rows during sweep', (r) => r.scroll.maxRows, 'rows'],
      ['  last row reachable (aria-rowindex at bottom)', (r) => r.scroll.lastRowIndex, 'row'],
      ['wheel scrolling (40 x 400 px)', (r) => r.wheel.fps, 'fps'],
      ['  longest frame while wheeling', (r) => r.wheel.maxFrameMs, 'ms'],
      ['  max DOM rows while wheeling', (r) => r.wheel.maxRows, 'rows'],
    ];
    const scroll = runs[0]?.scroll;
    for (const [label, value, unit] of scrollRows) {
      const note = label.includes('last row reachable')
        ? `of ${scroll?.rowCount?.toLocaleString('en-US')} (aria-rowcount); scrollHeight ${scroll?.scrollHeight?.toLocaleString('en-US')} px`
        : undefined;
      add('dom', label, runs.map(value), unit, undefined, note ? { note } : undefined);
    }
    out[sizeKey] = rows;
  }
  return out;
}

const fmt = (value, unit) => {
  if (value === null || value === undefined) return '–';
  if (unit === 'MB' || unit === 'fps') return value.toFixed(1);
  return Math.round(value).toLocaleString('en-US');
};

/**
 * Figure rows ({group, label, unit, target, stats, dom, note}) as a table, by group; ✓/✗ is
 * the median against the target, or the max for a `strict` row (a limit every sample must keep).
 */
export function printFigureRows(rows, print) {
  const width = 62;
  print(`${'figure'.padEnd(width)} ${'median'.padStart(9)}  ${'[min – max]'.padEnd(21)} n  target`);
  let group = '';
  for (const row of rows) {
    if (row.group !== group) {
      group = row.group;
      print(`-- ${group}`);
    }
    const st = row.stats;
    const value = st ? `${fmt(st.median, row.unit)} ${row.unit}` : '–';
    const range = st ? `[${fmt(st.min, row.unit)} – ${fmt(st.max, row.unit)}]` : '';
    let verdict = '';
    if (row.target !== undefined && st) {
      verdict = `${(row.strict ? st.max : st.median) <= row.target ? '✓' : '✗'} ≤${row.target.toLocaleString('en-US', { maximumFractionDigits: 1 })}`;
    }
    const notes = [row.dom ? `DOM ${fmt(row.dom.median)} ms` : '', row.note ?? '']
      .filter(Boolean)
      .join('; ');
    print(
      `${row.label.slice(0, width).padEnd(width)} ${value.padStart(12)}  ${range.padEnd(21)} ${String(st?.n ?? 0).padStart(1)}  ${verdict.padEnd(8)}${notes ? `  ${notes}` : ''}`,
    );
  }
}

export function printResults(results, print) {
  const { env, bundle } = results;
  print('');
  print(`Benchmark of the production build (mocks), ${env.date}`);
  print(
    `${env.chromium}, Node ${env.node}, ${env.cpus}, commit ${env.commit}${env.dirty.length ? ` + ${env.dirty.length} changed files in src/` : ''}`,
  );
  print('Figures: median [min – max] (n samples); ✓/✗ = median against the target.');
  print(
    'Interaction figures end at the frame after the DOM shows the result; "DOM" = median time the DOM',
  );
  print('already showed it (React commit), before that frame could be painted.');

  const sizes = Object.keys(results.summary);
  for (const size of sizes) {
    const data = results.sizes[size];
    print('');
    print(
      `=== ${Number(size).toLocaleString('en-US')} rows requested (${data.range.from}..${data.range.to}, mockRowsPerDay=${data.range.rowsPerDay}), ${data.runs.length} page loads ===`,
    );
    printFigureRows(results.summary[size], print);
  }

  if (bundle) {
    print('');
    print('=== bundle (JS chunks; gzip -9) ===');
    for (const chunk of bundle.chunks) {
      print(
        `${chunk.file.padEnd(40)} ${(chunk.raw / 1024).toFixed(1).padStart(8)} KiB  gzip ${(chunk.gzip / 1024).toFixed(1).padStart(7)} KiB  ${chunk.initial ? 'INITIAL' : chunk.dynamicEntry ? 'lazy   ' : '       '}  ${chunk.top.join(', ')}`,
      );
    }
    const initial = bundle.initialJs;
    print(
      `initial JS (${initial.files.join(' + ')}): ${(initial.raw / 1024).toFixed(1)} KiB raw, ${(initial.gzip / 1024).toFixed(1)} KiB gzip  ${initial.gzip / 1024 <= 200 ? '✓' : '✗'} ≤200 KiB`,
    );
  }

  const compare = Object.entries(results.compare ?? {});
  for (const [, data] of compare) {
    print('');
    print(
      `=== engine vs TanStack Table v9 stock row models, ${data.rows.toLocaleString('en-US')} rows (same rows, in-page, compute only) ===`,
    );
    print(
      `rows generated in ${(data.generateMs / 1000).toFixed(1)} s; TanStack core row model ${fmt(data.tanstackCoreModelMs)} ms; engine warm() (all keys + phone index) ${fmt(data.engineWarmMs)} ms`,
    );
    print(
      `heap (performance.memory after gc): rows ${fmt(data.heapRowsMb, 'MB')} MB; engine caches after warm() +${fmt(data.heapEngineMb, 'MB')} MB; TanStack core row model +${fmt(data.heapTanstackMb, 'MB')} MB`,
    );
    print(
      `${'operation'.padEnd(52)} ${'engine med [min–max]'.padStart(24)} ${'TanStack med [min–max]'.padStart(26)}   ratio`,
    );
    for (const timing of data.timings) {
      const e = stats(timing.engine);
      const t = stats(timing.tanstack);
      const cell = (s) => (s ? `${fmt(s.median)} [${fmt(s.min)}–${fmt(s.max)}]` : '–');
      const ratio = e && t ? `${(t.median / Math.max(e.median, 0.1)).toFixed(1)}x` : '–';
      const mismatch =
        timing.rows !== timing.tanstackRows
          ? ` (rows ${timing.rows} vs ${timing.tanstackRows})`
          : '';
      print(
        `${timing.op.slice(0, 52).padEnd(52)} ${cell(e).padStart(24)} ${cell(t).padStart(26)}   ${ratio}${mismatch}`,
      );
    }
    if (data.errors?.length) print(`page errors: ${data.errors.join(' | ')}`);
  }

  for (const size of sizes) {
    const errors = results.sizes[size].runs.flatMap((run) => run.errors);
    if (errors.length) print(`\npage errors at ${size}: ${[...new Set(errors)].join(' | ')}`);
    const profile = results.sizes[size].profile;
    if (profile) {
      print('');
      print(
        `=== CPU profile at ${Number(size).toLocaleString('en-US')} rows (unminified build, one pass; for attribution) ===`,
      );
      for (const [key, value] of Object.entries(profile)) {
        if (!key.startsWith('profile')) continue;
        print(`-- ${key} (busy ${fmt(value.busyMs)} ms): top total`);
        for (const line of value.total.slice(0, 14)) print(`   ${line}`);
        print('   top self');
        for (const line of value.self.slice(0, 8)) print(`   ${line}`);
      }
    }
  }
}
