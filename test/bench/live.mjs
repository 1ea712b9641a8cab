// `npm run bench -- --live`: report 10 over one closed 31-day month, at ~200k and ~1M rows,
// through the production server from the fake wolkvox at 120 ms a call. See README.md,
// "Live mode".
//   npm run bench -- --live [--sizes 200000,1000000] [--runs 3] [--latency 120]
//                           [--from 2026-10-01 --to 2026-10-31] [--cold-server]
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
    coldServer: argv.includes('--cold-server'),
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
        runs.push(await liveRun(stack, fake, url, run, options));
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
 * A server in service, not one just started: it has read answers before (its code compiled
 * and optimized by V8, in its event loop and both reader threads), but none of the measured
 * load's. Two rounds of two report-10 calls at once, for periods of the month's first days
 * that end at 17:59:59, which the load never asks (its calls end at the month's end or where
 * an answer was cut): the cache, keyed by the exact period, has none of the load's calls, and
 * the first open counts no hit. Without it (--cold-server) the first answers of each run are
 * read by code not yet optimized: ~140 ms more at 200,000 rows (measured).
 */
async function warmServer(server, from) {
  const day = (n, time) =>
    `${from.replaceAll('-', '').slice(0, 6)}${String(n).padStart(2, '0')}${time}`;
  const ask = (first, last) =>
    fetch(
      `${server.url}/wolkvox/api/v2/reports_manager.php?api=chat_10&date_ini=${day(first, '000000')}&date_end=${day(last, '175959')}`,
      {
        headers: {
          accept: 'application/vnd.wolkvox-columns, application/json;q=0.9',
          'accept-encoding': 'gzip',
        },
      },
    ).then((answer) => answer.arrayBuffer());
  for (const pair of [
    [
      [1, 3],
      [4, 6],
    ],
    [
      [7, 9],
      [10, 12],
    ],
  ])
    await Promise.all(pair.map(([first, last]) => ask(first, last)));
}

/**
 * A fresh profile opens the month; `use` gets the page, the load's figures and its calls (the
 * fake's record and the server's audit lines from the open on).
 */
async function openMonth(server, fake, url, latencyMs, use) {
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
    await use({ context: browser.context, page, load, errors, calls });
    await page.close();
  } finally {
    await browser.close();
  }
}

/**
 * One run: a server with an empty closed-period cache; a fresh profile opens the month (every
 * call reaches the fake) and works with it; then another fresh profile opens it again (the
 * server answers from its cache).
 */
async function liveRun(stack, fake, url, run, { latencyMs, coldServer, from }) {
  const server = await startServer(stack, fake);
  try {
    const out = { run, warmServer: !coldServer };
    if (!coldServer) await warmServer(server, from);
    // Every call reaches the fake; the page is then worked with.
    await openMonth(
      server,
      fake,
      url,
      latencyMs,
      async ({ context, page, load, errors, calls }) => {
        Object.assign(out, { load, errors, calls }, await operate(context, page));
      },
    );
    out.cacheFiles = server.cacheFiles();
    // Answered from the server's cache.
    await openMonth(server, fake, url, latencyMs, async ({ load, errors, calls }) => {
      out.cached = { load, errors, calls };
    });
    return out;
  } finally {
    await server.close();
  }
}
