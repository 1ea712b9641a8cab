import { fetchQueuePosition } from '../../../src/report-model/wire/fetch-queue';
import { askFresh, wantsFresh } from '../../../src/report-model/wire/fresh-requests';
import { fetchReport } from '../../../src/report-model/wire/fetch-report';
import { findReport } from '../../../src/report-model/catalog';

const DAY = 86_400_000;
const JAN = { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 0, 31, 23, 59, 59) };

describe('Refresh asks past the server’s cache', () => {
  it('marks calls overlapping a refreshed range of that report, for 10 minutes', () => {
    const now = Date.UTC(2026, 10, 29);
    askFresh('chat_7', JAN, now);
    expect(wantsFresh('chat_7', { start: JAN.start + DAY, end: JAN.start + 2 * DAY }, now)).toBe(
      true,
    );
    expect(wantsFresh('chat_6', JAN, now)).toBe(false);
    expect(wantsFresh('chat_7', { start: JAN.end + 1000, end: JAN.end + DAY }, now)).toBe(false);
    expect(wantsFresh('chat_7', JAN, now + 11 * 60_000)).toBe(false);
  });

  it('fetchReport sends cache-control: no-cache for them, and nothing more otherwise', async () => {
    const seen: Record<string, string>[] = [];
    const fetchImpl: typeof fetch = async (_url, init) => {
      seen.push(init?.headers as Record<string, string>);
      return new Response('{"code":404,"error":"Not Found","msg":"Validate dates entered"}', {
        status: 404,
      });
    };
    const report = findReport(9)!;
    const FEB = { start: Date.UTC(2026, 1, 1), end: Date.UTC(2026, 1, 28, 23, 59, 59) };
    await fetchReport(report, FEB, { baseUrl: 'http://x/wolkvox', fetch: fetchImpl });
    askFresh('chat_9', FEB);
    await fetchReport(report, FEB, { baseUrl: 'http://x/wolkvox', fetch: fetchImpl });
    expect(seen).toEqual([
      { accept: 'application/json' },
      { accept: 'application/json', 'cache-control': 'no-cache' },
    ]);
  });
});

describe('fetchQueuePosition', () => {
  const answering =
    (status: number, body: unknown): typeof fetch =>
    async () =>
      new Response(JSON.stringify(body), { status });

  it('reads the server’s answer', async () => {
    const body = { inFlight: 2, queued: 4, mine: { inFlight: 0, queued: 2 }, ahead: 3 };
    expect(await fetchQueuePosition(undefined, answering(200, body))).toEqual({
      ahead: 3,
      queued: 2,
      inFlight: 0,
    });
  });

  it('is undefined without such a server or with an odd answer', async () => {
    expect(await fetchQueuePosition(undefined, answering(404, {}))).toBeUndefined();
    expect(await fetchQueuePosition(undefined, answering(200, { ahead: '3' }))).toBeUndefined();
    const failing: typeof fetch = () => Promise.reject(new TypeError('offline'));
    expect(await fetchQueuePosition(undefined, failing)).toBeUndefined();
  });
});
