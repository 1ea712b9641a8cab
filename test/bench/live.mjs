// `npm run bench -- --live`: report 10 over one closed 31-day month, at ~200k and ~1M rows,
// through the production server from the fake wolkvox at 120 ms a call. See README.md,
// "Live mode".
//   npm run bench -- --live [--sizes 200000,1000000] [--runs 3] [--latency 120]
//                           [--from 2026-10-01 --to 2026-10-31]
//   npm run bench -- --live --print bench-results/live.json
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { callFigures } from './live-calls.mjs';
import { operate, openReport } from './live-page.mjs';
import { printLive, summarizeLive } from './live-report.mjs';
import { buildLiveStack, startFake, startServer } from './live-stack.mjs';
import { environment, openContext } from './page-tools.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS = join(ROOT, 'bench-results/live.json');
const REPORT_PATH = '/reports/interactions-and-chats/10';
/** wolkvox's row cap per answer: the fewest calls a load can make is ⌈rows / 60,000⌉. */
const ROW_CAP = 60_000;
const LOAD_TIMEOUT_MS = 600_000;
/** Lets the server's last audit lines (its stdout, piped) arrive before they are read. */
const settle = () => new Promise((done) => setTimeout(done, 300));

function parseArgs(argv) {
  const value = (name, fallback) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : fallback;
  };
  return {
    sizes: value('--sizes', '200000,1000000').split(',').map(Number).filter(Boolean),
    runs: Number(value('--runs', 3)),
    latencyMs: Number(value('--latency', 120)),
    from: value('--from', '2026-10-01'),
    to: value('--to', '2026-10-31'),
    print: value('--print'),
  };
}

export async function runLive(argv) {
  const options = parseArgs(argv);
  if (options.print) {
    const saved = JSON.parse(readFileSync(resolve(options.print), 'utf8'));
    printLive(saved, summarizeLive(saved), (line) => console.log(line));
    return;
  }
  const started = Date.now();
  const log = (line) =>
    console.log(`[bench live ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}`);
  log(`options ${JSON.stringify(options)}`);
  log('building the live app, the server and the fake (node_modules/.tmp/bench-live)');
  const stack = await buildLiveStack(ROOT);
  const results = { env: environment(ROOT), options, sizes: {} };
  const url = (base) => `${base}${REPORT_PATH}?from=${options.from}&to=${options.to}`;

  for (const size of options.sizes) {
    log(`${size.toLocaleString('en-US')} rows: starting the fake and asking it for every day once`);
    const { fake, expectedRows, fakeAlone } = await startFake(stack, { ...options, rows: size });
    const runs = [];
    const minCalls = Math.ceil(expectedRows / ROW_CAP);
    results.sizes[size] = { expectedRows, minCalls, fakeAlone, runs };
    log(`${expectedRows.toLocaleString('en-US')} rows in ${options.from}..${options.to}`);
    try {
      for (let run = 1; run <= options.runs; run++) {
        runs.push(await liveRun(stack, fake, url, run, options.latencyMs));
        const r = runs.at(-1);
        log(
          `  run ${run}: all rows ${r.load.allRowsMs?.toFixed(0)} ms (${r.load.counts?.total?.toLocaleString('en-US')} rows), ` +
            `${r.calls.calls} calls, cached month ${r.cached.load.allRowsMs?.toFixed(0)} ms`,
        );
      }
    } finally {
      await fake.close();
    }
  }
  results.elapsedS = (Date.now() - started) / 1000;
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  printLive(results, summarizeLive(results), (line) => console.log(line));
  console.log(`\nAll samples: ${RESULTS} (${results.elapsedS.toFixed(0)} s in all)`);
}

/**
 * One run: a server with an empty closed-period cache; a fresh profile opens the month (every
 * call reaches the fake) and works with it; then another fresh profile opens it again (the
 * server answers from its cache).
 */
async function liveRun(stack, fake, url, run, latencyMs) {
  const server = await startServer(stack, fake);
  try {
    const out = { run };
    {
      const callsBefore = fake.stats.calls.length;
      const browser = await openContext();
      try {
        const { page, load, errors } = await openReport(
          browser.context,
          url(server.url),
          LOAD_TIMEOUT_MS,
        );
        out.load = load;
        out.errors = errors;
        await settle();
        out.calls = callFigures(fake, callsBefore, server.audit(), latencyMs);
        Object.assign(out, await operate(browser.context, page));
        await page.close();
      } finally {
        await browser.close();
      }
    }
    out.cacheFiles = server.cacheFiles();
    {
      const callsBefore = fake.stats.calls.length;
      const auditFrom = server.outputLength();
      const browser = await openContext();
      try {
        const { page, load, errors } = await openReport(
          browser.context,
          url(server.url),
          LOAD_TIMEOUT_MS,
        );
        await settle();
        const calls = callFigures(fake, callsBefore, server.audit(auditFrom), latencyMs);
        out.cached = { load, errors, calls };
        await page.close();
      } finally {
        await browser.close();
      }
    }
    return out;
  } finally {
    await server.close();
  }
}
