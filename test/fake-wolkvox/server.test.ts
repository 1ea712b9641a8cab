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
    // Report 1 filters by close date: a row's instant is its date_close.
    expect(data[1]!.date_close).toBe('2026-03-10 00:00:00');
    expect(Object.values(data[0]!).every((value) => typeof value === 'string')).toBe(true);
    // The second call writes code as a string.
    const second = await get(server, chats('20260310000001', '20260310000002'));
    expect(second.json).toMatchObject({ code: '200', msg: '2 records were found' });
  });

  it('checks the token: 401 when none is sent, 403 when it is not the token', async () => {
    const server = await start();
    const none = await get(server, chats('20260301000000', '20260302000000'), null);
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({ msg: 'PLEASE ENTER THE WOLKVOX-TOKEN' });
    const wrong = await get(server, chats('20260301000000', '20260302000000'), 'wrong');
    expect(wrong.status).toBe(403);
    expect(wrong.json).toMatchObject({ msg: 'PLEASE VALIDATE TOKEN' });
    expect(server.stats.calls.map((call) => [call.status, call.msg])).toEqual([
      [401, 'PLEASE ENTER THE WOLKVOX-TOKEN'],
      [403, 'PLEASE VALIDATE TOKEN'],
    ]);
  });

  it('answers 404 "Validate dates entered" when no row matches; 400 for an unknown report', async () => {
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
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({ msg: 'THE API YOU WANT TO CONSULT DOES NOT EXIST' });
    const missing = await get(server, { api: 'chat_1', date_ini: '20260301000000' });
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ msg: 'SOME PARAMETERS ARE REQUIRED' });
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

  it('refuses a third simultaneous call with 403 "EXCEEDS THE LIMIT…", and counts concurrency', async () => {
    const server = await start({ latencyMs: 150 });
    const answers = await Promise.all(
      [1, 2, 3].map(() => get(server, chats('20260301000000', '20260302000000'))),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 403]);
    expect(answers.find((a) => a.status === 403)!.json).toMatchObject({
      msg: 'EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)',
    });
    expect(server.stats).toMatchObject({ maxConcurrent: 2, rejected: 1, active: 0 });
    // The slots are free again: the next call is answered.
    expect((await get(server, chats('20260301000000', '20260302000000'))).status).toBe(200);
  });

  it('counts the daily quota, answers token_info (one call), then "TOKEN LIMIT EXCEEDED"', async () => {
    const server = await start({ dailyQuota: 5, usedToday: 2 });
    const info = async () => {
      const url = `${server.url}/api/v2/information.php?api=token_info`;
      const response = await fetch(url, { headers: { 'wolkvox-token': server.token } });
      const body = (await response.json()) as { data: Record<string, string>[] };
      return { status: response.status, info: body.data[0]! };
    };
    expect(await info()).toMatchObject({
      status: 200,
      info: { token_limit: '5', token_use_today: '3', available_consumption_options: '2' },
    });
    const hours = Number((await info()).info.hours_to_restart_count);
    expect(hours).toBeGreaterThanOrEqual(1);
    expect(hours).toBeLessThanOrEqual(24);
    // Two calls were left after the second token_info: one report call takes the last.
    expect((await get(server, chats('20260301000000', '20260302000000'))).status).toBe(200);
    const over = await get(server, chats('20260301000000', '20260302000000'));
    expect(over.status).toBe(403);
    expect(over.json).toMatchObject({ msg: 'TOKEN LIMIT EXCEEDED' });
    // token_info still answers (and says the quota is used up).
    expect(await info()).toMatchObject({ status: 200, info: { token_use_today: '5' } });
    expect(server.wolkvox.usedToday).toBe(5);
  });

  it('answers an HTML "Forbidden" page, not JSON, during maintenance', async () => {
    const server = await start();
    server.setMaintenance(true);
    const answer = await get(server, chats('20260301000000', '20260302000000'));
    expect(answer.status).toBe(403);
    expect(answer.json).toBeUndefined();
    expect(answer.text).toMatch(/<h1>Forbidden<\/h1>/);
    server.setMaintenance(false);
    expect((await get(server, chats('20260301000000', '20260302000000'))).status).toBe(200);
  });

  it('answers each report in its own columns, from the mock generators', async () => {
    const server = await start({ rows: 0, times: [at('2026-03-10T09:30:00')] });
    const answer = await get(server, {
      api: 'chat_10',
      date_ini: '20260310000000',
      date_end: '20260310235959',
    });
    const [row] = answer.json!.data as Record<string, string>[];
    expect(Object.keys(row!).sort()).toEqual(
      ['conn_id', 'customer_phone', 'date', 'destiny', 'session_id', 'template'].sort(),
    );
    expect(row).toMatchObject({ conn_id: 'C0000000', date: '2026-03-10 09:30:00' });
    expect(row!.session_id!.startsWith(`${row!.customer_phone}.`)).toBe(true);
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
