// Browser benchmark of the production build on mocks: `npm run bench`, or
//   node test/bench/run.mjs [--sizes 200000,1000000] [--runs 5] [--quick]
//                           [--no-app] [--no-tanstack] [--profile] [--budget-min 14]
//   node test/bench/run.mjs --print bench-results/bench.json   # print a saved result again
// Builds the app into node_modules/.tmp/bench-dist (not dist/), serves it with vite preview,
// drives Debian's headless Chromium through playwright-core, and times what a supervisor
// does with report 10 at ~200k and ~1M rows, in the page's own clock (see probe.mjs). Also
// builds test/bench/tanstack-page and times the data engine against TanStack Table v9's stock
// row models on the same rows. Prints a table against the targets and writes
// bench-results/bench.json. See test/bench/README.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { bundleSizes } from './bundle.mjs';
import { installProbe } from './probe.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium.mjs';
import { printResults, summarize } from './report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '../..');
const APP_OUT = join(ROOT, 'node_modules/.tmp/bench-dist');
const PROFILE_OUT = join(ROOT, 'node_modules/.tmp/bench-dist-profile');
const PAGE_ROOT = join(here, 'tanstack-page');
const PAGE_OUT = join(ROOT, 'node_modules/.tmp/bench-tanstack');
const RESULTS = join(ROOT, 'bench-results/bench.json');
const ARGS = [
  ...CHROMIUM_ARGS,
  // gc() in the comparison page (between TanStack runs) and exact performance.memory.
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
];
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

async function openContext() {
  const profileDir = mkdtempSync(join(tmpdir(), 'wolkvox-bench-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
    locale: 'en-US',
  });
  await context.addInitScript(installProbe);
  // Every page load starts with the charts section open (the app remembers folding it).
  await context.addInitScript(() => {
    try {
      localStorage.removeItem('wolkvox.chartsOpen.v1');
    } catch {
      // no storage: open by default anyway
    }
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

const evaluate = (page, fn, arg) => page.evaluate(fn, arg);

/** Arms a watch in the page, runs `action`, and returns the in-page result. */
async function watch(page, spec, action) {
  const id = await evaluate(page, (s) => window.__bench.arm(s), spec);
  if (typeof action === 'function') await action(id);
  return evaluate(page, (i) => window.__bench.result(i), id);
}

async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return {
    usedMb: usage.usedSize / 2 ** 20,
    totalMb: usage.totalSize / 2 ** 20,
    // ArrayBuffer backing stores (typed arrays: sort keys, orders) live outside the JS heap.
    backingStoreMb:
      usage.backingStorageSize !== undefined ? usage.backingStorageSize / 2 ** 20 : null,
  };
}

const SORT_STEPS = [
  ['SESSION_ID', 'ascending'],
  ['SESSION_ID', 'descending'],
  ['DATE', 'ascending'],
  ['DATE', 'descending'],
  ['CONN_ID', 'ascending'],
  ['CONN_ID', 'descending'],
  ['DESTINY', 'ascending'],
  ['DESTINY', 'descending'],
  ['DESTINY', null],
];

async function sortStep(page, headers, column, aria) {
  const th = headers.findIndex((header) => header.text === column);
  if (th < 0) throw new Error(`no ${column} header (have ${headers.map((h) => h.text)})`);
  const prevFirst = await evaluate(page, () => window.__bench.firstRows());
  return watch(page, { kind: 'sort', th, aria, prevFirst, startOn: 'click', quietMs: 300 }, () =>
    page.locator('.report-table thead th').nth(th).locator('button').click(),
  );
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

  // Phone filter. Query digits from the phone on the first row (so there are matches).
  const phoneCol = headers.findIndex((header) => header.text === 'CUSTOMER_PHONE');
  const phone = await evaluate(
    page,
    (col) =>
      document.querySelector('.report-table tbody tr:not(.spacer)')?.children[col]?.textContent ??
      '',
    phoneCol,
  );
  // Typed from the start, as a supervisor copies a number: "5733" then "5733706". Each measured
  // keystroke narrows a prefix that matches far more rows, so the count always changes.
  const digits = phone.replace(/\D/g, '');
  const q4 = digits.slice(0, 4);
  const q7 = digits.slice(0, 7);
  out.phoneQueries = { phone, q4, q7 };
  const input = page.getByLabel('Phone', { exact: true });
  const countWatch = (extra = {}) => ({ kind: 'count', quietMs: 400, needSummary: true, ...extra });
  const prevCount = () => evaluate(page, () => window.__bench.countText());
  out.phone = [];
  await input.click();
  for (const query of [q4, q7]) {
    // Type all but the last digit, let it settle, then time the last keystroke.
    await watch(page, countWatch({ prevCount: await prevCount(), startOn: 'input' }), () =>
      input.fill(query.slice(0, -1)),
    );
    const key = await watch(
      page,
      countWatch({ prevCount: await prevCount(), startOn: 'input' }),
      () => page.keyboard.press(query.at(-1)),
    );
    out.phone.push({ how: 'keystroke', digits: query.length, ...key });
    const clear = await watch(
      page,
      countWatch({ prevCount: await prevCount(), startOn: 'input' }),
      () => input.fill(''),
    );
    out.phone.push({ how: 'keystroke', digits: 0, ...clear });
  }
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
  {
    const button = page.getByRole('button', { name: 'Export CSV', exact: true });
    const downloadsBefore = await evaluate(page, () => window.__bench.downloads.length);
    const id = await evaluate(page, (s) => window.__bench.arm(s), {
      kind: 'download',
      downloadsBefore,
      startOn: 'click',
      quietMs: 100,
      timeoutMs: 300_000,
    });
    const downloadEvent = page.waitForEvent('download', { timeout: 300_000 });
    if (profiler) await profiler.start(cdp, page);
    const t0 = performance.now();
    await button.click();
    const download = await downloadEvent;
    const nodeMs = performance.now() - t0;
    if (profiler) out.profileCsv = await profiler.stop(cdp);
    const inPage = await evaluate(page, (i) => window.__bench.result(i), id);
    const file = await download.path();
    const bytes = statSync(file).size;
    const lines = countLines(file);
    await download.delete();
    out.csv = {
      nodeMs,
      inPageMs: inPage.downloadMs,
      bytes,
      lines,
      name: download.suggestedFilename(),
    };
  }

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

function countLines(file) {
  const bytes = readFileSync(file);
  let lines = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lines++;
  return lines;
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

function environment() {
  const git = (...args) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  return {
    date: new Date().toISOString(),
    node: process.version,
    chromium: (() => {
      try {
        return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
      } catch {
        return CHROMIUM;
      }
    })(),
    cpus: `${cpus().length} x ${cpus()[0]?.model ?? '?'}`,
    commit: git('rev-parse', '--short', 'HEAD'),
    dirty: git('status', '--porcelain', '--', 'src').split('\n').filter(Boolean),
  };
}

async function main() {
  if (options.print) {
    // Re-print a saved result file (e.g. after changing the report) without running anything.
    const saved = JSON.parse(readFileSync(resolve(options.print), 'utf8'));
    saved.summary = summarize(saved);
    printResults(saved, (line) => console.log(line));
    return;
  }
  const results = { env: environment(), options, sizes: {}, compare: {} };
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
