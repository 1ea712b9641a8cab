import { gunzipSync } from 'node:zlib';
// @vitest-environment node
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  diskCache,
  memoryCache,
  type CachedAnswer,
  type StoredAnswer,
} from '../../server/report-cache';

const textOf = async (stored: StoredAnswer | undefined) =>
  stored ? gunzipSync(stored.gzip).toString() : undefined;
import { TokenGate } from '../../server/token-gate';

const DAY = 86_400_000;
const answer = (text: string): CachedAnswer => ({
  status: 200,
  contentType: 'application/json; charset=utf-8',
  body: Buffer.from(text),
});
// Random text: gzip cannot shrink it, so the size bound is what is tested.
const kb = (n: number) => randomBytes(n * 768).toString('base64');

describe.each([
  [
    'disk',
    (now: () => number, maxBytes: number) =>
      diskCache({
        dir: join(mkdtempSync(join(tmpdir(), 'wv-c-')), 'c'),
        secret: 'k'.repeat(40),
        maxBytes,
        retentionMs: 10 * DAY,
        now,
      }),
  ],
  [
    'memory',
    (now: () => number, maxBytes: number) => memoryCache({ maxBytes, retentionMs: 10 * DAY, now }),
  ],
] as const)('%s cache', (_where, make) => {
  it('gives back the exact bytes stored', async () => {
    const cache = make(() => 0, 1 << 20);
    const body =
      '{"msg":"1 records were found","data":[{"phone":"+573001234567","text":"¿Hola? ñ 😀"}]}';
    await cache.put('chat_1|a|b', answer(body));
    const got = await cache.get('chat_1|a|b');
    expect(await textOf(got)).toBe(body);
    expect(got?.contentType).toBe('application/json; charset=utf-8');
    expect(await cache.get('chat_1|a|c')).toBeUndefined();
  });

  it('evicts the oldest stored first past its size', async () => {
    let now = 1_000;
    // Each answer is ~31 KB gzipped: two fit, not three.
    const cache = make(() => now, 70 * 1024);
    for (const key of ['a', 'b', 'c']) {
      await cache.put(key, answer(kb(40)));
      now += 1_000;
    }
    expect(await cache.get('a')).toBeUndefined();
    expect((await textOf(await cache.get('b')))?.length).toBe(40 * 1024);
    expect((await textOf(await cache.get('c')))?.length).toBe(40 * 1024);
    expect(cache.stats().bytes).toBeLessThanOrEqual(70 * 1024);
  });

  it('evicts what is older than the retention', async () => {
    let now = 0;
    const cache = make(() => now, 1 << 20);
    await cache.put('old', answer('old'));
    now = 5 * DAY;
    await cache.put('new', answer('new'));
    now = 10 * DAY + 1;
    expect(await cache.get('old')).toBeUndefined();
    expect(await textOf(await cache.get('new'))).toBe('new');
    expect(cache.stats().entries).toBe(1);
  });
});

describe('disk cache', () => {
  it('keeps entries across a restart with the same key; another key reads nothing (and drops the file)', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'wv-c-')), 'c');
    const options = { dir, maxBytes: 1 << 20, retentionMs: DAY, now: () => Date.now() };
    await diskCache({ ...options, secret: 'a'.repeat(40) }).put('k', answer('rows'));
    expect(await textOf(await diskCache({ ...options, secret: 'a'.repeat(40) }).get('k'))).toBe(
      'rows',
    );
    const other = diskCache({ ...options, secret: 'b'.repeat(40) });
    expect(await other.get('k')).toBeUndefined();
  });

  it('makes an existing directory private and clears half-written files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wv-c-'));
    writeFileSync(join(dir, 'x.wvc.123.tmp'), 'half');
    diskCache({ dir, secret: 'a'.repeat(40), maxBytes: 1 << 20, retentionMs: DAY, now: Date.now });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('token gate', () => {
  it('serves users in turn, never more than its limit, and forgets a caller who gave up', async () => {
    const gate = new TokenGate(2);
    const order: string[] = [];
    const releases: (() => void)[] = [];
    const take = (user: string, signal = new AbortController().signal) =>
      gate.acquire(user, signal).then((release) => {
        order.push(user);
        releases.push(release);
      });
    const quarter = Array.from({ length: 6 }, () => take('a'));
    const gone = new AbortController();
    const cancelled = take('c', gone.signal).catch(() => order.push('c-cancelled'));
    const day = take('b');
    await Promise.resolve();
    expect(order).toEqual(['a', 'a']);
    gone.abort();
    await cancelled;
    expect(gate.position('b')).toMatchObject({ queued: 5, mine: { queued: 1 }, ahead: 3 });
    while (releases.length) {
      releases.shift()!();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await Promise.all([...quarter, day]);
    expect(order).toEqual(['a', 'a', 'c-cancelled', 'a', 'b', 'a', 'a', 'a']);
    expect(gate.maxInFlight).toBe(2);
  });
});
