// @vitest-environment node
import type { IncomingMessage, ServerResponse } from 'node:http';
import { guardProxy, wolkvoxProxy } from '../../vite/wolkvox-proxy';

function send(method: string, url: string, headers: Record<string, string> = {}) {
  let passed = false;
  const res = {
    statusCode: 200,
    body: '',
    setHeader: () => undefined,
    end: (text: string) => (res.body = text),
  };
  guardProxy(
    { method, url, headers: { host: '127.0.0.1:4173', ...headers } } as unknown as IncomingMessage,
    res as unknown as ServerResponse,
    () => (passed = true),
  );
  return passed ? 'forwarded' : res.statusCode;
}

describe('the proxy lends the token only to the app’s own calls', () => {
  it('forwards the report and connector calls of the page', () => {
    const report =
      '/wolkvox/api/v2/reports_manager.php?api=chat_10&date_ini=20261101000000&date_end=20261107235959';
    expect(send('GET', report, { 'sec-fetch-site': 'same-origin' })).toBe('forwarded');
    expect(send('GET', '/wolkvox/api/v2/information.php?api=connectors')).toBe('forwarded');
    expect(send('GET', '/reports/interactions-and-chats/10')).toBe('forwarded'); // not the proxy's business
  });

  it('refuses other methods, other endpoints and other sites', () => {
    expect(send('POST', '/wolkvox/api/v2/reports_manager.php?api=chat_1')).toBe(405);
    expect(send('GET', '/wolkvox/api/v2/information.php?api=token_info')).toBe('forwarded');
    expect(send('GET', '/wolkvox/api/v2/information.php?api=connectors&api=token_info')).toBe(404);
    expect(
      send(
        'GET',
        '/wolkvox/api/v2/reports_manager.php?api=cdr_1&date_ini=20261101000000&date_end=20261107235959',
      ),
    ).toBe(404);
    expect(send('GET', '/wolkvox/api/v2/configuration.php?api=add_ip')).toBe(404);
    expect(
      send('GET', '/wolkvox/api/v2/reports_manager.php?api=chat_1', {
        origin: 'http://evil.example',
      }),
    ).toBe(403);
    expect(
      send('GET', '/wolkvox/api/v2/reports_manager.php?api=chat_1', {
        'sec-fetch-site': 'cross-site',
      }),
    ).toBe(403);
  });
});

describe('the dev proxy passes only allow-listed headers, both ways', () => {
  type Handler = (...args: never[]) => void;
  const handlers: Record<string, Handler> = {};
  const options = wolkvoxProxy({ baseUrl: 'http://wolkvox.test', token: 'secret-token' })[
    '/wolkvox/'
  ]!;
  (options.configure as (proxy: unknown) => void)({
    on: (event: string, handler: Handler) => (handlers[event] = handler),
  });

  it('sends wolkvox the token and nothing of the browser’s (cookies, X-Forwarded-For)', () => {
    const headers = new Map<string, string>([
      ['host', 'wolkvox.test'],
      ['cookie', 'wv_session=abc'],
      ['x-forwarded-for', '203.0.113.9'],
      ['authorization', 'Basic eA=='],
      ['accept', '*/*'],
    ]);
    const proxyReq = {
      getHeaderNames: () => [...headers.keys()],
      removeHeader: (name: string) => headers.delete(name),
      setHeader: (name: string, value: string) => headers.set(name, value),
    };
    (handlers.proxyReq as (request: typeof proxyReq) => void)(proxyReq);
    expect(Object.fromEntries(headers)).toEqual({
      host: 'wolkvox.test',
      accept: 'application/json',
      'wolkvox-token': 'secret-token',
    });
  });

  it('keeps wolkvox’s Set-Cookie, Location, Refresh and CORS headers from the page', () => {
    const proxyRes = {
      headers: {
        'content-type': 'application/json',
        'set-cookie': ['PHPSESSID=1'],
        location: 'https://elsewhere.example',
        refresh: '0;url=https://elsewhere.example',
        'access-control-allow-origin': '*',
        'x-powered-by': 'PHP',
      } as Record<string, unknown>,
    };
    (handlers.proxyRes as (response: typeof proxyRes) => void)(proxyRes);
    expect(proxyRes.headers).toEqual({ 'content-type': 'application/json' });
  });

  it('sends wolkvox exactly the path the guard checked', () => {
    const rewrite = options.rewrite!;
    expect(
      rewrite(
        '/wolkvox/api/v2/reports_manager.php?date_end=20261107235959&api=chat_2&date_ini=20261101000000',
      ),
    ).toBe(
      '/api/v2/reports_manager.php?api=chat_2&date_ini=20261101000000&date_end=20261107235959',
    );
  });
});
