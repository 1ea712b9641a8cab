// @vitest-environment node
import { checkForward } from '../../server/forward-guard';
import { callWolkvox, whenKept, type AllowedCall, type Flight } from '../../server/forward';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskCache, memoryCache } from '../../server/report-cache';

const REPORT =
  '/wolkvox/api/v2/reports_manager.php?api=chat_10&date_ini=20261001000000&date_end=20261031235959';

function reportCall(): AllowedCall {
  const decision = checkForward({ method: 'GET', url: REPORT, headers: {} });
  if (!decision.ok) throw new Error(decision.msg);
  return decision;
}

const ok = (text: string) =>
  new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });

describe('a shared call for a closed period', () => {
  it('is not joined once every caller gave up on it: a new call starts', async () => {
    let calls = 0;
    // The first call is cancelled slowly (the socket closes some ms after the abort).
    const fakeFetch = ((_url: string, init: RequestInit) => {
      calls++;
      if (calls > 1) return Promise.resolve(ok('{"data":[]}'));
      return new Promise<Response>((_resolve, reject) =>
        init.signal!.addEventListener('abort', () =>
          setTimeout(() => reject(new DOMException('aborted', 'AbortError')), 30),
        ),
      );
    }) as typeof fetch;
    const client = {
      baseUrl: 'https://wv0015.wolkvox.com',
      token: 't',
      audit: () => {},
      fetch: fakeFetch,
      cache: memoryCache({ maxBytes: 1 << 20, retentionMs: 86_400_000, now: Date.now }),
      isClosed: () => true,
      flights: new Map<string, Flight>(),
    };
    const first = new AbortController();
    const gaveUp = callWolkvox(client, reportCall(), 'ana', first.signal);
    await new Promise((resolve) => setTimeout(resolve, 5));
    first.abort();
    expect((await gaveUp).status).toBe(499);

    // The cancelled call is still winding down: the next supervisor gets a call of their own.
    const next = await callWolkvox(client, reportCall(), 'beto', new AbortController().signal);
    expect(next.status).toBe(200);
    expect(next.body.toString()).toBe('{"data":[]}');
    expect(calls).toBe(2);
  });
});

describe('the closed-period cache across a change of wolkvox server', () => {
  it('never answers one operation’s stored report to another server with the same CACHE_DIR', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'wv-f-')), 'cache');
    const clientFor = (baseUrl: string, text: string) => {
      const seen: string[] = [];
      return {
        seen,
        client: {
          baseUrl,
          token: 't',
          audit: () => {},
          fetch: ((url: string) => {
            seen.push(url);
            return Promise.resolve(ok(text));
          }) as typeof fetch,
          // A new cache over the same directory and secret, as after a restart.
          cache: diskCache({
            dir,
            secret: 'k'.repeat(40),
            maxBytes: 1 << 20,
            retentionMs: 86_400_000,
            now: Date.now,
          }),
          isClosed: () => true,
        },
      };
    };
    const first = clientFor(
      'https://wv0015.wolkvox.com',
      '{"msg":"1 records were found","data":["0015"]}',
    );
    const stored = await callWolkvox(
      first.client,
      reportCall(),
      'ana',
      new AbortController().signal,
    );
    expect(stored.cache).toBe('stored');
    // Written after the answer: as a stop does, wait for it before the "restart".
    await whenKept(first.client);

    const other = clientFor(
      'https://wv0042.wolkvox.com',
      '{"msg":"1 records were found","data":["0042"]}',
    );
    const answer = await callWolkvox(
      other.client,
      reportCall(),
      'ana',
      new AbortController().signal,
    );
    expect(answer.cache).toBe('stored');
    expect(answer.body.toString()).toBe('{"msg":"1 records were found","data":["0042"]}');
    expect(other.seen).toHaveLength(1);
    await whenKept(other.client);

    // The first server's report is still its own.
    const again = clientFor('https://wv0015.wolkvox.com', 'not asked');
    const hit = await callWolkvox(again.client, reportCall(), 'ana', new AbortController().signal);
    expect(hit.cache).toBe('hit');
    expect(hit.body.toString()).toBe('{"msg":"1 records were found","data":["0015"]}');
  });
});
