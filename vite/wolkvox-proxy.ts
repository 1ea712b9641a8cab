import type { Connect, Plugin, ProxyOptions } from 'vite';
import {
  checkForward,
  PASSED_RESPONSE_HEADERS,
  PROXY_PREFIX,
  upstreamRequestHeaders,
} from '../server/forward-guard.ts';

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

/**
 * Refuses what the app never sends (server/forward-guard.ts, the same guard as the
 * production server's): other methods, other wolkvox endpoints and parameters, and
 * cross-site requests (another site making the supervisor's browser spend the token).
 */
export const guardProxy: Connect.NextHandleFunction = (req, res, next) => {
  const url = req.url ?? '';
  if (!url.startsWith(`${PROXY_PREFIX}/`)) return next();
  const decision = checkForward(req);
  if (decision.ok) return next();
  res.statusCode = decision.status;
  res.setHeader('content-type', 'application/json');
  res.end(
    JSON.stringify({ code: decision.status, error: 'Refused by the proxy', msg: decision.msg }),
  );
};

export function wolkvoxProxy({ baseUrl, token }: LiveTarget): Record<string, ProxyOptions> {
  return {
    '/wolkvox/': {
      target: baseUrl,
      changeOrigin: true,
      // The guard has passed this request: send exactly the path it checked, rebuilt.
      rewrite: (path) => {
        const decision = checkForward({ method: 'GET', url: path, headers: {} });
        return decision.ok ? decision.upstreamPath : '/refused-by-guard';
      },
      // wolkvox stops a query after 60 s; give it a little more before we give up.
      proxyTimeout: 65_000,
      timeout: 65_000,
      configure: (proxy) => {
        proxy.on('proxyReq', (proxyReq) => {
          // Only the allow-listed headers reach wolkvox (no cookie, no X-Forwarded-For).
          const wanted = upstreamRequestHeaders(token ?? '');
          for (const name of proxyReq.getHeaderNames()) {
            if (name !== 'host' && !(name in wanted)) proxyReq.removeHeader(name);
          }
          if (token) proxyReq.setHeader('wolkvox-token', token);
          else proxyReq.removeHeader('wolkvox-token');
          proxyReq.setHeader('accept', wanted.accept!);
        });
        // Only the allow-listed headers of wolkvox's answer reach the page.
        proxy.on('proxyRes', (proxyRes) => {
          for (const name of Object.keys(proxyRes.headers)) {
            if (!PASSED_RESPONSE_HEADERS.has(name)) delete proxyRes.headers[name];
          }
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
