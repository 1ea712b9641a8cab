// @vitest-environment node
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { findReport } from '../../src/report-model/catalog';
import { loadReport } from '../../src/report-model/load/load-report';
import { dayRange } from '../../src/report-model/time-range';
import { startFakeWolkvox, type FakeWolkvox } from '../fake-wolkvox/server';
import { server as msw } from '../msw-server';
import { fakeDist } from './harness';

/**
 * A measurement, not a check (run on demand: `MEASURE_MONTH=1 npx vitest run
 * test/server/month-measure.test.ts`): one supervisor loads a month of report 10 with
 * ~1,000,000 rows through `npm start`'s server, with the app's own loader (month chunk,
 * halved while an answer hits the 60,000-row cap, 2 calls at a time), asking for
 * compressed answers as a browser does. Prints the time, the calls and the server's
 * memory (RSS, and its peak from /proc).
 */
const ROWS = Number(process.env.MEASURE_ROWS ?? 1_000_000);
const MONTH = dayRange('2026-10-01', '2026-10-31')!;
const TOKEN = 'measure-token-0123456789';

const rssOf = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) =>
    Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1]) / 1024;
  return { rssMb: field('VmRSS'), peakMb: field('VmHWM') };
};

describe.runIf(process.env.MEASURE_MONTH)('a 1M-row month through the production server', () => {
  let fake: FakeWolkvox;
  beforeAll(async () => {
    msw.close();
    fake = await startFakeWolkvox({
      token: TOKEN,
      range: MONTH,
      rows: ROWS,
      apis: ['chat_10'],
      seed: 11,
    });
  }, 120_000);
  afterAll(() => fake?.close());

  it('measures', async () => {
    const outDir = resolve('node_modules/.tmp/measure-server');
    await build({
      configFile: resolve('server/build.config.ts'),
      logLevel: 'warn',
      build: { outDir },
    });
    const child = spawn(process.execPath, [join(outDir, 'main.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        WOLKVOX_BASE_URL: fake.url,
        WOLKVOX_TOKEN: TOKEN,
        AUTH_MODE: 'none',
        PORT: '0',
        DIST_DIR: fakeDist(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const audit: string[] = [];
    child.stdout.on('data', (chunk: Buffer) =>
      audit.push(...chunk.toString().split('\n').filter(Boolean)),
    );
    const url = await new Promise<string>((found) => {
      child.stderr.on('data', (chunk: Buffer) => {
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(chunk.toString());
        if (match) found(match[0]);
      });
    });
    const report = findReport(10)!;
    const idle = rssOf(child.pid!);
    let maxRss = idle.rssMb;
    const sampler = setInterval(() => (maxRss = Math.max(maxRss, rssOf(child.pid!).rssMb)), 50);
    const browserLike: typeof fetch = (input, init) =>
      fetch(input, {
        ...init,
        headers: {
          ...(init?.headers as Record<string, string>),
          'accept-encoding': process.env.MEASURE_ENCODING ?? 'gzip, deflate, br, zstd',
        },
      });

    const started = performance.now();
    const result = await loadReport(report, MONTH, {
      baseUrl: `${url}/wolkvox`,
      fetch: browserLike,
    });
    const throughServer = performance.now() - started;
    clearInterval(sampler);
    const after = rssOf(child.pid!);

    if (process.env.MEASURE_SKIP_DIRECT) {
      child.kill('SIGTERM');
      console.info(
        `[measure] ${process.env.MEASURE_ENCODING ?? 'browser'}: ${(throughServer / 1000).toFixed(1)} s, ${result.rows.length} rows, peak RSS ${after.peakMb.toFixed(0)} MB`,
      );
      return;
    }
    const directStarted = performance.now();
    const direct = await loadReport(report, MONTH, {
      baseUrl: fake.url,
      fetch: (input, init) =>
        fetch(input, {
          ...init,
          headers: { ...(init?.headers as Record<string, string>), 'wolkvox-token': TOKEN },
        }),
    });
    const directMs = performance.now() - directStarted;
    child.kill('SIGTERM');

    const figures = {
      rowsInFake: fake.idsIn(MONTH).length,
      rowsLoaded: result.rows.length,
      complete: result.complete,
      calls: result.requests,
      auditLines: audit.filter((line) => line.includes('"audit"')).length,
      throughServerSeconds: +(throughServer / 1000).toFixed(1),
      directToFakeSeconds: +(directMs / 1000).toFixed(1),
      directRows: direct.rows.length,
      serverRssIdleMb: +idle.rssMb.toFixed(0),
      serverRssMaxSampledMb: +maxRss.toFixed(0),
      serverRssPeakMb: +after.peakMb.toFixed(0),
      serverRssAfterMb: +after.rssMb.toFixed(0),
    };
    console.info(`[measure] ${JSON.stringify(figures)}`);
    expect(result.rows.length).toBe(figures.rowsInFake);
  }, 600_000);
});
