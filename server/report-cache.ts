import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * wolkvox's answers for closed periods, kept so a period is fetched once for the whole
 * team (server/README.md, "Closed periods fetched once"). The key is the report and its
 * exact dates (`api|date_ini|date_end` as the guard checked them); the value the answer's
 * status, content type, rows and bytes, gzipped once when stored: a browser (which asks
 * gzip) gets those bytes as they are, with no compression per hit, and the cache holds
 * about ten times more; a client that does not take gzip gets them inflated, unchanged.
 *
 * On disk (CACHE_DIR): one file per answer, mode 0600 in a 0700 directory, encrypted with
 * AES-256-GCM (the rows hold customers' phone numbers and chat text: a copied disk or a
 * backup of it reveals nothing without the key), the key derived (HKDF) from CACHE_KEY or
 * SESSION_SECRET. File names are an HMAC of the key, so not even the report and dates show.
 * Without CACHE_DIR, the same bounds in memory.
 *
 * Bounded by size and age: entries older than the retention go, and past the size the
 * oldest stored go first.
 */
export interface CachedAnswer {
  status: number;
  contentType: string;
  body: Buffer;
  /** Rows in it (wolkvox's `msg`), for the audit line of a hit. */
  rows?: number | null;
}

export interface StoredAnswer {
  status: number;
  contentType: string;
  rows: number | null;
  /** The body, gzipped. */
  gzip: Buffer;
}

/** The body as wolkvox sent it. */
export function plainBody(stored: StoredAnswer): Promise<Buffer> {
  return gunzipAsync(stored.gzip);
}

async function seal(answer: CachedAnswer): Promise<StoredAnswer> {
  return {
    status: answer.status,
    contentType: answer.contentType,
    rows: answer.rows ?? null,
    gzip: await gzipAsync(answer.body, { level: 6 }),
  };
}

export interface CacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  where: 'disk' | 'memory';
}

export interface ReportCache {
  get(key: string): Promise<StoredAnswer | undefined>;
  put(key: string, answer: CachedAnswer): Promise<void>;
  stats(): CacheStats;
}

export interface CacheBounds {
  maxBytes: number;
  retentionMs: number;
  now: () => number;
}

/**
 * The upstream server is part of the key (so of the file name and the AES-GCM additional
 * data): a CACHE_DIR reused after WOLKVOX_SERVER/WOLKVOX_BASE_URL changed never answers
 * with another operation's data.
 */
export function reportCacheKey(baseUrl: string, api: string, from: string, to: string): string {
  return `${baseUrl}|${api}|${from}|${to}`;
}

// ---- memory -----------------------------------------------------------------------------

export function memoryCache({ maxBytes, retentionMs, now }: CacheBounds): ReportCache {
  // A Map keeps insertion order: its first entry is the oldest stored.
  const entries = new Map<string, { answer: StoredAnswer; storedAt: number }>();
  let bytes = 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.answer.gzip.length;
    entries.delete(key);
  };
  const evict = () => {
    const oldest = now() - retentionMs;
    for (const [key, entry] of entries) {
      if (entry.storedAt > oldest && bytes <= maxBytes) break;
      drop(key);
    }
  };
  return {
    get: async (key) => {
      evict();
      return entries.get(key)?.answer;
    },
    put: async (key, plain) => {
      const answer = await seal(plain);
      if (answer.gzip.length > maxBytes) return;
      drop(key);
      entries.set(key, { answer, storedAt: now() });
      bytes += answer.gzip.length;
      evict();
    },
    stats: () => ({ entries: entries.size, bytes, maxBytes, where: 'memory' }),
  };
}

// ---- disk -------------------------------------------------------------------------------

const SUFFIX = '.wvc';
const MAGIC = Buffer.from('WVC1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface DiskCacheOptions extends CacheBounds {
  dir: string;
  /** CACHE_KEY or SESSION_SECRET: the cache key is derived from it. */
  secret: string;
}

export function diskCache({
  dir,
  secret,
  maxBytes,
  retentionMs,
  now,
}: DiskCacheOptions): ReportCache {
  const key = Buffer.from(hkdfSync('sha256', secret, 'wolkvox-reports', 'cache-aes-256-gcm', 32));
  const nameKey = Buffer.from(
    hkdfSync('sha256', secret, 'wolkvox-reports', 'cache-file-names', 32),
  );
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // An existing directory keeps its mode on mkdir: make it the server user's alone.
  chmodSync(dir, 0o700);

  // What is on disk: file → size and when stored (its mtime), oldest first after sorting.
  const index = new Map<string, { size: number; storedAt: number }>();
  let bytes = 0;
  const found: [string, { size: number; storedAt: number }][] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!name.endsWith(SUFFIX)) {
      // A write cut short by a crash.
      if (name.endsWith('.tmp')) unlinkSync(path);
      continue;
    }
    const stat = statSync(path);
    found.push([name, { size: stat.size, storedAt: stat.mtimeMs }]);
  }
  found.sort((a, b) => a[1].storedAt - b[1].storedAt);
  for (const [name, entry] of found) {
    index.set(name, entry);
    bytes += entry.size;
  }

  const fileOf = (cacheKey: string) =>
    createHmac('sha256', nameKey).update(cacheKey).digest('hex').slice(0, 40) + SUFFIX;
  const drop = async (name: string) => {
    const entry = index.get(name);
    if (!entry) return;
    index.delete(name);
    bytes -= entry.size;
    await unlink(join(dir, name)).catch(() => {});
  };
  const evict = async () => {
    const oldest = now() - retentionMs;
    for (const [name, entry] of index) {
      if (entry.storedAt > oldest && bytes <= maxBytes) break;
      await drop(name);
    }
  };
  evict().catch(() => {});

  return {
    get: async (cacheKey) => {
      await evict();
      const name = fileOf(cacheKey);
      if (!index.has(name)) return undefined;
      try {
        return decrypt(key, cacheKey, await readFile(join(dir, name)));
      } catch {
        // Another key (SESSION_SECRET changed), a damaged or foreign file: fetch again.
        await drop(name);
        return undefined;
      }
    },
    put: async (cacheKey, answer) => {
      const name = fileOf(cacheKey);
      const data = encrypt(key, cacheKey, await seal(answer));
      if (data.length > maxBytes) return;
      const tmp = join(dir, `${name}.${randomBytes(6).toString('hex')}.tmp`);
      const file = await open(tmp, 'wx', 0o600);
      try {
        await file.writeFile(data);
      } finally {
        await file.close();
      }
      await rename(tmp, join(dir, name));
      const previous = index.get(name);
      if (previous) {
        index.delete(name);
        bytes -= previous.size;
      }
      index.set(name, { size: data.length, storedAt: now() });
      bytes += data.length;
      await evict();
    },
    stats: () => ({ entries: index.size, bytes, maxBytes, where: 'disk' }),
  };
}

/** MAGIC, IV, tag, then the sealed `status\ncontent-type\nrows\n` + gzipped body; the cache key is bound as AAD. */
function encrypt(key: Buffer, cacheKey: string, answer: StoredAnswer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(cacheKey));
  const head = Buffer.from(
    `${answer.status}\n${answer.contentType.replace(/\n/g, ' ')}\n${answer.rows ?? ''}\n`,
  );
  const sealed = Buffer.concat([cipher.update(head), cipher.update(answer.gzip), cipher.final()]);
  return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), sealed]);
}

function decrypt(key: Buffer, cacheKey: string, data: Buffer): StoredAnswer {
  if (!data.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a cache file');
  const iv = data.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
  const tag = data.subarray(MAGIC.length + IV_BYTES, MAGIC.length + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(cacheKey));
  decipher.setAuthTag(tag);
  const plain = Buffer.concat([
    decipher.update(data.subarray(MAGIC.length + IV_BYTES + TAG_BYTES)),
    decipher.final(),
  ]);
  const first = plain.indexOf(10);
  const second = plain.indexOf(10, first + 1);
  const third = plain.indexOf(10, second + 1);
  const rows = plain.subarray(second + 1, third).toString();
  return {
    status: Number(plain.subarray(0, first).toString()),
    contentType: plain.subarray(first + 1, second).toString(),
    rows: rows === '' ? null : Number(rows),
    gzip: plain.subarray(third + 1),
  };
}
