// @vitest-environment node
import type { IncomingMessage, ServerResponse } from 'node:http';
import { guardProxy } from '../../vite/wolkvox-proxy';

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
    expect(send('GET', '/wolkvox/api/v2/information.php?api=token_info')).toBe(404);
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
