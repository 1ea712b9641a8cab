import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { registerAuth, type AuthOptions } from './auth';
import type { ServerConfig } from './config';
import { PROXY_PREFIX } from './forward-guard';
import { stdoutAudit, type AuditLine, type BusyRetry } from './forward';
import { registerWolkvoxRoutes } from './wolkvox-routes';

/**
 * The production server (`npm start`): the built app from dist/, sign-in in front of it,
 * and /wolkvox/* forwarded with the token through one guard (forward-guard.ts) and one
 * function (callWolkvox), for a signed-in identity only, behind the token's gate and the
 * closed-period cache (wolkvox-routes.ts).
 */
export interface ServerDeps extends AuthOptions {
  /** The built app (index.html, assets/). */
  distDir: string;
  audit?: (line: AuditLine) => void;
  logger?: FastifyServerOptions['logger'];
  fetch?: typeof fetch;
  /** Tests: shorter waits between busy retries, a shorter upstream timeout. */
  busyRetry?: BusyRetry;
  timeoutMs?: number;
}

export async function buildServer(
  config: ServerConfig,
  deps: ServerDeps,
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    // X-Forwarded-For / -Proto believed only from these (request.ip, request.protocol).
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    // 64 KiB is plenty for a sign-in form; nothing else takes a body.
    bodyLimit: 64 * 1024,
  });

  const httpsOnly = config.publicUrl?.protocol === 'https:';
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The Excel export's worker zips in workers of its own, made from blob: URLs (fflate).
        workerSrc: ["'self'", 'blob:'],
        // React sets style properties from script (allowed); no inline <style> or style="" in
        // the built page (test/server/static.test.ts checks dist/).
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(httpsOnly ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: httpsOnly ? { maxAge: 15552000, includeSubDomains: false } : false,
  });
  // gzip, not brotli: a 1M-row month is 63 calls of up to 60,000 rows, and brotli (even at
  // its quality 4) doubled the server's time for it (README, "Deploy": 83 s with br, 35–42 s
  // with gzip, 25 s uncompressed).
  await app.register(fastifyCompress, { threshold: 1024, encodings: ['gzip', 'deflate'] });
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyFormbody);
  await app.register(fastifyRateLimit, { global: false });

  const { signOut } = registerAuth(app, config, deps);

  app.get('/healthz', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  );

  // The token's gate, quota and closed-period cache, shared by every supervisor.
  const team = registerWolkvoxRoutes(app, config, {
    audit: deps.audit ?? stdoutAudit,
    fetch: deps.fetch,
    now: deps.now,
    busyRetry: deps.busyRetry,
    timeoutMs: deps.timeoutMs,
  });

  app.get('/wolkvox-proxy/status', async (request, reply) =>
    reply.header('cache-control', 'no-store').send({
      mode: 'live',
      server: config.wolkvoxBaseUrl,
      hasToken: true,
      user: request.user,
      signOut,
      ...team.teamStatus(),
    }),
  );

  const indexFile = join(deps.distDir, 'index.html');
  if (!existsSync(indexFile)) app.log.warn(`${indexFile} is missing: run "npm run build" first`);
  await app.register(fastifyStatic, {
    root: deps.distDir,
    prefix: '/',
    cacheControl: false,
    etag: true,
    setHeaders: (res, path) => {
      res.header(
        'cache-control',
        path.includes(`${join(deps.distDir, 'assets')}/`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });

  // The app's own routes (/reports/…, /settings) are index.html; a missing file is a 404.
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const looksLikeFile = /\.[A-Za-z0-9]+$/.test(path) || path.startsWith('/assets/');
    if (request.method === 'GET' && !looksLikeFile && !path.startsWith(PROXY_PREFIX)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({ code: 404, error: 'Not Found', msg: 'No such page' });
  });

  // An error never carries a stack, a URL with secrets or the token to the page.
  app.setErrorHandler(async (error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500)
      request.log.error(
        { err: { name: error.name, message: redact(error.message, config.wolkvoxToken) } },
        'request failed',
      );
    return reply.code(status).send({
      code: status,
      error: status >= 500 ? 'Server error' : 'Bad request',
      msg:
        status >= 500 ? 'The server could not answer' : redact(error.message, config.wolkvoxToken),
    });
  });

  return app;
}

function redact(text: string, token: string): string {
  return token ? text.split(token).join('[token]') : text;
}
