// The stack under test in `npm run bench -- --live`: the live build (no mocks) served by the
// production server (`npm start`, server/ bundled as `npm run build` bundles it), which
// forwards to the fake wolkvox (test/fake-wolkvox/server.ts) over HTTP.
//
//   Chromium ──► node dist-server/main.js (AUTH_MODE=none, CACHE_DIR) ──► fake wolkvox
//
// Node runs this file as is, so the TypeScript it needs (the fake, start-server.ts of the
// live browser tests) is bundled by Vite first, as the server is.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const OUT = 'node_modules/.tmp/bench-live';

/**
 * Builds the live app, the server and the test tools (each in its own directory under
 * node_modules/.tmp/bench-live, so the browser tests' builds are left alone).
 */
export async function buildLiveStack(root) {
  const out = resolve(root, OUT);
  const dist = join(out, 'dist');
  // Like `npm run build`: mode live, and no VITE_* of this shell overriding .env.live.
  const saved = { ...process.env };
  try {
    for (const key of Object.keys(process.env))
      if (key.startsWith('VITE_')) delete process.env[key];
    process.env.NODE_ENV = 'production';
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      mode: 'live',
      logLevel: 'warn',
      build: { outDir: dist, emptyOutDir: true },
    });
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
  await build({
    root,
    configFile: join(root, 'server/build.config.ts'),
    logLevel: 'warn',
    build: { outDir: join(out, 'server') },
  });
  await build({
    root,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    plugins: [memoTimeline(root)],
    build: {
      ssr: true,
      target: 'node20',
      outDir: join(out, 'tools'),
      emptyOutDir: true,
      rollupOptions: {
        input: {
          fake: join(root, 'test/fake-wolkvox/server.ts'),
          'start-server': join(root, 'test/e2e-live/start-server.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  });
  const tool = (name) => import(pathToFileURL(join(out, 'tools', `${name}.js`)).href);
  const { startFakeWolkvox } = await tool('fake');
  const { startServerProcess } = await tool('start-server');
  return { dist, main: join(out, 'server/main.js'), startFakeWolkvox, startServerProcess };
}

/**
 * The fake with test/fake-wolkvox/memo-timeline.ts in place of src/mocks/timeline.ts: the
 * same answers, each row's JSON made once (the fake's cost per call is not the app's).
 */
function memoTimeline(root) {
  const memo = join(root, 'test/fake-wolkvox/memo-timeline.ts');
  return {
    name: 'bench-fake-memo-timeline',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '../../src/mocks/timeline' && importer?.endsWith('fake-wolkvox/server.ts'))
        return memo;
      return null;
    },
  };
}

/** Wall-clock ms (local time read as UTC) of a day's start, as the fake takes periods. */
const dayStart = (iso) => Date.parse(`${iso}T00:00:00Z`);

/** The fake wolkvox holding `rows` rows of report 10 spread over [from, to], answering after `latencyMs`. */
export async function startFake(stack, { from, to, rows, latencyMs, seed = 16 }) {
  const range = { start: dayStart(from), end: dayStart(to) + 86_400_000 - 1_000 };
  const fake = await stack.startFakeWolkvox({
    token: `bench-${randomBytes(12).toString('hex')}`,
    range,
    rows,
    seed,
    latencyMs,
    apis: ['chat_10'],
  });
  return {
    fake,
    expectedRows: fake.idsIn(range).length,
    fakeAlone: await warmFake(fake, from, to, latencyMs),
  };
}

/**
 * Asks the fake for every day of [from, to] directly (2 calls at a time), so each row's JSON
 * is made before the first page load, and times it: the fake's own time per call (latency
 * excluded) when making the rows, and once they are made. Its calls are not in any load's
 * figures (those count from the index where each load starts).
 */
async function warmFake(fake, from, to, latencyMs) {
  const days = [];
  for (let day = dayStart(from); day <= dayStart(to); day += 86_400_000) {
    const date = new Date(day).toISOString().slice(0, 10).replaceAll('-', '');
    days.push([`${date}000000`, `${date}235959`]);
  }
  const ask = async ([ini, end]) => {
    const url = `${fake.url}/api/v2/reports_manager.php?api=chat_10&date_ini=${ini}&date_end=${end}`;
    const response = await fetch(url, { headers: { 'wolkvox-token': fake.token } });
    await response.arrayBuffer();
    return fake.stats.calls.find((call) => call.dateIni === ini && call.durationMs !== undefined);
  };
  const latency = (call) => call.durationMs - latencyMs;
  const cold = [];
  for (let i = 0; i < days.length; i += 2)
    cold.push(...(await Promise.all(days.slice(i, i + 2).map(ask))));
  const before = fake.stats.calls.length;
  await ask(days[0]);
  const warm = fake.stats.calls[before];
  return {
    coldMs: cold.map(latency),
    coldRows: cold.map((call) => call.rows ?? 0),
    warmMs: latency(warm),
    warmRows: warm.rows ?? 0,
  };
}

/**
 * `npm start` against the fake, with no sign-in (AUTH_MODE=none, allowed on loopback) and the
 * closed-period cache in a fresh temporary CACHE_DIR (removed by close()).
 */
export async function startServer(stack, fake) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'wolkvox-bench-cache-'));
  const server = await stack.startServerProcess(stack.main, {
    WOLKVOX_BASE_URL: fake.url,
    WOLKVOX_TOKEN: fake.token,
    AUTH_MODE: 'none',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    DIST_DIR: stack.dist,
    CACHE_DIR: cacheDir,
  });
  return {
    url: server.url,
    /** The server's audit lines (one per wolkvox call or cache hit) from line `since` on. */
    audit: (since = 0) =>
      server.output
        .slice(since)
        .filter((line) => line.startsWith('{"audit"'))
        .flatMap((line) => {
          try {
            return [JSON.parse(line)];
          } catch {
            return []; // a line cut between two chunks of the pipe
          }
        }),
    outputLength: () => server.output.length,
    cacheFiles: () => readdirSync(cacheDir).length,
    close: async () => {
      await server.close();
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}
