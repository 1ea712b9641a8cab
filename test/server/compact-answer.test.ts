// @vitest-environment node
import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { acceptsColumns } from '../../server/forward-guard';
import { diskCache, reportCacheKey } from '../../server/report-cache';
import { findReport } from '../../src/report-model/catalog';
import { decodeColumns } from '../../src/report-model/wire/column-chunk';
import {
  COLUMNS_MEDIA_TYPE,
  readColumnChunk,
} from '../../src/report-model/wire/column-chunk-binary';
import { fetchReport, fetchReportColumns } from '../../src/report-model/wire/fetch-report';
import { normalizeRows } from '../../src/report-model/wire/normalize-rows';
import { formatWireDate } from '../../src/report-model/wire/wire-date';
import { startFakeWolkvox, type FakeRange, type FakeWolkvox } from '../fake-wolkvox/server';
import { server as msw } from '../msw-server';
import { listenInFrontOf, TOKEN, type ListeningServer } from './harness';

/**
 * Issue 16 item 6, at the server: a closed period kept in the cache is answered in the compact
 * form (column-chunk-binary.ts) to a page whose Accept names it, with exactly the rows of the
 * JSON answer and no wolkvox call; without that Accept, and on a miss, wolkvox's JSON as ever.
 */
const NOW = Date.parse('2026-11-29T01:00:00Z');
const OCTOBER: FakeRange = { start: Date.UTC(2026, 9, 1), end: Date.UTC(2026, 9, 31, 23, 59, 59) };
const RECENT: FakeRange = {
  start: Date.UTC(2026, 10, 27),
  end: Date.UTC(2026, 10, 27, 23, 59, 59),
};
const REPORT = findReport(10)!;

let fake: FakeWolkvox;
let server: ListeningServer;
let dir: string;
/** The headers of every call the server sent to wolkvox. */
const upstream: Record<string, string>[] = [];

beforeAll(() => msw.close());
beforeEach(async () => {
  upstream.length = 0;
  fake = await startFakeWolkvox({
    token: TOKEN,
    range: { start: OCTOBER.start, end: RECENT.end },
    rows: 6_000,
    seed: 16,
  });
  dir = join(mkdtempSync(join(tmpdir(), 'wv-compact-')), 'cache');
  server = await listenInFrontOf(
    fake,
    { CACHE_DIR: dir },
    {
      now: () => NOW,
      fetch: (input, init) => {
        upstream.push({ ...(init?.headers as Record<string, string>) });
        return fetch(input, init);
      },
    },
  );
});
afterEach(async () => {
  await server.close();
  await fake.close();
});

const path = (range: FakeRange) =>
  `/wolkvox/api/v2/reports_manager.php?api=chat_10&date_ini=${formatWireDate(range.start)}&date_end=${formatWireDate(range.end)}`;

function ask(user: string, range: FakeRange, headers: Record<string, string> = {}) {
  return fetch(server.url + path(range), { headers: { 'x-user': user, ...headers } });
}

/** The page's fetch, signed in as `user` (the browser's cookie, here the trusted header). */
const signedIn =
  (user: string): typeof fetch =>
  (input, init) =>
    fetch(input, { ...init, headers: { ...(init?.headers as object), 'x-user': user } });

const COMPACT = { accept: `${COLUMNS_MEDIA_TYPE}, application/json;q=0.9` };

it('answers a closed period in the compact form, from wolkvox and then from the cache, with exactly the JSON’s rows', async () => {
  const first = await ask('ana', OCTOBER, COMPACT);
  // A miss: built from wolkvox's answer (the cache keeps it), sent to the page that asked.
  expect(first.headers.get('content-type')).toBe(COLUMNS_MEDIA_TYPE);
  expect(first.headers.get('x-wolkvox-cache')).toBe('stored');
  // Gzipped once by the server, the bytes the cache keeps (fetch asked gzip and inflates it).
  expect(first.headers.get('content-encoding')).toBe('gzip');
  const fromWolkvox = decodeColumns(readColumnChunk(await first.arrayBuffer()).chunk);
  expect(fake.stats.calls.length).toBe(1);
  // The page's Accept is read by the server, never forwarded: wolkvox gets what it always got.
  expect(upstream).toEqual([{ accept: 'application/json', 'wolkvox-token': TOKEN }]);

  // The JSON of the same answer, kept as wolkvox sent it, to a client that does not ask.
  const asJson = await ask('ana', OCTOBER);
  expect(asJson.headers.get('x-wolkvox-cache')).toBe('hit');
  const json = await asJson.text();
  const data = (JSON.parse(json) as { data: unknown[] }).data;
  expect(data.length).toBeGreaterThan(1000);
  expect(fromWolkvox).toEqual(normalizeRows(REPORT, data));

  const second = await ask('beto', OCTOBER, { ...COMPACT, 'accept-encoding': 'gzip' });
  expect(second.status).toBe(200);
  expect(second.headers.get('x-wolkvox-cache')).toBe('hit');
  expect(second.headers.get('content-type')).toBe(COLUMNS_MEDIA_TYPE);
  expect(second.headers.get('content-encoding')).toBe('gzip');
  const { chunk } = readColumnChunk(await second.arrayBuffer());
  expect(decodeColumns(chunk)).toEqual(normalizeRows(REPORT, data));
  expect(fake.stats.calls.length).toBe(1);
  expect(server.audit.at(-1)).toMatchObject({
    user: 'beto',
    source: 'cache',
    calls: 0,
    rows: data.length,
  });

  // A client that does not take gzip gets the compact form inflated, the same bytes.
  const plain = await ask('beto', OCTOBER, { ...COMPACT, 'accept-encoding': 'identity' });
  expect(plain.headers.get('content-encoding')).toBeNull();
  expect(decodeColumns(readColumnChunk(await plain.arrayBuffer()).chunk).rows).toHaveLength(
    data.length,
  );

  // Without that Accept: wolkvox's JSON, byte for byte.
  for (const headers of [
    {} as Record<string, string>,
    { accept: 'application/json' },
    { accept: `${COLUMNS_MEDIA_TYPE};q=0` },
  ]) {
    const again = await ask('caro', OCTOBER, headers);
    expect(again.headers.get('x-wolkvox-cache')).toBe('hit');
    expect(again.headers.get('content-type')).toMatch(/json/);
    expect(await again.text()).toBe(json);
  }
  expect(fake.stats.calls.length).toBe(1);
});

it('gives the worker’s reader the same rows from the compact form as the page gets from JSON', async () => {
  const options = (user: string) => ({ baseUrl: `${server.url}/wolkvox`, fetch: signedIn(user) });
  const range = { start: OCTOBER.start, end: OCTOBER.end };
  const fromJson = await fetchReport(REPORT, range, options('ana'));
  let bytes = 0;
  const { chunk, transfer } = await fetchReportColumns(REPORT, range, {
    ...options('beto'),
    onBody: (n) => (bytes = n),
  });
  expect(server.audit.at(-1)).toMatchObject({ user: 'beto', source: 'cache' });
  expect(transfer.length).toBeGreaterThan(1);
  expect(bytes).toBeGreaterThan(0);
  const rows = decodeColumns(structuredClone(chunk, { transfer })).rows;
  expect(rows).toEqual(fromJson.rows);
  // The page's own catalog columns, not copies from the answer.
  expect(chunk.columns[0]).toBe(REPORT.columns[0]);
  expect(fake.stats.calls.length).toBe(1);
});

it('reads a JSON answer to the same Accept as fetchReport does (a period not closed)', async () => {
  const options = { baseUrl: `${server.url}/wolkvox`, fetch: signedIn('ana') };
  const range = { start: RECENT.start, end: RECENT.end };
  const { chunk } = await fetchReportColumns(REPORT, range, options);
  const fromJson = await fetchReport(REPORT, range, options);
  expect(fromJson.rows.length).toBeGreaterThan(0);
  expect(decodeColumns(chunk)).toEqual(fromJson);
});

it('answers a period that is not closed from wolkvox each time, in the form the page asks for, and a Refresh too', async () => {
  const first = await ask('ana', RECENT, COMPACT);
  expect(first.headers.get('x-wolkvox-cache')).toBeNull();
  expect(first.headers.get('content-type')).toBe(COLUMNS_MEDIA_TYPE);
  const fromColumns = decodeColumns(readColumnChunk(await first.arrayBuffer()).chunk);
  const asJson = await ask('ana', RECENT);
  expect(asJson.headers.get('x-wolkvox-cache')).toBeNull();
  expect(asJson.headers.get('content-type')).toMatch(/json/);
  const data = (JSON.parse(await asJson.text()) as { data: unknown[] }).data;
  expect(data.length).toBeGreaterThan(0);
  expect(fromColumns).toEqual(normalizeRows(REPORT, data));
  await (await ask('ana', OCTOBER, COMPACT)).arrayBuffer();
  const refreshed = await ask('ana', OCTOBER, { ...COMPACT, 'cache-control': 'no-cache' });
  expect(refreshed.headers.get('x-wolkvox-cache')).toBe('bypass');
  expect(refreshed.headers.get('content-type')).toBe(COLUMNS_MEDIA_TYPE);
  const refreshedJson = await ask('ana', OCTOBER, { 'cache-control': 'no-cache' });
  expect(refreshedJson.headers.get('content-type')).toMatch(/json/);
  await refreshedJson.arrayBuffer();
  await refreshed.arrayBuffer();
  expect(fake.stats.calls.length).toBe(5);
});

it('keeps the compact form encrypted too: no phone number or CONN_ID in the cache directory', async () => {
  const json = await (await ask('ana', OCTOBER)).text();
  const rows = (JSON.parse(json) as { data: Record<string, string>[] }).data;
  // Written just after the answer.
  await expect.poll(() => readdirSync(dir).length).toBe(1);
  const files = readdirSync(dir);
  const stored = readFileSync(join(dir, files[0]!)).toString('latin1');
  expect(stored.startsWith('WVC2')).toBe(true);
  for (const row of rows.slice(0, 50)) {
    expect(stored).not.toContain(row.conn_id);
    expect(stored).not.toContain(String(row.customer_phone ?? '').replace('+', ''));
  }
});

it('reads the compact form only from an Accept that names it, with q above 0', () => {
  expect(acceptsColumns(COLUMNS_MEDIA_TYPE)).toBe(true);
  expect(acceptsColumns(`application/json, ${COLUMNS_MEDIA_TYPE.toUpperCase()};q=0.5`)).toBe(true);
  expect(acceptsColumns([`${COLUMNS_MEDIA_TYPE}`])).toBe(true);
  expect(acceptsColumns(`${COLUMNS_MEDIA_TYPE};q=0`)).toBe(false);
  expect(acceptsColumns('*/*')).toBe(false);
  expect(acceptsColumns('application/json')).toBe(false);
  expect(acceptsColumns(`${COLUMNS_MEDIA_TYPE}x`)).toBe(false);
  expect(acceptsColumns(undefined)).toBe(false);
});

it('still reads a cache file written before the compact form (WVC1: JSON only)', async () => {
  const secret = 'k'.repeat(40);
  const own = join(mkdtempSync(join(tmpdir(), 'wv-compact-old-')), 'cache');
  mkdirSync(own, { mode: 0o700 });
  const cacheKey = reportCacheKey(
    'http://wolkvox.test',
    'chat_10',
    '20261001000000',
    '20261031235959',
  );
  const json = Buffer.from('{"code":200,"error":null,"msg":"0 records were found","data":[]}');
  // The previous format, as report-cache.ts wrote it: MAGIC, IV, tag, sealed head + gzip.
  const key = Buffer.from(hkdfSync('sha256', secret, 'wolkvox-reports', 'cache-aes-256-gcm', 32));
  const nameKey = Buffer.from(
    hkdfSync('sha256', secret, 'wolkvox-reports', 'cache-file-names', 32),
  );
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(cacheKey));
  const sealed = Buffer.concat([
    cipher.update(Buffer.from('200\napplication/json\n0\n')),
    cipher.update(gzipSync(json)),
    cipher.final(),
  ]);
  const name = createHmac('sha256', nameKey).update(cacheKey).digest('hex').slice(0, 40);
  writeFileSync(
    join(own, `${name}.wvc`),
    Buffer.concat([Buffer.from('WVC1'), iv, cipher.getAuthTag(), sealed]),
  );
  const cache = diskCache({
    dir: own,
    secret,
    maxBytes: 1 << 20,
    retentionMs: 86_400_000,
    now: () => Date.now(),
  });
  const stored = await cache.get(cacheKey);
  expect(stored).toMatchObject({ status: 200, contentType: 'application/json', rows: 0 });
  expect(stored!.columnsGzip).toBeUndefined();
  expect(gunzipSync(stored!.gzip)).toEqual(json);
});

it('sends a broken answer of a period not closed as wolkvox sent it, whatever the page asked for', async () => {
  for (const fault of [{ kind: 'truncated-json' }, { kind: 'data-not-list' }] as const) {
    fake.setFaults([{ fault, times: 1 }]);
    const answer = await ask('ana', RECENT, COMPACT);
    expect(answer.headers.get('content-type')).toMatch(/json/);
    const body = await answer.text();
    // The page's reader reports it (parse-envelope.ts); nothing here pretends it is rows.
    expect(() => readColumnChunk(new TextEncoder().encode(body).buffer)).toThrow();
  }
});

it('gives two supervisors asking one closed period at once one wolkvox call, each in the form asked', async () => {
  const [columns, json] = await Promise.all([
    ask('ana', OCTOBER, COMPACT),
    ask('beto', OCTOBER, { 'accept-encoding': 'identity' }),
  ]);
  expect(fake.stats.calls.length).toBe(1);
  expect(
    [columns.headers.get('x-wolkvox-cache'), json.headers.get('x-wolkvox-cache')].sort(),
  ).toEqual(['shared', 'stored']);
  expect(columns.headers.get('content-type')).toBe(COLUMNS_MEDIA_TYPE);
  expect(json.headers.get('content-type')).toMatch(/json/);
  expect(json.headers.get('content-encoding')).toBeNull();
  const data = (JSON.parse(await json.text()) as { data: unknown[] }).data;
  const rows = decodeColumns(readColumnChunk(await columns.arrayBuffer()).chunk);
  expect(rows).toEqual(normalizeRows(REPORT, data));
});
