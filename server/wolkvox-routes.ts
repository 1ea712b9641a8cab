import type { FastifyInstance } from 'fastify';
import { parseWireDate } from '../src/report-model/wire/wire-date.ts';
import type { ServerConfig } from './config';
import { acceptsAny, acceptsColumns, checkForward, PROXY_PREFIX } from './forward-guard';
import { answerReader } from './answer-reader';
import { callWolkvox, whenKept, type AuditLine, type Flight, type WolkvoxClient } from './forward';
import { operationClock } from './operation-clock';
import { QuotaCounter } from './quota-counter';
import { diskCache, memoryCache } from './report-cache';
import { TokenGate } from './token-gate';

/**
 * The routes that reach wolkvox, and the state the whole team shares: the token's gate,
 * the quota counter and the closed-period cache (one of each per server, so per token).
 *
 * - `/wolkvox/*`: the guarded forward (forward-guard.ts), through callWolkvox.
 * - `/wolkvox-proxy/queue`: where the signed-in user's calls stand in the token's queue.
 * - `/wolkvox-proxy/status` gets `quota` and `cache` from `teamStatus()`.
 */
export const SIMULTANEOUS_CALLS = 2;
/**
 * A period is closed, and its answer kept, once its end is this far behind the operation's
 * clock (server/README.md, "Closed periods fetched once", says why 48 h).
 */
export const CLOSED_AFTER_MS = 48 * 3_600_000;
const DAY_MS = 86_400_000;
const DEFAULT_DISK_MB = 2048;
const DEFAULT_MEMORY_MB = 256;
const DEFAULT_RETENTION_DAYS = 400;

export interface WolkvoxRouteDeps {
  audit: (line: AuditLine) => void;
  fetch?: typeof fetch;
  now?: () => number;
  /** Tests: shorter busy waits. */
  busyRetry?: WolkvoxClient['busyRetry'];
  timeoutMs?: number;
}

export function registerWolkvoxRoutes(
  app: FastifyInstance,
  config: ServerConfig,
  deps: WolkvoxRouteDeps,
) {
  const now = deps.now ?? Date.now;
  const clock = operationClock(config.timeZone);
  const gate = new TokenGate(SIMULTANEOUS_CALLS);
  const quota = new QuotaCounter(clock, now);
  const bounds = {
    retentionMs: (config.cache.retentionDays ?? DEFAULT_RETENTION_DAYS) * DAY_MS,
    now,
  };
  const cache =
    config.cache.maxMb === 0
      ? undefined
      : config.cache.dir
        ? diskCache({
            dir: config.cache.dir,
            secret: config.cache.key,
            maxBytes: (config.cache.maxMb ?? DEFAULT_DISK_MB) * 1024 * 1024,
            ...bounds,
          })
        : memoryCache({
            maxBytes: (config.cache.maxMb ?? DEFAULT_MEMORY_MB) * 1024 * 1024,
            ...bounds,
          });
  const flights = new Map<string, Flight>();

  const client: WolkvoxClient = {
    baseUrl: config.wolkvoxBaseUrl,
    token: config.wolkvoxToken,
    audit: deps.audit,
    fetch: deps.fetch,
    timeoutMs: deps.timeoutMs,
    gate,
    quota,
    cache,
    flights,
    keeping: new Map(),
    reader: answerReader(SIMULTANEOUS_CALLS),
    busyRetry: deps.busyRetry,
    isClosed: (dateEnd) => {
      const end = parseWireDate(dateEnd);
      return end !== undefined && end + 1000 <= clock.wallNow(now()) - CLOSED_AFTER_MS;
    },
  };

  // A stop (SIGTERM) finishes writing the periods answered just before it.
  app.addHook('onClose', async () => {
    await whenKept(client);
    await client.reader?.close();
  });

  app.route({
    method: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
    url: `${PROXY_PREFIX}/*`,
    config: { rateLimit: { max: 600, timeWindow: 60_000, keyGenerator: (r) => r.user ?? r.ip } },
    handler: async (request, reply) => {
      const decision = checkForward({
        method: request.method,
        url: request.url,
        headers: request.headers,
      });
      reply.header('cache-control', 'no-store');
      if (!decision.ok)
        return reply
          .code(decision.status)
          .send({ code: decision.status, error: 'Refused by the server', msg: decision.msg });
      const abort = new AbortController();
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) abort.abort();
      });
      // The page's Refresh asks past the cache for the periods it covers.
      const fresh = /\bno-cache\b/i.test(String(request.headers['cache-control'] ?? ''));
      // request.user is set: the auth hook answered 401 to anyone else.
      const answer = await callWolkvox(client, decision, request.user ?? '?', abort.signal, {
        fresh,
        acceptsGzip: acceptsGzip(request.headers['accept-encoding']),
        columns: acceptsColumns(request.headers.accept),
      });
      if (answer.cache !== 'none') reply.header('x-wolkvox-cache', answer.cache);
      return reply.code(answer.status).headers(answer.headers).send(answer.body);
    },
  });

  app.get('/wolkvox-proxy/queue', async (request, reply) =>
    reply.header('cache-control', 'no-store').send(gate.position(request.user ?? '?')),
  );

  return {
    gate,
    quota,
    cache,
    /** Fields added to /wolkvox-proxy/status (server/README.md documents them). */
    teamStatus: () => ({
      quota: quota.view(),
      cache: cache?.stats() ?? null,
      gate: { limit: gate.limit, ...pick(gate.position('')) },
    }),
  };
}

function pick(position: { inFlight: number; queued: number }) {
  return { inFlight: position.inFlight, queued: position.queued };
}

/** Whether an Accept-Encoding takes gzip (listed, and not with q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  return acceptsAny(header, ['gzip', 'x-gzip']);
}
