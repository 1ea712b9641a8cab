import type { Connect, Plugin, ProxyOptions } from 'vite';

/**
 * Live mode: `/wolkvox/*` is forwarded to the operation's wolkvox server with the
 * `wolkvox-token` header added here, server-side. The environment variable names
 * (WOLKVOX_BASE_URL, WOLKVOX_SERVER, WOLKVOX_TOKEN) are the deployment contract.
 */
export interface LiveTarget {
  baseUrl: string;
  token: string | undefined;
}

export function readLiveTarget(env: Record<string, string | undefined>): LiveTarget {
  const server = env.WOLKVOX_SERVER?.trim();
  const baseUrl = env.WOLKVOX_BASE_URL?.trim() || (server ? `https://wv${server}.wolkvox.com` : '');
  if (!baseUrl) {
    throw new Error(
      'Live mode needs WOLKVOX_BASE_URL or WOLKVOX_SERVER (e.g. WOLKVOX_SERVER=0015), and WOLKVOX_TOKEN.',
    );
  }
  return { baseUrl, token: env.WOLKVOX_TOKEN?.trim() || undefined };
}

/** The only calls the app makes; the proxy lends the token to nothing else. */
const ALLOWED = [
  /^\/wolkvox\/api\/v2\/reports_manager\.php\?/,
  /^\/wolkvox\/api\/v2\/information\.php\?api=connectors$/,
];

/**
 * Refuses what the app never sends: other methods, other wolkvox endpoints, and
 * cross-site requests (another site making the supervisor's browser spend the token).
 */
export const guardProxy: Connect.NextHandleFunction = (req, res, next) => {
  const url = req.url ?? '';
  if (!url.startsWith('/wolkvox/')) return next();
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  const crossSite =
    (typeof site === 'string' && site !== 'same-origin' && site !== 'none') ||
    (typeof origin === 'string' &&
      origin !== `http://${req.headers.host}` &&
      origin !== `https://${req.headers.host}`);
  const refusal =
    req.method !== 'GET'
      ? 405
      : crossSite
        ? 403
        : ALLOWED.some((pattern) => pattern.test(url))
          ? 0
          : 404;
  if (!refusal) return next();
  res.statusCode = refusal;
  res.setHeader('content-type', 'application/json');
  res.end(
    JSON.stringify({
      code: refusal,
      error: 'Refused by the proxy',
      msg: 'This request is not forwarded to wolkvox',
    }),
  );
};

export function wolkvoxProxy({ baseUrl, token }: LiveTarget): Record<string, ProxyOptions> {
  return {
    '/wolkvox/': {
      target: baseUrl,
      changeOrigin: true,
      rewrite: (path) => path.replace(/^\/wolkvox/, ''),
      // wolkvox stops a query after 60 s; give it a little more before we give up.
      proxyTimeout: 65_000,
      timeout: 65_000,
      configure: (proxy) => {
        proxy.on('proxyReq', (proxyReq) => {
          proxyReq.removeHeader('cookie');
          if (token) proxyReq.setHeader('wolkvox-token', token);
          else proxyReq.removeHeader('wolkvox-token');
        });
      },
    },
  };
}

/**
 * `/wolkvox-proxy/status`: what the settings page may know about live mode:
 * which server and whether a token is configured, never the token itself.
 * Also installs the guard in front of the proxy (plugin middlewares run first).
 */
export function proxyStatusPlugin(target: LiveTarget | undefined): Plugin {
  const body = JSON.stringify(
    target
      ? { mode: 'live', server: target.baseUrl, hasToken: Boolean(target.token) }
      : { mode: 'mock' },
  );
  const status: Connect.NextHandleFunction = (req, res, next) => {
    if (req.url !== '/wolkvox-proxy/status') return next();
    res.setHeader('content-type', 'application/json');
    res.end(body);
  };
  const install = (middlewares: Connect.Server) => {
    middlewares.use(status);
    if (target) middlewares.use(guardProxy);
  };
  return {
    name: 'wolkvox-proxy-status',
    configureServer: (server) => install(server.middlewares),
    configurePreviewServer: (server) => install(server.middlewares),
  };
}
