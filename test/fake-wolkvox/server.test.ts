import {
  REPORTS_PATH,
  startFakeWolkvox,
  type FakeWolkvox,
  type FakeWolkvoxOptions,
} from './server';
import { letThrough } from './let-through';

const at = (iso: string) => Date.parse(`${iso}Z`);
const MARCH = { start: at('2026-03-01T00:00:00'), end: at('2026-03-31T23:59:59') };

let fake: FakeWolkvox | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: FakeWolkvoxOptions = {}) {
  fake = await startFakeWolkvox({ range: MARCH, rows: 1_000, ...options });
  letThrough(fake.url);
  return fake;
}

async function get(
  server: FakeWolkvox,
  params: Record<string, string>,
  token: string | null = server.token,
) {
  const url = `${server.url}${REPORTS_PATH}?${new URLSearchParams(params).toString()}`;
  const response = await fetch(url, { headers: token === null ? {} : { 'wolkvox-token': token } });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json: json as Record<string, unknown> | undefined };
}

const chats = (ini: string, end: string) => ({ api: 'chat_1', date_ini: ini, date_end: end });

describe('fake wolkvox server', () => {
  it('answers the wire envelope with string values, inclusive at both ends', async () => {
    const edge = at('2026-03-10T00:00:00');
    const server = await start({ rows: 0, times: [edge - 1000, edge, edge + 1000, edge + 2000] });
    const first = await get(server, chats('20260309235959', '20260310000001'));
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ code: 200, error: null, msg: '3 records were found' });
    const data = first.json!.data as Record<string, unknown>[];
    expect(data.map((row) => row.conn_id)).toEqual(['C0000000', 'C0000001', 'C0000002']);
    expect(data[1]!.date).toBe('2026-03-10 00:00:00');
    expect(Object.values(data[0]!).every((value) => typeof value === 'string')).toBe(true);
    // The second call writes code as a string.
    const second = await get(server, chats('20260310000001', '20260310000002'));
    expect(second.json).toMatchObject({ code: '200', msg: '2 records were found' });
  });

  it('checks the token: 401 Invalid token', async () => {
    const server = await start();
    for (const token of [null, 'wrong']) {
      const answer = await get(server, chats('20260301000000', '20260302000000'), token);
      expect(answer.status).toBe(401);
      expect(answer.json).toMatchObject({ error: 'Unauthorized', msg: 'Invalid token' });
    }
  });

  it('answers 404 "Validate dates entered" when no row matches, or for an unknown report', async () => {
    const server = await start();
    const empty = await get(server, chats('20250101000000', '20250102000000'));
    expect(empty.status).toBe(404);
    expect(empty.json).toMatchObject({ msg: 'Validate dates entered' });
    expect(String(empty.json!.code)).toBe('404');
    const unknown = await get(server, {
      api: 'chat_99',
      date_ini: '20260301000000',
      date_end: '20260302000000',
    });
    expect(unknown.status).toBe(404);
  });

  it('refuses more than 31 days and bad dates with 406', async () => {
    const server = await start();
    expect((await get(server, chats('20260101000000', '20260131235959'))).status).toBe(404);
    const over = await get(server, chats('20260101000000', '20260201000000'));
    expect(over.status).toBe(406);
    expect(over.json!.msg).toMatch(/31 days/);
    expect((await get(server, chats('20260230000000', '20260301000000'))).status).toBe(406);
    expect((await get(server, chats('20260302000000', '20260301000000'))).status).toBe(406);
  });

  it('returns the first 60,000 rows when more match', async () => {
    const server = await start({ rows: 0, bursts: [{ range: MARCH, rows: 61_000 }] });
    const answer = await get(server, chats('20260301000000', '20260331235959'));
    const data = answer.json!.data as { conn_id: string }[];
    expect(data).toHaveLength(60_000);
    expect(data.at(-1)!.conn_id).toBe('C0059999');
    expect(server.totalRows).toBe(61_000);
  });

  it('refuses a third simultaneous call with 429, and counts concurrency', async () => {
    const server = await start({ latencyMs: 150 });
    const answers = await Promise.all(
      [1, 2, 3].map(() => get(server, chats('20260301000000', '20260302000000'))),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 429]);
    expect(answers.find((a) => a.status === 429)!.json).toMatchObject({
      msg: 'The token cannot be consumed simultaneously',
    });
    expect(server.stats).toMatchObject({ maxConcurrent: 2, rejected: 1, active: 0 });
  });

  it('injects faults on chosen calls and periods', async () => {
    const day = { start: at('2026-03-05T00:00:00'), end: at('2026-03-05T23:59:59') };
    const server = await start({
      faults: [
        { calls: [1], fault: { kind: 'status', status: 500 }, times: 1 },
        { overlaps: day, fault: { kind: 'html' } },
        { calls: [4], fault: { kind: 'truncated-json' } },
        { calls: [5], fault: { kind: 'data-not-list' } },
        { calls: [6], fault: { kind: 'delay', ms: 120 } },
      ],
    });
    const range = chats('20260310000000', '20260315000000');
    expect((await get(server, range)).status).toBe(500);
    expect((await get(server, chats('20260305120000', '20260306000000'))).text).toMatch(/^<html>/);
    expect((await get(server, chats('20260301000000', '20260331235959'))).text).toMatch(/^<html>/);
    const truncated = await get(server, range);
    expect([truncated.status, truncated.json]).toEqual([200, undefined]);
    expect((await get(server, range)).json).toMatchObject({ data: 'Array' });
    const started = Date.now();
    expect((await get(server, range)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(server.stats.calls.map((call) => call.fault)).toEqual([
      'status',
      'html',
      'html',
      'truncated-json',
      'data-not-list',
      'delay',
    ]);
    server.setFaults([]);
    expect((await get(server, chats('20260305120000', '20260306000000'))).status).toBe(200);
  });

  it('lets a hung call go when the client gives up, and drops connections on "reset"', async () => {
    const server = await start({
      faults: [
        { calls: [1], fault: { kind: 'hang' } },
        { calls: [2], fault: { kind: 'reset' } },
      ],
    });
    const url = `${server.url}${REPORTS_PATH}?api=chat_1&date_ini=20260301000000&date_end=20260302000000`;
    const headers = { 'wolkvox-token': server.token };
    await expect(fetch(url, { headers, signal: AbortSignal.timeout(100) })).rejects.toThrow();
    await vi.waitFor(() => expect(server.stats.active).toBe(0));
    expect(server.stats.calls[0]!.abandoned).toBe(true);
    await expect(fetch(url, { headers })).rejects.toThrow(/fetch failed/);
    expect((await fetch(url, { headers })).status).toBe(200);
  });
});
