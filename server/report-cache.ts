import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

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
  /**
   * The same rows in the compact form (src/report-model/wire/column-chunk-binary.ts), gzipped,
   * built once from the answer; sent instead of `body` to a page that asks for it.
   */
  columnsGzip?: Buffer;
  /** `body` gzipped already (the server sent it so): not compressed twice. */
  gzip?: Buffer;
}

export interface StoredAnswer {
  status: number;
  contentType: string;
  rows: number | null;
  /** The body, gzipped. */
  gzip: Buffer;
  /** The compact form, gzipped, when it was built. */
  columnsGzip?: Buffer;
}

async function seal(answer: CachedAnswer): Promise<StoredAnswer> {
  const stored: StoredAnswer = {
    status: answer.status,
    contentType: answer.contentType,
    rows: answer.rows ?? null,
    gzip: answer.gzip ?? (await gzipAsync(answer.body, { level: 6 })),
  };
  if (answer.columnsGzip) stored.columnsGzip = answer.columnsGzip;
  return stored;
}

/** What an entry weighs in the cache's bound. */
const weight = (answer: StoredAnswer) => answer.gzip.length + (answer.columnsGzip?.length ?? 0);

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
    bytes -= weight(entry.answer);
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
      if (weight(answer) > maxBytes) return;
      drop(key);
      entries.set(key, { answer, storedAt: now() });
      bytes += weight(answer);
      evict();
    },
    stats: () => ({ entries: entries.size, bytes, maxBytes, where: 'memory' }),
  };
}

// ---- disk -------------------------------------------------------------------------------

const SUFFIX = '.wvc';
/** WVC1: the JSON only; WVC2: the JSON's length in the sealed head, then the compact form. */
const MAGIC = Buffer.from('WVC1');
const MAGIC_2 = Buffer.from('WVC2');
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

/**
 * MAGIC_2, IV, tag, then sealed: `status\ncontent-type\nrows\njson-gzip-length\n`, the
 * gzipped body, the gzipped compact form (possibly empty); the cache key is bound as AAD.
 * Files written before the compact form (MAGIC, a head of three lines, the body) still read.
 */
function encrypt(key: Buffer, cacheKey: string, answer: StoredAnswer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(cacheKey));
  const head = Buffer.from(
    `${answer.status}\n${answer.contentType.replace(/\n/g, ' ')}\n${answer.rows ?? ''}\n${answer.gzip.length}\n`,
  );
  const sealed = Buffer.concat([
    cipher.update(head),
    cipher.update(answer.gzip),
    cipher.update(answer.columnsGzip ?? Buffer.alloc(0)),
    cipher.final(),
  ]);
  return Buffer.concat([MAGIC_2, iv, cipher.getAuthTag(), sealed]);
}

function decrypt(key: Buffer, cacheKey: string, data: Buffer): StoredAnswer {
  const magic = data.subarray(0, MAGIC.length);
  const withColumns = magic.equals(MAGIC_2);
  if (!withColumns && !magic.equals(MAGIC)) throw new Error('not a cache file');
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
  const secondLine = plain.indexOf(10, first + 1);
  const third = plain.indexOf(10, secondLine + 1);
  const rows = plain.subarray(secondLine + 1, third).toString();
  const stored: StoredAnswer = {
    status: Number(plain.subarray(0, first).toString()),
    contentType: plain.subarray(first + 1, secondLine).toString(),
    rows: rows === '' ? null : Number(rows),
    gzip: plain.subarray(third + 1),
  };
  if (!withColumns) return stored;
  const fourth = plain.indexOf(10, third + 1);
  const jsonLength = Number(plain.subarray(third + 1, fourth).toString());
  const body = fourth + 1;
  if (!Number.isSafeInteger(jsonLength) || body + jsonLength > plain.length)
    throw new Error('damaged cache file');
  stored.gzip = plain.subarray(body, body + jsonLength);
  if (body + jsonLength < plain.length) stored.columnsGzip = plain.subarray(body + jsonLength);
  return stored;
}
