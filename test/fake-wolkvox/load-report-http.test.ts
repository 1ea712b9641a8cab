import { findReport } from '../../src/report-model/catalog';
import { loadReport, retryFailed, type LoadOptions } from '../../src/report-model/load/load-report';
import { splitRange } from '../../src/report-model/load/split-range';
import { SECOND, dayRange, type TimeRange } from '../../src/report-model/time-range';
import { letThrough } from './let-through';
import { startFakeWolkvox, type FakeWolkvox } from './server';

/**
 * loadReport against the fake wolkvox server over real HTTP (Node's fetch):
 * 95 days, ~250,000 rows, one day over the 60,000-row cap, and faults: a 500
 * that succeeds on retry, a call that never answers, a slow answer, and a
 * malformed (HTML) answer that stays broken for February.
 */

/**
 * Report 10 (6 columns): the fake answers each report in its own columns now, and the
 * ~45 MB of a capped report-1 answer take seconds to parse on a shared test machine.
 */
const BILLING = findReport(10)!;
const RANGE = dayRange('2024-01-15', '2024-04-18')!;
const [JAN, FEB, MAR, APR] = splitRange(RANGE) as [TimeRange, TimeRange, TimeRange, TimeRange];
const CAPPED_DAY = dayRange('2024-03-12', '2024-03-12')!;
const at = (iso: string) => Date.parse(`${iso}Z`);
const instant = (iso: string) => ({ start: at(iso), end: at(iso) });

/** Rows on the first and last second of every month chunk, and just outside the range. */
const EDGES = [
  RANGE.start - SECOND,
  RANGE.end + SECOND,
  ...[JAN, FEB, MAR, APR].flatMap((chunk) => [chunk.start, chunk.end]),
];

/**
 * Calls in flight as the loader sees them: from the request to the end of the
 * answer's body, or to the moment the loader gives the call up (timeout, abort).
 */
const client = { inFlight: 0, maxInFlight: 0 };

/** Node's fetch with the token header the proxy adds in the app, counting calls in flight. */
const withToken =
  (token: string): typeof fetch =>
  async (input, init) => {
    client.inFlight++;
    client.maxInFlight = Math.max(client.maxInFlight, client.inFlight);
    let over = false;
    const done = () => {
      if (!over) client.inFlight--;
      over = true;
    };
    init?.signal?.addEventListener('abort', done, { once: true });
    try {
      const response = await fetch(input, {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), 'wolkvox-token': token },
      });
      const body = await response.arrayBuffer();
      return new Response(body, { status: response.status, headers: response.headers });
    } finally {
      done();
    }
  };

let fake: FakeWolkvox;
beforeAll(async () => {
  fake = await startFakeWolkvox({
    seed: 2024,
    range: RANGE,
    rows: 180_000,
    bursts: [{ range: CAPPED_DAY, rows: 70_000 }],
    times: EDGES,
  });
});
afterAll(() => fake.close());

const options = (overrides: Partial<LoadOptions> = {}): LoadOptions => ({
  baseUrl: fake.url,
  fetch: withToken(fake.token),
  // Short for a test, yet well above the time an answer can wait while the other
  // call's 60,000 rows are parsed (about a second, more on a busy machine, during
  // which the event loop reads nothing). A fourth attempt absorbs the odd one.
  timeoutMs: 4_000,
  maxAttempts: 4,
  retryBaseMs: 40,
  ...overrides,
});

function expectExactlyOnce(ids: string[], expected: string[]) {
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(expected);
}

describe('loadReport over HTTP against the fake wolkvox', () => {
  beforeEach(() => {
    letThrough(fake.url);
    fake.setFaults([]);
    fake.stats.calls.length = 0;
    fake.stats.maxConcurrent = 0;
    fake.stats.rejected = 0;
    client.maxInFlight = 0;
  });

  it('loads 95 days / ~250,000 rows with faults: every retrievable row once, the broken month listed', async () => {
    fake.setFaults([
      { overlaps: JAN, fault: { kind: 'status', status: 500 }, times: 1 },
      { overlaps: instant('2024-04-10T12:00:00'), fault: { kind: 'hang' }, times: 1 },
      { overlaps: instant('2024-04-10T12:00:00'), fault: { kind: 'delay', ms: 300 }, times: 1 },
      { overlaps: instant('2024-02-10T08:00:00'), fault: { kind: 'html' } },
    ]);
    const all = fake.idsIn(RANGE);
    expect(all.length).toBe(250_008);

    const started = performance.now();
    const result = await loadReport(BILLING, RANGE, options());
    const seconds = (performance.now() - started) / 1000;

    // February stayed broken: listed with its period, its rows and only those missing.
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({
      range: FEB,
      attempts: 1,
      error: { kind: 'malformed' },
    });
    const febIds = new Set(fake.idsIn(FEB));
    expectExactlyOnce(
      result.rows.map((row) => String(row.conn_id)),
      all.filter((id) => !febIds.has(id)),
    );
    expect(result.truncated).toEqual([]);
    expect(result.complete).toBe(false);

    // The 500 and the hung call were retried; the capped day was split.
    const kinds = fake.stats.calls.map((call) => call.fault).filter(Boolean);
    expect(kinds.sort()).toEqual(['delay', 'hang', 'html', 'status']);
    expect(fake.stats.calls.find((call) => call.fault === 'hang')!.abandoned).toBe(true);
    // A capped answer keeps its rows before the last second it holds and only the rest is
    // asked for: March costs 2 capped calls and no row is served twice but those of the
    // seconds where answers were cut (halving made 3+ capped calls and threw their rows away).
    expect(fake.stats.calls.filter((call) => call.rows === 60_000)).toHaveLength(2);
    expect(fake.stats.rowsServed).toBeLessThan(all.length - febIds.size + 100);
    expect(result.requests).toBe(fake.stats.calls.length);

    expect(client.maxInFlight).toBe(2);
    expect(fake.stats.maxConcurrent).toBeLessThanOrEqual(2);
    // A call the client gave up on may still count on the server for a moment (the
    // real API even runs it to the end): a third call is then refused as busy (403
    // "EXCEEDS THE LIMIT…"), which is retried. It never costs rows (checked above).
    console.info(
      `[fake-wolkvox] 95 days, ${result.rows.length} rows loaded (+ ${febIds.size} in the broken month) ` +
        `in ${seconds.toFixed(2)} s, ${result.requests} calls (${fake.stats.rejected} refused as a ` +
        `third simultaneous call), ${fake.stats.rowsServed} rows served`,
    );

    // The server is repaired: only February is fetched again, and the load is complete.
    fake.setFaults([]);
    const before = fake.stats.calls.length;
    const repaired = await retryFailed(result, options());
    expect(fake.stats.calls.slice(before).map((call) => call.range)).toEqual([FEB]);
    expect(repaired.complete).toBe(true);
    expectExactlyOnce(
      repaired.rows.map((row) => String(row.conn_id)),
      all,
    );
  }, 60_000);

  it('loads one call at a time with concurrency 1', async () => {
    const range = CAPPED_DAY;
    const result = await loadReport(BILLING, range, options({ concurrency: 1 }));
    expect(client.maxInFlight).toBe(1);
    expect(fake.stats.maxConcurrent).toBe(1);
    expect(result.complete).toBe(true);
    expectExactlyOnce(
      result.rows.map((row) => String(row.conn_id)),
      fake.idsIn(range),
    );
  }, 60_000);

  it('stops at once on a wrong token, without retrying', async () => {
    const load = loadReport(BILLING, RANGE, options({ fetch: withToken('wrong') }));
    await expect(load).rejects.toMatchObject({
      kind: 'token',
      status: 403,
      message: 'PLEASE VALIDATE TOKEN',
    });
    expect(fake.stats.calls.length).toBeLessThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.stats.calls.length).toBeLessThanOrEqual(2);
  });

  it('leaves nothing in flight on the server after an abort', async () => {
    fake.setFaults([{ fault: { kind: 'delay', ms: 200 } }]);
    const controller = new AbortController();
    const load = loadReport(BILLING, RANGE, options({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    await expect(load).rejects.toMatchObject({ name: 'AbortError' });
    await vi.waitFor(() => expect(fake.stats.active).toBe(0));
    expect(fake.stats.calls).toHaveLength(2);
  });
});
