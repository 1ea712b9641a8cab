import {
  AggregateRangeError,
  loadReport,
  type FetchChunk,
  retryFailed,
  type LoadOptions,
  type LoadProgress,
} from '../../../src/report-model/load/load-report';
import { describeRange, splitRange } from '../../../src/report-model/load/split-range';
import { SECOND, dayRange, type TimeRange } from '../../../src/report-model/time-range';
import { WolkvoxError, type WolkvoxErrorKind } from '../../../src/report-model/wire/wolkvox-error';
import {
  CHATS,
  CLOSED_BY_CHANNEL,
  at,
  fakeApi,
  idsOf,
  recordingSleep,
  spreadTimes,
  type FakeCall,
} from './fake-api';

const days = (from: string, to: string) => dayRange(from, to)!;
const RANGE_95 = days('2024-01-15', '2024-04-18');
const [JAN, FEB, MAR, APR] = splitRange(RANGE_95) as [TimeRange, TimeRange, TimeRange, TimeRange];
const noSleep = async () => {};
const base: Omit<LoadOptions, 'fetchChunk'> = { baseUrl: 'http://fake', sleep: noSleep };
const same = (a: TimeRange, b: TimeRange) => a.start === b.start && a.end === b.end;
const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rows on both sides of every month edge of RANGE_95, and just outside it. */
function edgeTimes(): number[] {
  const times: number[] = [RANGE_95.start - SECOND, RANGE_95.end + SECOND];
  for (const chunk of [JAN, FEB, MAR, APR])
    times.push(chunk.start, chunk.end, chunk.start, chunk.end);
  return times;
}

const times95 = () => [...spreadTimes(RANGE_95, 20_000, 95), ...edgeTimes()];

describe('loadReport: chunks and merge', () => {
  it('loads a 95-day range month by month, every row exactly once, in order', async () => {
    const api = fakeApi({ times: times95() });
    const result = await loadReport(CHATS, RANGE_95, { ...base, fetchChunk: api.fetchChunk });

    expect(api.stats.calls.map((call) => call.range)).toEqual([JAN, FEB, MAR, APR]);
    const expected = api.idsIn(RANGE_95);
    expect(expected).toHaveLength(20_000 + 16);
    expect(idsOf(result.rows)).toEqual(expected);
    expect(result).toMatchObject({ complete: true, failures: [], truncated: [], requests: 4 });
    expect(result.columns).toEqual(CHATS.columns);
  });

  it('merges in chronological order when later chunks answer first', async () => {
    const api = fakeApi({
      times: times95(),
      delay: (call) =>
        call.range.start === JAN.start ? 40 : call.range.start === FEB.start ? 20 : 0,
    });
    const result = await loadReport(CHATS, RANGE_95, { ...base, fetchChunk: api.fetchChunk });
    expect(idsOf(result.rows)).toEqual(api.idsIn(RANGE_95));
    expect(result.chunks.map((chunk) => chunk.range)).toEqual([JAN, FEB, MAR, APR]);
  });

  it('keeps the catalog columns first, then extra columns in chunk order, null where missing', async () => {
    const api = fakeApi({
      times: [],
      script: (call) =>
        same(call.range, JAN)
          ? { rows: [{ conn_id: 'a', x: '1' }], extraColumns: ['x'] }
          : same(call.range, FEB)
            ? { rows: [{ conn_id: 'b', y: '2', x: '3' }], extraColumns: ['y', 'x'] }
            : undefined,
    });
    const result = await loadReport(CHATS, RANGE_95, { ...base, fetchChunk: api.fetchChunk });
    expect(result.columns.map((c) => c.key)).toEqual([
      ...CHATS.columns.map((c) => c.key),
      'x',
      'y',
    ]);
    expect(result.rows).toEqual([
      { conn_id: 'a', x: '1', y: null },
      { conn_id: 'b', y: '2', x: '3' },
    ]);
  });

  it('reports progress: chunksTotal grows on splits, ends with every chunk done', async () => {
    const day = days('2026-03-10', '2026-03-10');
    const api = fakeApi({ times: spreadTimes(day, 2_500, 3), cap: 1_000 });
    const events: LoadProgress[] = [];
    const result = await loadReport(CHATS, day, {
      ...base,
      fetchChunk: api.fetchChunk,
      rowCap: 1_000,
      onProgress: (p) => events.push(p),
    });
    expect(events[0]).toEqual({ chunksDone: 0, chunksTotal: 1, rows: 0, retries: 0 });
    const last = events.at(-1)!;
    expect(last.chunksDone).toBe(last.chunksTotal);
    expect(last.chunksTotal).toBeGreaterThanOrEqual(4);
    expect(last.rows).toBe(2_500);
    for (let i = 1; i < events.length; i++) {
      expect(events[i]!.chunksDone).toBeGreaterThanOrEqual(events[i - 1]!.chunksDone);
      expect(events[i]!.chunksTotal).toBeGreaterThanOrEqual(events[i - 1]!.chunksTotal);
      expect(events[i]!.rows).toBeGreaterThanOrEqual(events[i - 1]!.rows);
    }
    expect(result.rows).toHaveLength(2_500);
  });

  it('calls fetchReport by default, with the chunk dates on the wire', async () => {
    const urls: string[] = [];
    const fetchStub = (async (input: RequestInfo | URL) => {
      const url = String(input);
      urls.push(url);
      const ini = new URL(url).searchParams.get('date_ini')!;
      const body = {
        code: '200',
        error: null,
        msg: '1 records were found',
        data: [{ conn_id: ini }],
      };
      return new Response(JSON.stringify(body), { status: 200 });
    }) as typeof fetch;
    const result = await loadReport(CHATS, days('2024-02-20', '2024-03-05'), {
      ...base,
      fetch: fetchStub,
    });
    expect(urls.map((url) => new URL(url).search)).toEqual([
      '?api=chat_1&date_ini=20240220000000&date_end=20240229235959',
      '?api=chat_1&date_ini=20240301000000&date_end=20240305235959',
    ]);
    expect(idsOf(result.rows)).toEqual(['20240220000000', '20240301000000']);
  });
});

describe('loadReport: concurrency', () => {
  const year = days('2025-01-01', '2025-12-31');

  it('never has more than 2 calls in flight (and does use 2)', async () => {
    let seed = 11;
    const api = fakeApi({
      times: spreadTimes(year, 30_000, 5),
      cap: 1_000,
      delay: () => (seed = (seed * 7919) % 10007) % 4,
    });
    const result = await loadReport(CHATS, year, {
      ...base,
      fetchChunk: api.fetchChunk,
      rowCap: 1_000,
    });
    expect(api.stats.calls.length).toBeGreaterThan(40);
    expect(api.stats.maxInFlight).toBe(2);
    expect(idsOf(result.rows)).toEqual(api.idsIn(year));
  });

  it('keeps to one call at a time with concurrency 1', async () => {
    const api = fakeApi({ times: spreadTimes(year, 5_000, 5), cap: 1_000, delay: () => 1 });
    const result = await loadReport(CHATS, year, {
      ...base,
      fetchChunk: api.fetchChunk,
      rowCap: 1_000,
      concurrency: 1,
    });
    expect(api.stats.maxInFlight).toBe(1);
    expect(result.rows).toHaveLength(5_000);
  });

  it.each([0, 3, 1.5])('refuses concurrency %s', async (concurrency) => {
    const api = fakeApi({ times: [] });
    await expect(
      loadReport(CHATS, year, { ...base, fetchChunk: api.fetchChunk, concurrency }),
    ).rejects.toThrow(RangeError);
    expect(api.stats.calls).toHaveLength(0);
  });
});

describe('loadReport: the 60,000-row cap', () => {
  it('halves a capped chunk by time until every piece is under the cap', async () => {
    const day = days('2026-03-10', '2026-03-10');
    const month = days('2026-03-01', '2026-03-31');
    const times = [...spreadTimes(month, 20_000, 8), ...spreadTimes(day, 150_000, 9)];
    const api = fakeApi({ times });
    const result = await loadReport(CHATS, month, { ...base, fetchChunk: api.fetchChunk });

    const ids = idsOf(result.rows);
    expect(ids).toEqual(api.idsIn(month));
    expect(new Set(ids).size).toBe(170_000);
    expect(result.complete).toBe(true);
    expect(api.stats.calls[0]!.rows).toBe(60_000);
    expect(result.chunks.every((chunk) => chunk.rows.length < 60_000)).toBe(true);
    expect(result.requests).toBe(api.stats.calls.length);
  });

  it('splits a chunk of exactly 60,000 rows (it may be truncated)', async () => {
    const month = days('2026-04-01', '2026-04-30');
    const api = fakeApi({ times: spreadTimes(month, 60_000, 4) });
    const result = await loadReport(CHATS, month, { ...base, fetchChunk: api.fetchChunk });
    expect(api.stats.calls.map((call) => call.rows)).toHaveLength(3);
    expect(idsOf(result.rows)).toEqual(api.idsIn(month));
    expect(result.complete).toBe(true);
  });

  it('stops with "the API ignored the range" when one second still hits the cap', async () => {
    const day = days('2026-03-10', '2026-03-10');
    const hot = at('2026-03-10T14:00:07');
    const times = [...spreadTimes(day, 300, 2), ...Array<number>(150).fill(hot)];
    // Ordered answers with the range column: the hot second is found in a few calls.
    const api = fakeApi({ times, cap: 100, rangeColumn: true });
    const load = loadReport(CHATS, day, { ...base, fetchChunk: api.fetchChunk, rowCap: 100 });
    await expect(load).rejects.toMatchObject({
      name: 'LoadLimitError',
      limit: { code: 'ignoredRange', range: { start: hot, end: hot } },
    });
    await expect(load).rejects.toThrow(/The API ignored the range/);
    expect(api.stats.calls.length).toBeLessThan(10);
  });

  it('halving answers of unknown order stops at the budget of the range, never runs on', async () => {
    const day = days('2026-03-10', '2026-03-10');
    const hot = at('2026-03-10T14:00:07');
    const times = [...spreadTimes(day, 300, 2), ...Array<number>(150).fill(hot)];
    const api = fakeApi({ times, cap: 100 });
    const result = await loadReport(CHATS, day, {
      ...base,
      fetchChunk: api.fetchChunk,
      rowCap: 100,
    });
    // A day's budget: 1 chunk + 2 per day + 16.
    expect(api.stats.calls).toHaveLength(19);
    expect(result.requests).toBe(19);
    expect(result.complete).toBe(false);
    expect(result.failures.length).toBeGreaterThan(0);
    expect(result.failures.every((f) => f.error.name === 'LoadLimitError')).toBe(true);
    expect(result.failures[0]!.error.message).toMatch(/reached its ceiling \(19 calls/);
    // What loaded is kept, each row once, and none of the periods listed as missing.
    const ids = idsOf(result.rows);
    expect(new Set(ids).size).toBe(ids.length);
    const missing = new Set(result.failures.flatMap((f) => api.idsIn(f.range)));
    expect([...ids, ...missing].sort()).toEqual(api.idsIn(day).sort());
  });
});

describe('loadReport: aggregate reports', () => {
  it('loads an aggregate within one month in one call', async () => {
    const api = fakeApi({ times: spreadTimes(days('2026-03-01', '2026-03-31'), 10, 1) });
    const range = days('2026-03-01', '2026-03-31');
    const result = await loadReport(CLOSED_BY_CHANNEL, range, {
      ...base,
      fetchChunk: api.fetchChunk,
    });
    expect(api.stats.calls.map((call) => call.range)).toEqual([range]);
    expect(result.complete).toBe(true);
  });

  it.each([
    ['across two months', days('2026-03-20', '2026-04-05'), 2],
    ['over 31 days', days('2026-01-01', '2026-03-31'), 3],
  ])('refuses an aggregate %s with a typed error, before any call', async (_, range, chunks) => {
    const api = fakeApi({ times: [] });
    const load = loadReport(CLOSED_BY_CHANNEL, range, {
      ...base,
      fetchChunk: api.fetchChunk,
      split: { byMonth: false },
    });
    await expect(load).rejects.toBeInstanceOf(AggregateRangeError);
    await expect(load).rejects.toMatchObject({ chunks, report: CLOSED_BY_CHANNEL });
    await expect(load).rejects.toThrow(/within one calendar month/);
    expect(api.stats.calls).toHaveLength(0);
  });

  it('does not split a capped aggregate answer: it is listed as truncated', async () => {
    const range = days('2026-03-01', '2026-03-02');
    const api = fakeApi({ times: spreadTimes(range, 50, 1), cap: 20 });
    const result = await loadReport(CLOSED_BY_CHANNEL, range, {
      ...base,
      fetchChunk: api.fetchChunk,
      rowCap: 20,
    });
    expect(api.stats.calls).toHaveLength(1);
    expect(result.truncated).toEqual([{ range, rows: 20 }]);
    expect(result.complete).toBe(false);
  });
});

/** Fails the first `times` calls of `range` with `error`. */
const failing = (range: TimeRange, times: number, error: () => Error) => {
  let left = times;
  return (call: FakeCall) => (same(call.range, range) && left-- > 0 ? error() : undefined);
};

describe('loadReport: retries and failures', () => {
  it('retries a 5xx with exponential backoff and jitter, then succeeds', async () => {
    const api = fakeApi({
      times: times95(),
      script: failing(FEB, 2, () => new WolkvoxError('server', 'Internal Server Error', 500)),
    });
    const { sleep, delays } = recordingSleep();
    const result = await loadReport(CHATS, RANGE_95, {
      ...base,
      fetchChunk: api.fetchChunk,
      sleep,
      random: () => 0.5,
      retryBaseMs: 1_000,
    });
    expect(result.complete).toBe(true);
    expect(idsOf(result.rows)).toEqual(api.idsIn(RANGE_95));
    expect(api.stats.calls.filter((call) => same(call.range, FEB))).toHaveLength(3);
    // Delay d = base · 2^(n-1), waited d/2 + random · d/2.
    expect(delays).toEqual([750, 1_500]);
    expect(result.requests).toBe(6);
  });

  it('caps the backoff delay and spreads it with jitter', async () => {
    const api = fakeApi({
      times: [],
      script: failing(JAN, 3, () => new WolkvoxError('busy', 'Too many', 429)),
    });
    const { sleep, delays } = recordingSleep();
    const randoms = [0, 0.999];
    await loadReport(CHATS, JAN, {
      ...base,
      fetchChunk: api.fetchChunk,
      sleep,
      random: () => randoms.shift() ?? 0,
      maxAttempts: 4,
      retryBaseMs: 1_000,
      retryMaxMs: 1_500,
    });
    expect(delays[0]).toBe(500);
    expect(delays[1]).toBeCloseTo(1_499.25);
    expect(delays[2]).toBe(750);
  });

  it.each<[WolkvoxErrorKind | 'TypeError', () => Error]>([
    ['server', () => new WolkvoxError('server', 'Bad gateway', 502)],
    ['network', () => new WolkvoxError('network', 'ECONNRESET')],
    ['timeout', () => new WolkvoxError('timeout', 'Gateway timeout', 504)],
    [
      'busy',
      () =>
        new WolkvoxError('busy', 'EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)', 403),
    ],
    ['TypeError', () => new TypeError('fetch failed')],
  ])('retries a %s error', async (_, error) => {
    const api = fakeApi({ times: times95(), script: failing(MAR, 1, error) });
    const result = await loadReport(CHATS, RANGE_95, { ...base, fetchChunk: api.fetchChunk });
    expect(result.complete).toBe(true);
    expect(api.stats.calls.filter((call) => same(call.range, MAR))).toHaveLength(2);
  });

  it('lists a chunk whose retries ran out, with its period, and loads the rest', async () => {
    const api = fakeApi({
      times: times95(),
      script: failing(FEB, 99, () => new WolkvoxError('server', 'Service Unavailable', 503)),
    });
    const result = await loadReport(CHATS, RANGE_95, { ...base, fetchChunk: api.fetchChunk });
    expect(result.complete).toBe(false);
    expect(result.failures).toHaveLength(1);
    const [failure] = result.failures;
    expect(failure!.range).toEqual(FEB);
    expect(describeRange(failure!.range)).toBe('2024-02-01 00:00:00 – 2024-02-29 23:59:59');
    expect(failure!.error).toMatchObject({ kind: 'server', status: 503 });
    expect(failure!.attempts).toBe(3);
    const febIds = new Set(api.idsIn(FEB));
    expect(idsOf(result.rows)).toEqual(api.idsIn(RANGE_95).filter((id) => !febIds.has(id)));
  });

  it.each<[WolkvoxErrorKind, number | undefined]>([
    ['malformed', 200],
    ['invalid', 406],
  ])('does not retry a %s answer', async (kind, status) => {
    const api = fakeApi({
      times: times95(),
      script: failing(APR, 99, () => new WolkvoxError(kind, 'broken', status)),
    });
    const result = await loadReport(CHATS, RANGE_95, { ...base, fetchChunk: api.fetchChunk });
    expect(api.stats.calls.filter((call) => same(call.range, APR))).toHaveLength(1);
    expect(result.failures).toEqual([
      { range: APR, error: expect.objectContaining({ kind }), attempts: 1 },
    ]);
  });

  it('times out a call that never answers, even when the fetcher ignores the signal', async () => {
    let hung = 0;
    const api = fakeApi({
      times: times95(),
      script: (call) =>
        same(call.range, JAN) && hung++ === 0 ? { hang: true, honourAbort: false } : undefined,
    });
    const started = Date.now();
    const result = await loadReport(CHATS, RANGE_95, {
      ...base,
      fetchChunk: api.fetchChunk,
      timeoutMs: 50,
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.complete).toBe(true);
    const first = api.stats.calls[0]!;
    expect(first.signal?.aborted).toBe(true);
    expect(first.signal?.reason).toMatchObject({ kind: 'timeout' });
    expect(idsOf(result.rows)).toEqual(api.idsIn(RANGE_95));
  });

  it('counts the timeout until the answer has arrived, not while its rows are parsed', async () => {
    const parsing = 80;
    const fetchChunk: FetchChunk = async (_report, range, { fetch: fetchImpl, signal, onBody }) => {
      const response = await fetchImpl!(`http://fake/${range.start}`, { signal });
      const text = await response.text();
      onBody?.(text.length); // the fetcher's word that the whole answer is in
      await tick(parsing); // a slow parse, past the timeout
      return { columns: [...CHATS.columns], rows: [{ conn_id: text }] };
    };
    const fetchStub = (async () => new Response('ok', { status: 200 })) as typeof fetch;
    const result = await loadReport(CHATS, JAN, {
      ...base,
      fetchChunk,
      fetch: fetchStub,
      timeoutMs: 30,
    });
    expect(result).toMatchObject({ complete: true, requests: 1, rows: [{ conn_id: 'ok' }] });
  });

  it('times out an answer whose body never ends', async () => {
    const fetchStub = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"code":200,"data":['));
          init?.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
        },
      });
      return new Response(body, { status: 200 });
    }) as typeof fetch;
    const result = await loadReport(CHATS, JAN, { ...base, fetch: fetchStub, timeoutMs: 30 });
    expect(result.failures).toEqual([
      { range: JAN, error: expect.objectContaining({ kind: 'timeout' }), attempts: 3 },
    ]);
  });

  it('lists a chunk that timed out on every attempt', async () => {
    const api = fakeApi({
      times: times95(),
      script: (call) => (same(call.range, APR) ? { hang: true } : undefined),
    });
    const result = await loadReport(CHATS, RANGE_95, {
      ...base,
      fetchChunk: api.fetchChunk,
      timeoutMs: 20,
    });
    expect(result.failures).toEqual([
      { range: APR, error: expect.objectContaining({ kind: 'timeout' }), attempts: 3 },
    ]);
    expect(api.stats.calls.filter((call) => call.outcome === 'aborted')).toHaveLength(3);
  });
});

describe('loadReport: token errors and cancelling', () => {
  it('stops the whole load on a token error: no retry, no other call, in-flight call cancelled', async () => {
    const api = fakeApi({
      times: times95(),
      script: (call) =>
        call.n === 1 ? { hang: true } : new WolkvoxError('token', 'Invalid token', 401),
      delay: (call) => (call.n === 2 ? 10 : 0),
    });
    const load = loadReport(CHATS, RANGE_95, { ...base, fetchChunk: api.fetchChunk });
    await expect(load).rejects.toMatchObject({ name: 'WolkvoxError', kind: 'token' });
    expect(api.stats.calls).toHaveLength(2);
    expect(api.stats.calls[0]!.signal?.aborted).toBe(true);
    expect(api.stats.inFlight).toBe(0);
    await tick(30);
    expect(api.stats.calls).toHaveLength(2);
  });

  it('makes a single call when the token is refused with concurrency 1', async () => {
    const api = fakeApi({ times: [], script: () => new WolkvoxError('token', 'Forbidden', 403) });
    await expect(
      loadReport(CHATS, RANGE_95, { ...base, fetchChunk: api.fetchChunk, concurrency: 1 }),
    ).rejects.toMatchObject({ kind: 'token', status: 403 });
    expect(api.stats.calls).toHaveLength(1);
  });

  it.each([
    ['quota', 'TOKEN LIMIT EXCEEDED'],
    ['config', 'PLEASE ENTER THE WOLKVOX-TOKEN'],
    ['unknown-report', 'THE API YOU WANT TO CONSULT DOES NOT EXIST'],
  ] as const)('stops the load at once on %s, with no retry', async (kind, msg) => {
    const api = fakeApi({ times: [], script: () => new WolkvoxError(kind, msg, 403) });
    await expect(
      loadReport(CHATS, RANGE_95, { ...base, fetchChunk: api.fetchChunk, concurrency: 1 }),
    ).rejects.toMatchObject({ kind, message: msg });
    expect(api.stats.calls).toHaveLength(1);
  });

  it('waits out a busy token longer than a failing server, then loads every row', async () => {
    const busy = () =>
      new WolkvoxError('busy', 'EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)', 403);
    const api = fakeApi({ times: times95(), script: failing(FEB, 5, busy) });
    const { sleep } = recordingSleep();
    const result = await loadReport(CHATS, RANGE_95, {
      ...base,
      fetchChunk: api.fetchChunk,
      sleep,
    });
    expect(result.complete).toBe(true);
    expect(idsOf(result.rows)).toEqual(api.idsIn(RANGE_95));
    expect(api.stats.calls.filter((call) => same(call.range, FEB))).toHaveLength(6);
  });

  it('keeps what loaded when wolkvox stays in maintenance, and lists the period as such', async () => {
    const forbidden = () => new WolkvoxError('maintenance', 'The server answered HTTP 403', 403);
    const api = fakeApi({ times: times95(), script: failing(MAR, 99, forbidden) });
    const { sleep } = recordingSleep();
    const result = await loadReport(CHATS, RANGE_95, {
      ...base,
      fetchChunk: api.fetchChunk,
      sleep,
    });
    expect(result.failures).toEqual([
      { range: MAR, error: expect.objectContaining({ kind: 'maintenance' }), attempts: 7 },
    ]);
    const marIds = new Set(api.idsIn(MAR));
    expect(idsOf(result.rows)).toEqual(api.idsIn(RANGE_95).filter((id) => !marIds.has(id)));
  });

  it('cancels in-flight calls on abort and starts no other', async () => {
    const controller = new AbortController();
    const api = fakeApi({ times: times95(), delay: () => 50 });
    const load = loadReport(CHATS, RANGE_95, {
      ...base,
      fetchChunk: api.fetchChunk,
      signal: controller.signal,
    });
    await tick(10);
    controller.abort();
    await expect(load).rejects.toMatchObject({ name: 'AbortError' });
    expect(api.stats.calls).toHaveLength(2);
    expect(api.stats.calls.every((call) => call.outcome === 'aborted')).toBe(true);
    expect(api.stats.inFlight).toBe(0);
    await tick(80);
    expect(api.stats.calls).toHaveLength(2);
  });

  it('cancels a backoff wait on abort', async () => {
    const controller = new AbortController();
    const api = fakeApi({ times: [], script: () => new WolkvoxError('server', 'down', 500) });
    const started = Date.now();
    const load = loadReport(CHATS, JAN, {
      baseUrl: 'http://fake',
      fetchChunk: api.fetchChunk,
      signal: controller.signal,
      retryBaseMs: 60_000,
    });
    await tick(20);
    controller.abort(new Error('user left'));
    await expect(load).rejects.toThrow('user left');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(api.stats.calls).toHaveLength(1);
  });

  it('makes no call when the signal is already aborted', async () => {
    const api = fakeApi({ times: [] });
    await expect(
      loadReport(CHATS, RANGE_95, {
        ...base,
        fetchChunk: api.fetchChunk,
        signal: AbortSignal.abort(),
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(api.stats.calls).toHaveLength(0);
  });
});

describe('retryFailed', () => {
  it('fetches only the failed chunks and merges them back in order', async () => {
    const times = times95();
    const broken = fakeApi({
      times,
      script: (call) =>
        same(call.range, FEB) || same(call.range, APR)
          ? new WolkvoxError('malformed', 'The answer is not JSON (<html>)', 200)
          : undefined,
    });
    const first = await loadReport(CHATS, RANGE_95, { ...base, fetchChunk: broken.fetchChunk });
    expect(first.failures.map((failure) => failure.range)).toEqual([FEB, APR]);

    const healthy = fakeApi({ times });
    const second = await retryFailed(first, { ...base, fetchChunk: healthy.fetchChunk });
    expect(healthy.stats.calls.map((call) => call.range)).toEqual([FEB, APR]);
    expect(second.complete).toBe(true);
    expect(second.failures).toEqual([]);
    expect(idsOf(second.rows)).toEqual(healthy.idsIn(RANGE_95));
    expect(second.requests).toBe(6);
    expect(second.range).toEqual(RANGE_95);
  });

  it('keeps still-failing chunks listed', async () => {
    const times = times95();
    const script = (call: FakeCall) =>
      same(call.range, MAR) ? new WolkvoxError('invalid', 'Validate dates', 406) : undefined;
    const first = await loadReport(CHATS, RANGE_95, {
      ...base,
      fetchChunk: fakeApi({ times, script }).fetchChunk,
    });
    const again = fakeApi({ times, script });
    const second = await retryFailed(first, { ...base, fetchChunk: again.fetchChunk });
    expect(again.stats.calls).toHaveLength(1);
    expect(second.failures.map((failure) => failure.range)).toEqual([MAR]);
    expect(second.rows).toHaveLength(first.rows.length);
  });

  it('makes no call when nothing failed', async () => {
    const first = await loadReport(CHATS, JAN, {
      ...base,
      fetchChunk: fakeApi({ times: times95() }).fetchChunk,
    });
    const api = fakeApi({ times: [] });
    expect(await retryFailed(first, { ...base, fetchChunk: api.fetchChunk })).toBe(first);
    expect(api.stats.calls).toHaveLength(0);
  });
});
