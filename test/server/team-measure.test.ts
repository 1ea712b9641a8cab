// @vitest-environment node
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { AuditLine } from '../../server/forward';
import { findReport } from '../../src/report-model/catalog';
import { loadReport, type LoadResult } from '../../src/report-model/load/load-report';
import { dayRange, type TimeRange } from '../../src/report-model/time-range';
import { startFakeWolkvox, type FakeWolkvox } from '../fake-wolkvox/server';
import { server as msw } from '../msw-server';
import { fakeDist, listenInFrontOf } from './harness';

/**
 * Measurements of issue 13 (run on demand, not a check:
 * `MEASURE_TEAM=1 npx vitest run test/server/team-measure.test.ts`; figures printed as
 * `[measure] …` lines and written down in server/README.md). Supervisors are the app's own
 * loader (2 calls at a time each), signed in by a trusted header; wolkvox is the shared fake.
 *
 * MEASURE_TEAM_ROWS (default 1,000,000): rows of the month served to 20 supervisors at once.
 */
const TOKEN = 'measure-token-0123456789';
/** How cached answers are asked for: as a browser does (gzip) unless MEASURE_ENCODING says. */
const CACHED_ENCODING = process.env.MEASURE_ENCODING ?? 'gzip';
const REPORT10 = findReport(10)!;
const MONTHS = Array.from({ length: 10 }, (_, i) => {
  const month = String(i + 1).padStart(2, '0');
  const last = new Date(Date.UTC(2026, i + 1, 0)).getUTCDate();
  return dayRange(`2026-${month}-01`, `2026-${month}-${last}`)!;
});
const YEAR = { start: MONTHS[0]!.start, end: MONTHS.at(-1)!.end };

interface Server {
  url: string;
  audit: AuditLine[];
  close: () => Promise<void>;
  child?: ChildProcess;
}

function inProcess(fake: FakeWolkvox, env: Record<string, string> = {}): Promise<Server> {
  return listenInFrontOf(
    fake,
    { WOLKVOX_TOKEN: TOKEN, ...env },
    { timeoutMs: 3_000, busyRetry: { attempts: 6, baseMs: 50, maxMs: 500 } },
  );
}

/** A GET with node:http: the body as sent (not inflated), its encoding and cache word. */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ raw: Buffer; encoding?: string; cache?: string }>((done, fail) => {
    httpGet(url, { headers }, (response) => {
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () =>
        done({
          raw: Buffer.concat(parts),
          encoding: response.headers['content-encoding'],
          cache: response.headers['x-wolkvox-cache'] as string | undefined,
        }),
      );
      response.on('error', fail);
    }).on('error', fail);
  });
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** `npm start`'s bundle as its own process (its RSS is its own; its event loop too). */
async function spawnServer(fake: FakeWolkvox, env: Record<string, string>): Promise<Server> {
  const outDir = resolve('node_modules/.tmp/measure-team-server');
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
      AUTH_MODE: 'header',
      AUTH_HEADER: 'X-User',
      AUTH_TRUSTED_PROXIES: '127.0.0.1',
      SESSION_SECRET: 's'.repeat(40),
      PORT: '0',
      DIST_DIR: fakeDist(),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = await new Promise<string>((found) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(chunk.toString());
      if (match) found(match[0]);
    });
  });
  return { url, audit: [], child, close: async () => void child.kill('SIGTERM') };
}

/** A supervisor: the app's loader, as `user`, timing each call and noting the cache's word. */
function supervisor(server: Server, user: string, encoding = 'identity') {
  const calls: { ms: number; cache: string | null; status: number }[] = [];
  const answers: { url: string; sha: string }[] = [];
  const load = (range: TimeRange, extra: Partial<Parameters<typeof loadReport>[2]> = {}) =>
    loadReport(REPORT10, range, {
      baseUrl: `${server.url}/wolkvox`,
      retryBaseMs: 200,
      retryMaxMs: 1_000,
      fetch: async (input, init) => {
        const started = performance.now();
        const response = await fetch(input, {
          ...init,
          headers: {
            ...(init?.headers as Record<string, string>),
            'x-user': user,
            'accept-encoding': encoding,
          },
        });
        const body = await response.arrayBuffer();
        answers.push({ url: String(input), sha: sha(Buffer.from(body)) });
        calls.push({
          ms: performance.now() - started,
          cache: response.headers.get('x-wolkvox-cache'),
          status: response.status,
        });
        return new Response(body, { status: response.status, headers: response.headers });
      },
      ...extra,
    });
  return { calls, answers, load };
}

function idsOf(result: LoadResult): string[] {
  return result.rows.map((row) => String(row.conn_id ?? row.CONN_ID ?? ''));
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

function log(name: string, figures: unknown) {
  console.info(`[measure] ${name} ${JSON.stringify(figures)}`);
}

describe.runIf(process.env.MEASURE_TEAM)('issue 13 measured', () => {
  beforeAll(() => msw.close());

  it.each([20, 100])(
    '%i supervisors open months, uncached then cached',
    async (count) => {
      const fake = await startFakeWolkvox({
        token: TOKEN,
        range: YEAR,
        rows: 300_000,
        apis: ['chat_10'],
        seed: 21,
        latencyMs: 40,
      });
      const server = await spawnServer(fake, {});
      // Round 1, uncached: each supervisor loads a month with the app's loader (rows checked).
      const people = Array.from({ length: count }, (_, i) => supervisor(server, `sup${i}`));
      let started = performance.now();
      const results = await Promise.all(
        people.map((person, i) => person.load(MONTHS[i % MONTHS.length]!)),
      );
      const uncachedSeconds = (performance.now() - started) / 1000;
      let lost = 0;
      let duplicated = 0;
      results.forEach((result, i) => {
        const expected = fake.idsIn(MONTHS[i % MONTHS.length]!);
        const got = idsOf(result);
        const unique = new Set(got);
        duplicated += got.length - unique.size;
        lost += expected.filter((id) => !unique.has(id)).length;
      });
      const upstreamAfterUncached = fake.stats.calls.length;
      // Round 2, cached: the same calls again as raw HTTP requests (node:http: the bytes as
      // sent, nothing inflated or parsed in this process while timing), 2 at a time per
      // supervisor; then each answer inflated and compared with round 1's bytes.
      const latencies: number[] = [];
      const received: { raw: Buffer; encoding?: string; cache?: string; sha: string }[] = [];
      started = performance.now();
      await Promise.all(
        people.map(async (person, i) => {
          const queue = [...person.answers];
          const worker = async () => {
            for (let next = queue.shift(); next; next = queue.shift()) {
              const t0 = performance.now();
              const answer = await rawGet(next.url, {
                'x-user': `sup${i}`,
                'accept-encoding': CACHED_ENCODING,
              });
              latencies.push(performance.now() - t0);
              received.push({ ...answer, sha: next.sha });
            }
          };
          await Promise.all([worker(), worker()]);
        }),
      );
      const cachedSeconds = (performance.now() - started) / 1000;
      let differentBytes = 0;
      let bytes = 0;
      for (const answer of received) {
        bytes += answer.raw.length;
        const body = answer.encoding === 'gzip' ? gunzipSync(answer.raw) : answer.raw;
        if (answer.cache !== 'hit' || sha(body) !== answer.sha) differentBytes++;
      }
      log(`${count} supervisors`, {
        uncached: {
          seconds: +uncachedSeconds.toFixed(1),
          upstreamCalls: upstreamAfterUncached,
          pageCalls: people.reduce((sum, person) => sum + person.calls.length, 0),
          lost,
          duplicated,
        },
        cached: {
          seconds: +cachedSeconds.toFixed(1),
          answers: latencies.length,
          encoding: CACHED_ENCODING,
          sentMbPerAnswer: +(bytes / latencies.length / 1048576).toFixed(2),
          p50ms: +percentile(latencies, 50).toFixed(1),
          p99ms: +percentile(latencies, 99).toFixed(1),
          notIdentical: differentBytes,
          upstreamCalls: fake.stats.calls.length - upstreamAfterUncached,
        },
        upstreamMaxInFlight: fake.stats.maxConcurrent,
        upstreamBusy: fake.stats.rejected,
        upstreamRows: fake.stats.rowsServed,
      });
      expect(lost).toBe(0);
      expect(duplicated).toBe(0);
      expect(differentBytes).toBe(0);
      expect(fake.stats.maxConcurrent).toBeLessThanOrEqual(2);
      await server.close();
      await fake.close();
    },
    900_000,
  );
  it('Q1, then January, then Q1 again as another supervisor: before (no server cache) and after', async () => {
    const Q1 = { start: MONTHS[0]!.start, end: MONTHS[2]!.end };
    const figures: Record<string, unknown> = {};
    for (const mode of ['before', 'after']) {
      const fake = await startFakeWolkvox({
        token: TOKEN,
        range: Q1,
        rows: 120_000,
        apis: ['chat_10'],
        seed: 5,
      });
      const server = await inProcess(fake);
      // "before": every call past the cache, as the server was (each answer fetched).
      const headers: Record<string, string> =
        mode === 'before' ? { 'cache-control': 'no-cache' } : {};
      const steps: Record<string, unknown>[] = [];
      for (const [user, range, name] of [
        ['ana', Q1, 'Q1'],
        ['ana', MONTHS[0]!, 'January'],
        ['beto', Q1, 'Q1 again (another supervisor)'],
      ] as const) {
        const callsBefore = fake.stats.calls.length;
        const rowsBefore = fake.stats.rowsServed;
        const person = supervisor(server, user);
        const result = await person.load(range, {
          fetchChunk: undefined,
          fetch: (input, init) =>
            fetch(input, {
              ...init,
              headers: { ...(init?.headers as Record<string, string>), 'x-user': user, ...headers },
            }),
        });
        steps.push({
          step: name,
          rows: result.rows.length,
          complete: result.complete,
          upstreamCalls: fake.stats.calls.length - callsBefore,
          upstreamRows: fake.stats.rowsServed - rowsBefore,
        });
      }
      figures[mode] = steps;
      await server.close();
      await fake.close();
    }
    log('Q1-January-Q1', figures);
  }, 600_000);

  it('the fault matrix: what the supervisor sees, rows lost', async () => {
    const RECENT = dayRange('2026-11-20', '2026-11-28')!;
    const DAY = 86_400_000;
    const faultDay = { start: RECENT.start + 3 * DAY, end: RECENT.start + 4 * DAY - 1000 };
    const cases = [
      ['busy (3 times)', { fault: { kind: 'refuse', as: 'busy' }, times: 3 }],
      ['busy (always)', { fault: { kind: 'refuse', as: 'busy' } }],
      ['quota', { fault: { kind: 'refuse', as: 'quota' } }],
      ['maintenance', { fault: { kind: 'refuse', as: 'maintenance' } }],
      ['invalid token', { fault: { kind: 'refuse', as: 'bad-token' } }],
      ['malformed (cut JSON)', { fault: { kind: 'truncated-json' }, times: 1 }],
      ['5xx (twice)', { fault: { kind: 'status', status: 503 }, times: 2 }],
      ['timeout (once)', { fault: { kind: 'hang' }, times: 1 }],
    ] as const;
    const rows: Record<string, unknown>[] = [];
    for (const [name, rule] of cases) {
      const fake = await startFakeWolkvox({
        token: TOKEN,
        range: RECENT,
        rows: 9_000,
        apis: ['chat_10'],
        seed: 9,
      });
      const server = await inProcess(fake);
      fake.setFaults([{ ...rule, overlaps: faultDay }]);
      const person = supervisor(server, 'ana');
      // Days as calls, so one period is the faulty one.
      let result: LoadResult;
      try {
        result = await person.load(RECENT, { split: { maxDays: 1 }, timeoutMs: 5_000 });
      } catch (error) {
        // The load stopped (quota, token): the page shows this error and no partial table.
        rows.push({
          fault: name,
          stopped: whatTheySee(error),
          upstreamCalls: fake.stats.calls.length,
          pageCalls: person.calls.length,
          lost: 0,
        });
        await server.close();
        await fake.close();
        continue;
      }
      const expected = fake.idsIn(RECENT);
      const got = new Set(idsOf(result));
      const missing = expected.filter((id) => !got.has(id));
      // A missing row is lost unless its period is listed as failed (the page says so, with Retry).
      const failedPeriods = result.failures.map((failure) => failure.range);
      const explained = new Set(failedPeriods.flatMap((range) => fake.idsIn(range)));
      const unexplained = missing.filter((id) => !explained.has(id));
      rows.push({
        fault: name,
        complete: result.complete,
        rows: result.rows.length,
        of: expected.length,
        failedPeriods: failedPeriods.length,
        sees: result.failures.map((failure) => whatTheySee(failure.error)),
        upstreamCalls: fake.stats.calls.length,
        lost: unexplained.length,
      });
      await server.close();
      await fake.close();
    }
    for (const row of rows) log('fault', row);
  }, 600_000);

  it('server RSS while serving a 1M-row month to 20 supervisors at once (from the cache)', async () => {
    const ROWS = Number(process.env.MEASURE_TEAM_ROWS ?? 1_000_000);
    const MONTH = MONTHS[9]!;
    const fake = await startFakeWolkvox({
      token: TOKEN,
      range: MONTH,
      rows: ROWS,
      apis: ['chat_10'],
      seed: 11,
    });
    const server = await spawnServer(fake, {
      CACHE_DIR: join(mkdtempSync(join(tmpdir(), 'wv-measure-')), 'cache'),
    });
    const url = server.url;
    const child = server.child!;
    const rss = () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
    };
    const idle = rss();
    // The first supervisor fills the cache (and tells which calls make the month).
    const first = await supervisor(server, 'first').load(MONTH);
    const afterFirst = rss();
    const callsToFill = fake.stats.calls.length;
    const ranges = fake.stats.calls.map((call) => `${call.dateIni}|${call.dateEnd}`);
    // 20 supervisors ask every one of those calls, 2 at a time each, reading the bytes.
    let maxRss = afterFirst;
    const sampler = setInterval(() => (maxRss = Math.max(maxRss, rss())), 50);
    const started = performance.now();
    const digests = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const hash = createHash('sha256');
        let bytes = 0;
        const queue = [...ranges];
        const worker = async () => {
          for (let next = queue.shift(); next; next = queue.shift()) {
            const [ini, end] = next.split('|');
            const response = await fetch(
              `${url}/wolkvox/api/v2/reports_manager.php?api=chat_10&date_ini=${ini}&date_end=${end}`,
              { headers: { 'x-user': `sup${i}`, 'accept-encoding': CACHED_ENCODING } },
            );
            const body = Buffer.from(await response.arrayBuffer());
            bytes += body.length;
            hash.update(next).update(String(body.length));
          }
        };
        await Promise.all([worker(), worker()]);
        return { bytes, digest: hash.digest('hex') };
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    log('1M-row month to 20 supervisors', {
      rows: first.rows.length,
      complete: first.complete,
      callsToFill,
      upstreamAfter: fake.stats.calls.length,
      bytesPerSupervisorMb: +(digests[0]!.bytes / 1048576).toFixed(0),
      encoding: CACHED_ENCODING,
      sameBytesForAll: new Set(digests.map((d) => `${d.bytes}`)).size === 1,
      seconds: +seconds.toFixed(1),
      rssIdleMb: +idle.toFixed(0),
      rssAfterFirstLoadMb: +afterFirst.toFixed(0),
      rssMaxServing20Mb: +maxRss.toFixed(0),
    });
    await server.close();
    await fake.close();
  }, 900_000);
});

function whatTheySee(error: unknown): string {
  if (error && typeof error === 'object' && 'kind' in error)
    return `${String((error as { kind: unknown }).kind)}: ${(error as unknown as Error).message}`;
  return String(error);
}
