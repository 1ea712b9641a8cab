// Browser benchmark of the production build on mocks: `npm run bench`, or
//   node test/bench/run.mjs [--sizes 200000,1000000] [--runs 5] [--quick]
//                           [--no-app] [--no-tanstack] [--profile] [--budget-min 14]
//   node test/bench/run.mjs --print bench-results/bench.json   # print a saved result again
//   node test/bench/run.mjs --live [...]   # through the production server (live.mjs)
// Builds the app into node_modules/.tmp/bench-dist (not dist/), serves it with vite preview,
// drives Debian's headless Chromium through playwright-core, and times what a supervisor
// does with report 10 at ~200k and ~1M rows, in the page's own clock (see probe.mjs). Also
// builds test/bench/tanstack-page and times the data engine against TanStack Table v9's stock
// row models on the same rows. Prints a table against the targets and writes
// bench-results/bench.json. See test/bench/README.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { bundleSizes } from './bundle.mjs';
import {
  environment,
  evaluate,
  exportCsv,
  heap,
  openContext,
  phoneKeystrokes,
  phoneQueries,
  SORT_STEPS,
  sortStep,
  watch,
} from './page-tools.mjs';
import { printResults, summarize } from './report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '../..');
const APP_OUT = join(ROOT, 'node_modules/.tmp/bench-dist');
const PROFILE_OUT = join(ROOT, 'node_modules/.tmp/bench-dist-profile');
const PAGE_ROOT = join(here, 'tanstack-page');
const PAGE_OUT = join(ROOT, 'node_modules/.tmp/bench-tanstack');
const RESULTS = join(ROOT, 'bench-results/bench.json');
/** Mock interactions per weekday: keeps every monthly chunk under the API's 60,000-row cap. */
const ROWS_PER_DAY = 3300;
/** Report-10 rows per calendar day at ROWS_PER_DAY (measured on this generator). */
const ROWS_PER_CALENDAR_DAY = 1755;
const RANGE_END = '2026-10-31';
const REPORT_PATH = '/reports/interactions-and-chats/10';

const options = parseArgs(process.argv.slice(2));
const log = (line) => console.log(`[bench ${clock()}] ${line}`);
const started = Date.now();
const clock = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s`;

function parseArgs(argv) {
  const value = (name) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  const sizes = (value('--sizes') ?? '200000,1000000').split(',').map(Number).filter(Boolean);
  return {
    sizes,
    runs: Number(value('--runs') ?? (quick ? 2 : 5)),
    quick,
    app: !argv.includes('--no-app'),
    tanstack: !argv.includes('--no-tanstack'),
    profile: argv.includes('--profile'),
    // Stop starting new runs of a size once its share of this budget is used up.
    budgetMin: Number(value('--budget-min') ?? (quick ? 8 : 14)),
    print: value('--print'),
  };
}

/** The longest range the app loads is 400 days (report-model/load/load-limits.ts). */
const MAX_DAYS = 365;

/**
 * The report URL's range for about `size` rows, ending on RANGE_END (fixed: same data each
 * run). Up to a year at ROWS_PER_DAY; beyond, a year at a higher volume (its months then go
 * over the 60,000-row cap, and the loader's call sizing is part of what is measured).
 */
function rangeFor(size) {
  const days = Math.min(MAX_DAYS, Math.max(1, Math.round(size / ROWS_PER_CALENDAR_DAY)));
  const rowsPerDay = Math.round((ROWS_PER_DAY * size) / (days * ROWS_PER_CALENDAR_DAY));
  const end = Date.parse(`${RANGE_END}T00:00:00Z`);
  const from = new Date(end - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to: RANGE_END, days, rowsPerDay };
}

/** Calendar months the range spans: the number of calls when no chunk hits the row cap. */
function monthsIn({ from, to }) {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) + 1;
}

async function buildAll() {
  log('building the app (production, mocks) into node_modules/.tmp/bench-dist');
  const appOutput = await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: APP_OUT, emptyOutDir: true },
  });
  const bundle = bundleSizes(appOutput, APP_OUT);
  if (options.tanstack) {
    log('building the comparison page (test/bench/tanstack-page)');
    await build({
      root: PAGE_ROOT,
      configFile: false,
      envDir: PAGE_ROOT,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: PAGE_OUT, emptyOutDir: true, chunkSizeWarningLimit: 2000 },
    });
  }
  if (options.profile) {
    log('building an unminified copy for CPU profiles');
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: PROFILE_OUT, emptyOutDir: true, minify: false },
    });
  }
  return bundle;
}

async function serve(outDir, root = ROOT, configFile = join(ROOT, 'vite.config.ts')) {
  const server = await preview({
    root,
    configFile,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

/** One page load of the report and everything measured on it. */
async function appRun(context, baseUrl, size, range, run, profiler) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const cdp = await context.newCDPSession(page);
  const url =
    `${baseUrl}${REPORT_PATH}?from=${range.from}&to=${range.to}` +
    `&mockRowsPerDay=${range.rowsPerDay}`;
  const out = { run, errors };
  const wallStart = Date.now();

  if (profiler) {
    await page.goto(`${baseUrl}/settings`);
    await profiler.start(cdp, page);
  }
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench && window.__bench.painted !== null, null, {
    timeout: 900_000,
    polling: 200,
  });
  out.load = await evaluate(page, () => {
    const B = window.__bench;
    const entries = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('reports_manager.php'))
      .map((e) => ({ start: e.startTime, end: e.responseEnd, bytes: e.encodedBodySize }));
    const all = entries.length >= B.reports.length ? entries : B.reports;
    const lastEnd = Math.max(...all.map((entry) => entry.end));
    const tasks = B.longTasks.filter((task) => task.start + task.duration >= lastEnd);
    return {
      requests: all.length,
      bytes: all.reduce((sum, entry) => sum + entry.bytes, 0),
      firstRequest: Math.min(...all.map((entry) => entry.start)),
      lastResponseEnd: lastEnd,
      paintedDom: B.paintedDom,
      painted: B.painted,
      dataToPaintMs: B.painted - lastEnd,
      dataToDomMs: B.paintedDom - lastEnd,
      // Long tasks between the last byte and the painted frame (where the time goes).
      longTasks: tasks
        .filter((task) => task.start <= B.painted)
        .map((task) => Math.round(task.duration)),
      counts: B.counts(),
      domRows: B.domRows(),
      elements: document.getElementsByTagName('*').length,
      timeOrigin: performance.timeOrigin,
    };
  });
  out.load.wallMs = Date.now() - wallStart;
  if (profiler) out.profileLoad = await profiler.stop(cdp, out.load);

  let headers = await evaluate(page, () => window.__bench.headers());
  // A click right away: the idle warm-up of sort keys may still be running.
  out.sortEarly = await sortStep(page, headers, 'SESSION_ID', 'ascending');
  await sortStep(page, headers, 'SESSION_ID', 'descending');
  await sortStep(page, headers, 'SESSION_ID', null);

  await page.waitForSelector('.billing-panel .summary-cards dd', { timeout: 120_000 });
  out.idleWaitMs = await evaluate(page, () => window.__bench.idle(1500, 60_000));
  // After the first paint: sort-key warm-up, the first pricing of report 10 (and the early sort).
  out.afterPaintLongestTaskMs = await evaluate(page, () => {
    const B = window.__bench;
    const after = B.longTasks.filter((task) => task.start >= B.painted);
    return after.reduce((max, task) => Math.max(max, task.duration), 0);
  });
  out.heapAfterLoad = await heap(cdp);
  out.workers = page.workers().length;
  out.domRows = await evaluate(page, () => window.__bench.domRows());
  headers = await evaluate(page, () => window.__bench.headers());

  out.sorts = [];
  for (const pass of [1, 2]) {
    for (const [column, aria] of SORT_STEPS) {
      if (profiler && pass === 1) await profiler.start(cdp, page);
      const result = await sortStep(page, headers, column, aria);
      if (profiler && pass === 1) out[`profileSort ${column} ${aria}`] = await profiler.stop(cdp);
      out.sorts.push({ pass, column, aria, ...result });
    }
  }

  // Phone filter: one keystroke → rows, then cleared, for a 4- and a 7-digit prefix.
  const { phone, q4, q7 } = await phoneQueries(page, headers);
  out.phoneQueries = { phone, q4, q7 };
  const countWatch = (extra = {}) => ({ kind: 'count', quietMs: 400, needSummary: true, ...extra });
  const prevCount = () => evaluate(page, () => window.__bench.countText());
  out.phone = await phoneKeystrokes(page, [q4, q7], { needSummary: true });
  // The same filter changes without the input's debounce: the URL's phone= set directly.
  for (const query of [q4, q7]) {
    for (const digits of [query, '']) {
      if (profiler && digits) await profiler.start(cdp, page);
      const result = await watch(page, countWatch({ prevCount: await prevCount() }), (id) =>
        evaluate(page, ([i, p]) => window.__bench.trigger(i, { params: { phone: p } }), [
          id,
          digits,
        ]),
      );
      if (profiler && digits) out[`profilePhone ${digits}`] = await profiler.stop(cdp);
      out.phone.push({ how: 'url', digits: digits.length, ...result });
    }
  }

  // The same sorts and filters with the charts section folded (the billing panel unmounted):
  // what the table and the engine cost on their own.
  if (await page.locator('.charts-section > summary').count()) {
    await page.locator('.charts-section > summary').click();
    await page.waitForSelector('.billing-panel', { state: 'detached', timeout: 120_000 });
    await evaluate(page, () => window.__bench.idle(500, 30_000));
    for (const [column, aria] of SORT_STEPS) {
      out.sorts.push({ pass: 3, column, aria, ...(await sortStep(page, headers, column, aria)) });
    }
    for (const query of [q4, q7]) {
      for (const digits of [query, '']) {
        const result = await watch(
          page,
          countWatch({ prevCount: await prevCount(), needSummary: false }),
          (id) =>
            evaluate(page, ([i, p]) => window.__bench.trigger(i, { params: { phone: p } }), [
              id,
              digits,
            ]),
        );
        out.phone.push({ how: 'url-folded', digits: digits.length, ...result });
      }
    }
    await page.locator('.charts-section > summary').click();
    await page.waitForSelector('.billing-panel .summary-cards dd', { timeout: 120_000 });
    await evaluate(page, () => window.__bench.idle(500, 60_000));
  }

  // CSV export of all rows (no filter, no sort).
  out.csv = await exportCsv(
    page,
    profiler && {
      start: () => profiler.start(cdp, page),
      stop: async () => (out.profileCsv = await profiler.stop(cdp)),
    },
  );

  // Scrolling: scrollTop sweep top → bottom in 2 s, then 40 wheel steps from the top.
  out.scroll = await evaluate(
    page,
    (ms) => window.__bench.scrollSweep(ms),
    options.quick ? 1000 : 2000,
  );
  {
    await evaluate(page, () => {
      document.querySelector('.table-scroll').scrollTop = 0;
    });
    const box = await page.locator('.table-scroll').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 300));
    await evaluate(page, () => window.__bench.frameCounter());
    for (let i = 0; i < 40; i++) await page.mouse.wheel(0, 400);
    await page.waitForTimeout(300);
    out.wheel = await evaluate(page, () => window.__bench.stopFrames());
  }
  out.heapAfterOps = await heap(cdp);
  await page.close();
  return out;
}

/** CDP sampling profiler: self and total time per function, optionally within a time window. */
function createProfiler() {
  let epochAtStart = 0;
  let count = 0;
  return {
    async start(cdp, page) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      epochAtStart = await page.evaluate(() => performance.timeOrigin + performance.now());
    },
    async stop(cdp, window) {
      const { profile } = await cdp.send('Profiler.stop');
      // Raw profiles for DevTools (Performance panel → load profile).
      const dir = join(dirname(RESULTS), 'profiles');
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, `${String(++count).padStart(2, '0')}.cpuprofile`),
        JSON.stringify(profile),
      );
      let from = -Infinity;
      let to = Infinity;
      if (window) {
        // Map the page's clock onto the profile's (µs); error ≈ one CDP round trip.
        const offsetUs = profile.startTime - epochAtStart * 1000;
        from = (window.timeOrigin + window.lastResponseEnd) * 1000 + offsetUs;
        to = (window.timeOrigin + window.painted) * 1000 + offsetUs;
      }
      return topFunctions(profile, from, to);
    },
  };
}

function topFunctions(profile, from, to) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const name = (node) => {
    const frame = node.callFrame;
    const file = frame.url ? basename(frame.url).replace(/-[\w-]{8}\.js$/, '.js') : '';
    return `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
  };
  const self = new Map();
  const total = new Map();
  let t = profile.startTime;
  let sampled = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (t < from || t > to) continue;
    const node = nodes.get(profile.samples[i]);
    const key = name(node);
    if (key.startsWith('(idle)')) continue;
    sampled += delta;
    self.set(key, (self.get(key) ?? 0) + delta);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const k = name(nodes.get(id));
      if (seen.has(k) || k.startsWith('(root)')) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + delta);
    }
  }
  const top = (map, n) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  return { busyMs: sampled / 1000, self: top(self, 12), total: top(total, 25) };
}

async function compareRun(context, baseUrl, size, range) {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.text().startsWith('[compare]')) log(`  ${message.text()}`);
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}/index.html`);
  await page.waitForFunction(() => typeof window.runCompare === 'function');
  const big = size > 500_000;
  const result = await page.evaluate((o) => window.runCompare(o), {
    from: range.from,
    to: range.to,
    rowsPerDay: range.rowsPerDay,
    sortKeys: ['session_id', 'date', 'conn_id', 'destiny'],
    engineRuns: Math.max(3, options.runs),
    // TanStack's stock sort takes seconds per run at 1M rows: fewer runs there.
    tanstackRuns: big ? (options.quick ? 1 : 2) : options.quick ? 2 : 3,
  });
  await page.close();
  return { ...result, errors };
}

async function main() {
  if (options.print) {
    // Re-print a saved result file (e.g. after changing the report) without running anything.
    const saved = JSON.parse(readFileSync(resolve(options.print), 'utf8'));
    saved.summary = summarize(saved);
    printResults(saved, (line) => console.log(line));
    return;
  }
  const results = { env: environment(ROOT), options, sizes: {}, compare: {} };
  log(`options ${JSON.stringify(options)}`);
  results.bundle = await buildAll();
  const budgetMs = options.budgetMin * 60_000;
  const closers = [];
  try {
    if (options.app) {
      const app = await serve(APP_OUT);
      closers.push(app.close);
      const profileApp = options.profile ? await serve(PROFILE_OUT) : undefined;
      if (profileApp) closers.push(profileApp.close);
      // Each size gets a share of the budget growing with √size (1M runs take longer).
      const weight = options.sizes.reduce((sum, size) => sum + Math.sqrt(size), 0);
      for (const size of options.sizes) {
        const range = rangeFor(size);
        const share = (budgetMs * (options.tanstack ? 0.8 : 0.95) * Math.sqrt(size)) / weight;
        const sizeStart = Date.now();
        const browser = await openContext();
        const runs = [];
        results.sizes[size] = { range, expectedRequests: monthsIn(range), runs };
        log(
          `${size.toLocaleString('en-US')} rows: ${range.from}..${range.to} x ${range.rowsPerDay}/weekday`,
        );
        try {
          for (let run = 1; run <= options.runs; run++) {
            const runStart = Date.now();
            const out = await appRun(browser.context, app.url, size, range, run);
            runs.push(out);
            log(
              `  run ${run}: ${out.load.counts?.total?.toLocaleString('en-US')} rows, ` +
                `data→paint ${out.load.dataToPaintMs.toFixed(0)} ms, ` +
                `heap ${out.heapAfterLoad.usedMb.toFixed(0)} MB, run took ${((Date.now() - runStart) / 1000).toFixed(0)} s`,
            );
            const elapsed = Date.now() - sizeStart;
            const perRun = elapsed / run;
            if (run < options.runs && elapsed + perRun > share && run >= 2) {
              log(
                `  stopping after ${run} runs (budget ${(share / 1000).toFixed(0)} s for this size)`,
              );
              break;
            }
          }
        } finally {
          await browser.close();
        }
        if (options.profile && profileApp && size === Math.max(...options.sizes)) {
          log('  profiled pass (unminified build; figures slower, for attribution only)');
          const profiled = await openContext();
          try {
            results.sizes[size].profile = await appRun(
              profiled.context,
              profileApp.url,
              size,
              range,
              0,
              createProfiler(),
            );
          } finally {
            await profiled.close();
          }
        }
      }
    }
    if (options.tanstack) {
      const page = await serve(PAGE_OUT, PAGE_ROOT, false);
      closers.push(page.close);
      for (const size of options.sizes) {
        const range = rangeFor(size);
        log(
          `comparison at ${size.toLocaleString('en-US')} rows: engine vs TanStack stock row models`,
        );
        const browser = await openContext();
        try {
          results.compare[size] = await compareRun(browser.context, page.url, size, range);
        } finally {
          await browser.close();
        }
      }
    }
  } finally {
    for (const close of closers) await close();
  }
  results.summary = summarize(results);
  results.elapsedS = (Date.now() - started) / 1000;
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  printResults(results, (line) => console.log(line));
  console.log(`\nAll figures: ${RESULTS} (${results.elapsedS.toFixed(0)} s in all)`);
}

// `--live`: the production server in front of the fake wolkvox instead (live.mjs).
const argv = process.argv.slice(2);
const entry = argv.includes('--live')
  ? import('./live.mjs').then(({ runLive }) => runLive(argv))
  : main();
entry.catch((error) => {
  console.error(error);
  process.exit(1);
});
