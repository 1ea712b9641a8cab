// Browser benchmark of issue 15's comparison at ~1M interactions per period (opt-in, not part
// of `npm run bench`):
//   flock /tmp/e2e.lock flock /tmp/bench.lock node test/bench/comparison.mjs [--runs 3]
//       [--rows-per-day 63000] [--root <checkout>] [--pack]
// Builds the app (production, mocks) of `--root` (default this checkout) into
// node_modules/.tmp/bench-comparison-dist, serves it with vite preview, opens report 10 for
// October 2026 in Debian's headless Chromium, waits for the table, clicks "Compare" (the
// previous period: September 2026) and times, in the page's clock:
//   rows in page → drawn: from the commit that ends the comparison period's loading status
//     (its query's data is in the page) to the frame after the DOM shows the comparison's
//     summary, the waterfall's bars and the per-connector table;
//   data received → drawn: from the last report answer's arrival (resource timing, or the app's "wolkvox call" measure) to the
//     same frame (adds the loader's own work on the last answer: row checks, CONNECTOR column);
//   click → drawn, the load included.
// With --pack it then clicks "Download the billing pack (.xlsx)" and times click → the app's
// click on the <a download>.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const value = (name, fallback) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : fallback;
};
const ROOT = resolve(value('--root', resolve(here, '../..')));
const OUT = join(resolve(here, '../..'), 'node_modules/.tmp/bench-comparison-dist');
const RUNS = Number(value('--runs', '3'));
const ROWS_PER_DAY = Number(value('--rows-per-day', '63000'));
const PACK = argv.includes('--pack');
const URL_PATH = `/reports/interactions-and-chats/10?from=2026-10-01&to=2026-10-31&mockRowsPerDay=${ROWS_PER_DAY}`;
const log = (line) => console.log(`[comparison ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** In the page: watches the month-over-month section from the click on Compare. */
function installWatch() {
  const W = { click: null, spinnerSeen: false, rowsInPage: null, drawnDom: null, drawn: null };
  window.__mom = W;
  const section = () =>
    [...document.querySelectorAll('section.explain-section')].find((s) =>
      s.querySelector('.mom-form'),
    );
  const drawn = (s) => {
    const figure = s.querySelector('figure, [role="figure"]');
    return (
      s.querySelector('table.mom-summary tr.mom-effect td:nth-child(4)')?.textContent &&
      figure &&
      figure.querySelectorAll('.recharts-bar-rectangle').length >= 4 &&
      s.querySelectorAll('table.mom-lines tbody tr').length > 0
    );
  };
  document.addEventListener(
    'click',
    (event) => {
      if (event.isTrusted && event.target.closest?.('.mom-form button[type="submit"]'))
        W.click = event.timeStamp;
    },
    true,
  );
  // Observes the document, not its body: this init script runs before there is a body (it
  // did observe the body, threw there, and the comparison was never seen drawn).
  new MutationObserver(() => {
    if (W.click === null) return;
    const s = section();
    if (!s) return;
    const spinner = s.querySelector('p.state[role="status"]');
    if (spinner) W.spinnerSeen = true;
    else if (W.spinnerSeen && W.rowsInPage === null) W.rowsInPage = performance.now();
    if (W.drawnDom === null && drawn(s)) {
      W.drawnDom = performance.now();
      requestAnimationFrame(() => (W.drawn = performance.now()));
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
  try {
    W.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) W.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long task API
  }
  document.addEventListener(
    'click',
    (event) => {
      const a = event.target;
      if (a instanceof HTMLAnchorElement && a.hasAttribute('download'))
        W.download = performance.now();
    },
    true,
  );
}

const fmt = (xs) =>
  xs.length ? `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))} ms` : '–';

async function main() {
  log(`building ${ROOT} (production, mocks) into ${OUT}`);
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: OUT, emptyOutDir: true },
  });
  const server = await preview({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: OUT },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const base = `http://127.0.0.1:${server.httpServer.address().port}`;
  const results = [];
  try {
    for (let run = 1; run <= RUNS; run++) {
      const profile = mkdtempSync(join(tmpdir(), 'wolkvox-mom-bench-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1366, height: 900 },
        acceptDownloads: true,
        locale: 'en-US',
      });
      try {
        await context.addInitScript(installWatch);
        const page = context.pages()[0] ?? (await context.newPage());
        const errors = [];
        page.on('pageerror', (e) => errors.push(e.message));
        const t0 = Date.now();
        await page.goto(base + URL_PATH);
        await page.getByText(/^[\d,]+ of [\d,]+ rows$/).waitFor({ timeout: 900_000 });
        const mom = page.getByRole('region', { name: 'Month over month' });
        await mom.getByRole('button', { name: 'Compare' }).waitFor({ timeout: 300_000 });
        const label = await mom.locator('fieldset label').first().textContent();
        const rows = await page.locator('.row-count').textContent();
        // The page's own period settled (facts, first estimate) before the comparison.
        await page.waitForTimeout(3000);
        const before = await page.evaluate(() => performance.now());
        await mom.getByRole('button', { name: 'Compare' }).click();
        await page.waitForFunction(() => window.__mom.drawn !== null, null, {
          timeout: 900_000,
          polling: 200,
        });
        const r = await page.evaluate((since) => {
          const W = window.__mom;
          // The page's own fetches (the mocks) are in its resource timing; a worker's (live)
          // are the app's "wolkvox call" measures.
          const answers = [
            ...performance
              .getEntriesByType('resource')
              .filter((e) => e.name.includes('reports_manager.php'))
              .map((e) => ({ startTime: e.startTime, end: e.responseEnd })),
            ...performance
              .getEntriesByName('wolkvox call')
              .map((e) => ({ startTime: e.startTime, end: e.startTime + e.duration })),
          ].filter((e) => e.startTime >= since);
          const lastAnswer = Math.max(...answers.map((e) => e.end));
          const measure = (name) =>
            performance
              .getEntriesByName(name)
              .filter((e) => e.startTime >= since)
              .map((e) => Math.round(e.duration));
          return {
            calls: answers.length,
            clickToDrawnMs: W.drawn - W.click,
            receivedToDrawnMs: W.drawn - lastAnswer,
            rowsInPageToDrawnMs: W.rowsInPage === null ? null : W.drawn - W.rowsInPage,
            rowsInPageToDrawnDomMs: W.rowsInPage === null ? null : W.drawnDom - W.rowsInPage,
            receivedToRowsInPageMs: W.rowsInPage === null ? null : W.rowsInPage - lastAnswer,
            factsMs: measure('comparison facts'),
            comparisonMs: measure('month over month'),
            longTasksAfterRowsInPage: (W.longTasks ?? [])
              .filter(([s, d]) => s + d >= (W.rowsInPage ?? Infinity) && s <= W.drawn)
              .map(([, d]) => Math.round(d)),
            previousRows: document.querySelector('table.mom-summary tbody tr:nth-child(2) td')
              ?.textContent,
          };
        }, before);
        Object.assign(r, { run, label, rows, pageLoadS: null, errors });
        r.pageLoadS = Math.round((Date.now() - t0) / 1000);
        if (PACK) {
          const explain = page.getByRole('region', { name: 'Explain the bill' });
          const start = await page.evaluate(() => performance.now());
          await Promise.all([
            page.waitForEvent('download', { timeout: 120_000 }),
            explain.getByRole('button', { name: 'Download the billing pack (.xlsx)' }).click(),
          ]);
          r.packMs = await page.evaluate((s) => window.__mom.download - s, start);
          r.packMeasureMs = await page.evaluate(() =>
            Math.round(performance.getEntriesByName('billing pack').at(-1)?.duration ?? NaN),
          );
        }
        log(JSON.stringify(r));
        results.push(r);
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
  } finally {
    await server.close();
  }
  const pick = (key) => results.map((r) => r[key]).filter((x) => typeof x === 'number');
  console.log(`\nComparison at ~1M interactions per period (${results.length} runs, ${ROOT})`);
  console.log(
    `  periods: ${results[0]?.rows} this period; previous ${results[0]?.previousRows} interactions`,
  );
  console.log(`  rows in page → drawn:   ${fmt(pick('rowsInPageToDrawnMs'))}  (target ≤ 500 ms)`);
  console.log(`  data received → drawn:  ${fmt(pick('receivedToDrawnMs'))}`);
  console.log(`  click → drawn (load):   ${fmt(pick('clickToDrawnMs'))}`);
  console.log(`  facts after the load:   ${fmt(results.flatMap((r) => r.factsMs))}`);
  console.log(`  comparison (in page):   ${fmt(results.flatMap((r) => r.comparisonMs))}`);
  if (PACK) console.log(`  pack click → download: ${fmt(pick('packMs'))}  (target ≤ 3 s)`);
}

await main();
