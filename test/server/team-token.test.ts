// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatWireDate } from '../../src/report-model/wire/wire-date';
import { startFakeWolkvox, type FakeRange, type FakeWolkvox } from '../fake-wolkvox/server';
import { server as msw } from '../msw-server';
import { listenInFrontOf, TOKEN, type ListeningServer } from './harness';

/**
 * "One token, a whole team" (issue 13, items 1–4) at the server, over real HTTP both
 * sides: supervisors are `fetch`es signed in by a trusted header (AUTH_MODE=header),
 * wolkvox is the one shared fake. Every assertion counts what reached the fake.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The server's clock: 2026-11-29 01:00 UTC, 2026-11-28 20:00 in Bogotá. */
const NOW = Date.parse('2026-11-29T01:00:00Z');
const YEAR: FakeRange = { start: Date.UTC(2025, 11, 1), end: Date.UTC(2026, 10, 28, 23, 59, 59) };

type Running = ListeningServer;

/** Busy retries and the upstream timeout shortened, the clock fixed. */
const startServer = (fake: FakeWolkvox, env: Record<string, string> = {}) =>
  listenInFrontOf(fake, env, {
    now: () => NOW,
    busyRetry: { attempts: 6, baseMs: 20, maxMs: 100 },
    timeoutMs: 2_000,
  });

function reportPath(api: string, range: FakeRange): string {
  return `/wolkvox/api/v2/reports_manager.php?api=${api}&date_ini=${formatWireDate(range.start)}&date_end=${formatWireDate(range.end)}`;
}

function ask(server: Running, user: string, path: string, init: RequestInit = {}) {
  return fetch(server.url + path, {
    ...init,
    headers: { 'x-user': user, ...(init.headers as Record<string, string> | undefined) },
  });
}

interface Answer {
  status: number;
  body: string;
  cache: string | null;
  ids: string[];
  doneAt: number;
}

async function read(response: Promise<Response>): Promise<Answer> {
  const r = await response;
  const body = await r.text();
  let ids: string[] = [];
  if (r.status === 200) {
    try {
      const data = (JSON.parse(body) as { data: { conn_id?: string }[] }).data;
      ids = data.map((row) => row.conn_id ?? '');
    } catch {
      ids = ['(not JSON)'];
    }
  }
  return {
    status: r.status,
    body,
    cache: r.headers.get('x-wolkvox-cache'),
    ids,
    doneAt: performance.now(),
  };
}

/** Half-month pieces of a range, as a browser splits a long load. */
function pieces(range: FakeRange, days: number): FakeRange[] {
  const out: FakeRange[] = [];
  for (let start = range.start; start <= range.end; start += days * DAY)
    out.push({ start, end: Math.min(range.end, start + days * DAY - 1000) });
  return out;
}

beforeAll(() => msw.close());

describe('one gate per token', () => {
  let fake: FakeWolkvox;
  let server: Running;
  beforeEach(async () => {
    fake = await startFakeWolkvox({
      token: TOKEN,
      range: YEAR,
      rows: 36_000,
      seed: 3,
      latencyMs: 15,
    });
    server = await startServer(fake);
  });
  afterEach(async () => {
    await server.close();
    await fake.close();
  });

  it('two supervisors at once: ≤ 2 calls upstream, no busy reaches them, every row once, and B’s day is not starved by A’s year', async () => {
    // A opens 12 months (as three tabs would: every piece asked at once); B, a moment later, a day.
    const yearPieces = pieces(YEAR, 15);
    const a = yearPieces.map((piece) => read(ask(server, 'ana', reportPath('chat_1', piece))));
    await new Promise((resolve) => setTimeout(resolve, 30));
    const day: FakeRange = { start: Date.UTC(2026, 5, 10), end: Date.UTC(2026, 5, 10, 23, 59, 59) };
    const b = await read(ask(server, 'beto', reportPath('chat_1', day)));
    const answersA = await Promise.all(a);

    expect(fake.stats.maxConcurrent).toBeLessThanOrEqual(2);
    expect(fake.stats.rejected).toBe(0);
    expect([b, ...answersA].every((answer) => answer.status === 200)).toBe(true);
    // Every row of the year exactly once across A's pieces; B's day complete.
    expect(answersA.flatMap((answer) => answer.ids)).toEqual(fake.idsIn(YEAR));
    expect(b.ids).toEqual(fake.idsIn(day));
    // Fair: B's single call finished while most of A's were still waiting.
    const aDoneAfterB = answersA.filter((answer) => answer.doneAt > b.doneAt).length;
    expect(aDoneAfterB).toBeGreaterThan(yearPieces.length / 2);
    const bLine = server.audit.find((line) => line.user === 'beto')!;
    expect(bLine.source).toBe('wolkvox');
    expect(fake.stats.calls.length).toBe(yearPieces.length + 1);
  });

  it('cancelling in the browser takes its calls out of the queue: they never reach wolkvox', async () => {
    fake.setFaults([{ fault: { kind: 'delay', ms: 300 } }]);
    const controller = new AbortController();
    const calls = pieces({ start: YEAR.start, end: YEAR.start + 10 * DAY - 1000 }, 1).map((piece) =>
      ask(server, 'ana', reportPath('chat_1', piece), { signal: controller.signal }).catch(
        () => 'aborted',
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 80));
    const queue = (await (await ask(server, 'ana', '/wolkvox-proxy/queue')).json()) as {
      mine: { queued: number; inFlight: number };
    };
    expect(queue.mine).toEqual({ inFlight: 2, queued: 8 });
    controller.abort();
    expect(await Promise.all(calls)).toEqual(Array(10).fill('aborted'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(fake.stats.calls.length).toBe(2);
    const after = (await (await ask(server, 'ana', '/wolkvox-proxy/queue')).json()) as {
      queued: number;
      inFlight: number;
    };
    expect(after).toMatchObject({ queued: 0, inFlight: 0 });
  });

  it('says how many calls are ahead of a waiting supervisor, signed in only', async () => {
    fake.setFaults([{ fault: { kind: 'delay', ms: 200 } }]);
    const mine = pieces({ start: YEAR.start, end: YEAR.start + 4 * DAY - 1000 }, 1).map((piece) =>
      read(ask(server, 'ana', reportPath('chat_1', piece))),
    );
    await new Promise((resolve) => setTimeout(resolve, 40));
    const other = read(
      ask(
        server,
        'beto',
        reportPath('chat_2', { start: YEAR.start, end: YEAR.start + DAY - 1000 }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 40));
    const position = (await (await ask(server, 'beto', '/wolkvox-proxy/queue')).json()) as unknown;
    // Ana's 2 in flight, then her next (she was waiting first), then Beto's turn: 3 ahead.
    expect(position).toEqual({
      inFlight: 2,
      queued: 3,
      mine: { inFlight: 0, queued: 1 },
      ahead: 3,
    });
    expect(JSON.stringify(position)).not.toContain('ana');
    expect((await fetch(`${server.url}/wolkvox-proxy/queue`)).status).toBe(401);
    await Promise.all([...mine, other]);
  });
});

describe('wolkvox’s busy, quota and token_info', () => {
  const RECENT: FakeRange = {
    start: Date.UTC(2026, 10, 28),
    end: Date.UTC(2026, 10, 28, 19, 59, 59),
  };
  let fake: FakeWolkvox;
  let server: Running;
  beforeEach(async () => {
    fake = await startFakeWolkvox({ token: TOKEN, range: RECENT, rows: 500, seed: 5 });
    server = await startServer(fake);
  });
  afterEach(async () => {
    await server.close();
    await fake.close();
  });

  it('retries busy answers (403 simultaneous, 429) before the browser sees them', async () => {
    fake.setFaults([
      { fault: { kind: 'refuse', as: 'busy' }, times: 2 },
      { fault: { kind: 'status', status: 429 }, times: 1 },
    ]);
    const answer = await read(ask(server, 'ana', reportPath('chat_1', RECENT)));
    expect(answer.status).toBe(200);
    expect(answer.ids).toEqual(fake.idsIn(RECENT));
    expect(fake.stats.calls.map((call) => call.status)).toEqual([403, 403, 429, 200]);
    expect(server.audit.at(-1)).toMatchObject({ status: 200, calls: 4, source: 'wolkvox' });
  });

  it('gives up on busy after its bounded tries, and says busy (not a token problem)', async () => {
    fake.setFaults([{ fault: { kind: 'refuse', as: 'busy' } }]);
    const answer = await read(ask(server, 'ana', reportPath('chat_1', RECENT)));
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS');
    expect(fake.stats.calls.length).toBe(6);
  });

  it('remembers a used-up quota until the reset: answered without calling, token_info still read', async () => {
    const hour = (h: number): FakeRange => ({
      start: RECENT.start + h * HOUR,
      end: RECENT.start + (h + 1) * HOUR - 1000,
    });
    fake.setUsedToday(4_796);
    for (const h of [0, 1, 2, 3])
      expect((await ask(server, 'ana', reportPath('chat_1', hour(h)))).status).toBe(200);
    const used = await read(ask(server, 'beto', reportPath('chat_1', hour(4))));
    expect(used.status).toBe(403);
    expect(used.body).toContain('TOKEN LIMIT EXCEEDED');
    const callsBefore = fake.stats.calls.length;
    const again = await read(ask(server, 'ana', reportPath('chat_1', hour(5))));
    expect(again).toMatchObject({ status: 403, body: used.body });
    expect(fake.stats.calls.length).toBe(callsBefore);
    expect(server.audit.at(-1)).toMatchObject({ source: 'quota', calls: 0, status: 403 });

    const info = await ask(server, 'ana', '/wolkvox/api/v2/information.php?api=token_info');
    expect(info.status).toBe(200);
    const status = (await (await ask(server, 'ana', '/wolkvox-proxy/status')).json()) as {
      quota: Record<string, unknown>;
    };
    expect(status.quota).toMatchObject({
      day: '2026-11-28',
      timeZone: 'America/Bogota',
      callsToday: 4,
      limit: 4_800,
      usedToday: 4_800,
      left: 0,
      exhausted: true,
      resetsAt: '2026-11-29T05:00:00.000Z',
    });
  });
});

describe('closed periods fetched once', () => {
  const OCTOBER: FakeRange = {
    start: Date.UTC(2026, 9, 1),
    end: Date.UTC(2026, 9, 31, 23, 59, 59),
  };
  const RECENT: FakeRange = {
    start: Date.UTC(2026, 10, 27),
    end: Date.UTC(2026, 10, 27, 23, 59, 59),
  };
  let fake: FakeWolkvox;
  let server: Running;
  let dir: string;
  beforeEach(async () => {
    fake = await startFakeWolkvox({
      token: TOKEN,
      range: { start: OCTOBER.start, end: RECENT.end },
      rows: 6_000,
      seed: 11,
    });
    dir = join(mkdtempSync(join(tmpdir(), 'wv-cache-')), 'cache');
    server = await startServer(fake, { CACHE_DIR: dir });
  });
  afterEach(async () => {
    await server.close();
    await fake.close();
  });

  it('serves a closed month to another supervisor with identical bytes and no wolkvox call', async () => {
    const first = await read(ask(server, 'ana', reportPath('chat_10', OCTOBER)));
    expect(first).toMatchObject({ status: 200, cache: 'stored' });
    const second = await read(ask(server, 'beto', reportPath('chat_10', OCTOBER)));
    expect(second).toMatchObject({ status: 200, cache: 'hit' });
    expect(second.body).toBe(first.body);
    expect(fake.stats.calls.length).toBe(1);
    expect(server.audit.at(-1)).toMatchObject({
      user: 'beto',
      source: 'cache',
      calls: 0,
      rows: first.ids.length,
    });
    // Kept gzipped: a browser gets those bytes as they are; a client without gzip, inflated.
    const gzipped = await ask(server, 'caro', reportPath('chat_10', OCTOBER), {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(await gzipped.text()).toBe(first.body);
    const plain = await ask(server, 'caro', reportPath('chat_10', OCTOBER), {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(first.body);
    expect(fake.stats.calls.length).toBe(1);
  });

  it('asks wolkvox again for a recent period, and for a closed one on Refresh', async () => {
    await read(ask(server, 'ana', reportPath('chat_10', RECENT)));
    const recent = await read(ask(server, 'ana', reportPath('chat_10', RECENT)));
    expect(recent.cache).toBeNull();
    expect(fake.stats.calls.length).toBe(2);
    await read(ask(server, 'ana', reportPath('chat_10', OCTOBER)));
    const refreshed = await read(
      ask(server, 'ana', reportPath('chat_10', OCTOBER), {
        headers: { 'cache-control': 'no-cache' },
      }),
    );
    expect(refreshed.cache).toBe('bypass');
    expect(fake.stats.calls.length).toBe(4);
    // The refreshed answer replaced the stored one; the next open is a hit.
    expect((await read(ask(server, 'beto', reportPath('chat_10', OCTOBER)))).cache).toBe('hit');
    expect(fake.stats.calls.length).toBe(4);
  });

  it('fetches a closed period once when several supervisors ask it at the same moment', async () => {
    const answers = await Promise.all(
      ['ana', 'beto', 'caro', 'dani'].map((user) =>
        read(ask(server, user, reportPath('chat_10', OCTOBER))),
      ),
    );
    expect(fake.stats.calls.length).toBe(1);
    for (const answer of answers) expect(answer.body).toBe(answers[0]!.body);
    expect(server.audit.filter((line) => line.source === 'shared')).toHaveLength(3);
  });

  it('keeps nothing with CACHE_MAX_MB=0 (cache off)', async () => {
    const off = await startServer(fake, { CACHE_MAX_MB: '0' });
    await read(ask(off, 'ana', reportPath('chat_10', OCTOBER)));
    const again = await read(ask(off, 'beto', reportPath('chat_10', OCTOBER)));
    expect(again.cache).toBeNull();
    expect(fake.stats.calls.length).toBe(2);
    await off.close();
  });

  it('keeps no failed or cut answer', async () => {
    fake.setFaults([{ fault: { kind: 'truncated-json' }, times: 1 }]);
    const cut = await read(ask(server, 'ana', reportPath('chat_10', OCTOBER)).then((r) => r));
    expect(cut.cache).toBeNull();
    const whole = await read(ask(server, 'ana', reportPath('chat_10', OCTOBER)));
    expect(whole.cache).toBe('stored');
    expect(whole.ids).toEqual(fake.idsIn(OCTOBER));
  });

  it('stores files only its user can read, encrypted: no phone number or chat text in the directory', async () => {
    const answer = await read(ask(server, 'ana', reportPath('chat_10', OCTOBER)));
    const rows = (JSON.parse(answer.body) as { data: Record<string, string>[] }).data;
    const phones = rows.map((row) => Object.values(row).find((v) => /^\+?\d{10,13}$/.test(v))!);
    expect(phones[0]).toBeDefined();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    // Written just after the answer.
    await expect.poll(() => readdirSync(dir).length).toBe(1);
    const files = readdirSync(dir);
    expect(files.length).toBe(1);
    for (const file of files) {
      expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
      const bytes = readFileSync(join(dir, file)).toString('latin1');
      for (const phone of phones.slice(0, 50)) expect(bytes).not.toContain(phone.replace('+', ''));
      expect(bytes).not.toContain('chat_10');
      expect(bytes).not.toContain(rows[0]!.conn_id!);
    }
    expect(files[0]).not.toMatch(/chat|2026/);
  });
});
