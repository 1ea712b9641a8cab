import type { Plugin, ProxyOptions } from 'vite';

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
 */
export function proxyStatusPlugin(target: LiveTarget | undefined): Plugin {
  const body = JSON.stringify(
    target
      ? { mode: 'live', server: target.baseUrl, hasToken: Boolean(target.token) }
      : { mode: 'mock' },
  );
  const handler = (
    req: { url?: string },
    res: import('node:http').ServerResponse,
    next: () => void,
  ) => {
    if (req.url !== '/wolkvox-proxy/status') return next();
    res.setHeader('content-type', 'application/json');
    res.end(body);
  };
  return {
    name: 'wolkvox-proxy-status',
    configureServer: (server) => void server.middlewares.use(handler),
    configurePreviewServer: (server) => void server.middlewares.use(handler),
  };
}
