// @vitest-environment node
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { SESSION_COOKIE } from '../../server/auth';
import { startFakeWolkvox, type FakeWolkvox } from '../fake-wolkvox/server';
import { server as msw } from '../msw-server';
import { cookieOf, PASSWORD, signIn, startTestServer, TOKEN, type TestServer } from './harness';

const NOV = { start: Date.UTC(2026, 10, 1), end: Date.UTC(2026, 10, 30, 23, 59, 59) };
const REPORT =
  '/wolkvox/api/v2/reports_manager.php?api=chat_10&date_ini=20261101000000&date_end=20261107235959';

let fake: FakeWolkvox;
let server: TestServer;
/** Every answer the tests saw, to scan for the token at the end. */
const seen: LightMyRequestResponse[] = [];

beforeAll(async () => {
  // The server's calls to wolkvox are real HTTP, not the app's mocked fetch.
  msw.close();
  fake = await startFakeWolkvox({ token: TOKEN, range: NOV, rows: 3000, seed: 7 });
  server = await startTestServer({ WOLKVOX_BASE_URL: fake.url, AUTH_MODE: 'users' });
});
afterAll(async () => {
  await server.app.close();
  await fake.close();
});

async function inject(options: InjectOptions) {
  const response = await server.app.inject(options);
  seen.push(response);
  return response;
}

describe('without a signed-in identity (AUTH_MODE=users)', () => {
  it('refuses every route and API path, and calls nothing upstream', async () => {
    const before = fake.stats.calls.length;
    for (const url of [
      '/',
      '/reports/interactions-and-chats/10?from=2026-11-01',
      '/settings',
      '/assets/app-1234.js',
      '/index.html',
    ]) {
      const response = await inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(302);
      expect(response.headers.location).toBe(`/login?next=${encodeURIComponent(url)}`);
      expect(response.body).not.toContain('app-1234');
    }
    for (const [method, url] of [
      ['GET', REPORT],
      ['GET', '/wolkvox/api/v2/information.php?api=connectors'],
      ['GET', '/wolkvox/api/v2/information.php?api=token_info'],
      ['POST', REPORT],
      ['GET', '/wolkvox/api/v2/configuration.php?api=add_ip'],
      ['GET', '/wolkvox-proxy/status'],
    ] as const) {
      const response = await inject({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.json()).toMatchObject({ code: 401 });
    }
    expect(fake.stats.calls.length).toBe(before);
  });

  it('answers /healthz without sign-in and without calling wolkvox', async () => {
    const before = fake.stats.calls.length;
    const response = await inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
    expect(fake.stats.calls.length).toBe(before);
  });

  it('shows the sign-in page with its labels in both languages', async () => {
    const response = await inject({ method: 'GET', url: '/login' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('User / Usuario');
    expect(response.body).toContain('Password / Contraseña');
    expect(response.body).toContain('Sign in / Iniciar sesión');
    expect(response.body).not.toMatch(/<script|<style|style=/);
  });

  it('refuses a forged or tampered session cookie', async () => {
    const good = cookieOf(await signIn(server.app), SESSION_COOKIE);
    expect((await inject({ method: 'GET', url: '/', headers: { cookie: good } })).statusCode).toBe(
      200,
    );
    const [name, value] = good.split('=') as [string, string];
    const decoded = decodeURIComponent(value);
    const [payload, signature] = [
      decoded.slice(0, decoded.lastIndexOf('.')),
      decoded.slice(decoded.lastIndexOf('.') + 1),
    ];
    const [, expires] = payload.split('.');
    const forged = [
      // Another user's name under alice's signature.
      `${Buffer.from('admin').toString('base64url')}.${expires}.${signature}`,
      // A later expiry under the same signature.
      `${payload.split('.')[0]}.${Number(expires) + 1e9}.${signature}`,
      // No signature at all, and a made-up one.
      payload,
      `${payload}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`,
    ];
    for (const cookie of forged) {
      const response = await inject({
        method: 'GET',
        url: REPORT,
        headers: { cookie: `${name}=${encodeURIComponent(cookie)}` },
      });
      expect(response.statusCode, cookie).toBe(401);
    }
  });

  it('ends a session at its expiry and at sign-out', async () => {
    const cookie = cookieOf(await signIn(server.app), SESSION_COOKIE);
    const out = await inject({ method: 'POST', url: '/logout', headers: { cookie } });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/login');
    expect(String(out.headers['set-cookie'])).toMatch(/wv_session=;.*Expires=Thu, 01 Jan 1970/);

    const later = cookieOf(await signIn(server.app), SESSION_COOKIE);
    server.clock.now += 13 * 3_600_000; // SESSION_HOURS defaults to 12
    expect(
      (await inject({ method: 'GET', url: REPORT, headers: { cookie: later } })).statusCode,
    ).toBe(401);
    server.clock.now -= 13 * 3_600_000;
  });
});

describe('signing in (AUTH_MODE=users)', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie, Secure behind https', async () => {
    const response = await signIn(server.app);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/reports/interactions-and-chats/10');
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);

    const https = await startTestServer({
      WOLKVOX_BASE_URL: fake.url,
      PUBLIC_URL: 'https://reports.example',
    });
    expect(String((await signIn(https.app)).headers['set-cookie'])).toMatch(/; Secure/);
    await https.app.close();
  });

  it('never returns to another site after sign-in', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `user=alice&password=${encodeURIComponent(PASSWORD)}&next=//evil.example/x`,
    });
    expect(response.headers.location).toBe('/');
  });

  it('slows 10 wrong passwords in a row, without locking the right user out for good', async () => {
    const own = await startTestServer({ WOLKVOX_BASE_URL: fake.url });
    const from = '198.51.100.7';
    // A fast script, one try every half second: after 3 failures most tries are held back.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await signIn(own.app, 'alice', `wrong ${attempt}`, from);
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        expect(response.body).toContain('Too many failed attempts');
      }
      own.clock.now += 500;
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);

    // A patient script that waits as told: 10 wrong passwords take minutes, not seconds.
    const patient = await startTestServer({ WOLKVOX_BASE_URL: fake.url });
    const started = patient.clock.now;
    let wrong = 0;
    while (wrong < 10) {
      const response = await signIn(patient.app, 'alice', `wrong ${wrong}`, from);
      if (response.statusCode === 401) wrong++;
      else patient.clock.now += Number(response.headers['retry-after']) * 1000;
    }
    expect(patient.clock.now - started).toBeGreaterThanOrEqual(120_000);
    // During the wait even the right password is held back…
    expect((await signIn(patient.app, 'alice', PASSWORD, from)).statusCode).toBe(429);
    // …and at most a minute after the last failure the right user signs in.
    patient.clock.now += 60_000;
    expect((await signIn(patient.app, 'alice', PASSWORD, from)).statusCode).toBe(303);
    await own.app.close();
    await patient.app.close();
  });

  it('logs a failed sign-in without the name typed (people type passwords there)', async () => {
    const own = await startTestServer({ WOLKVOX_BASE_URL: fake.url });
    const typed = 'Hunter2-typed-in-the-name-field';
    expect((await signIn(own.app, typed, 'x', '198.51.100.9')).statusCode).toBe(401);
    expect((await signIn(own.app, typed, 'y', '198.51.100.10')).statusCode).toBe(401);
    const failed = own.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.event === 'sign-in-failed');
    expect(failed).toHaveLength(2);
    expect(failed[0]!.userHash).toMatch(/^[0-9a-f]{12}$/);
    expect(failed[1]!.userHash).toBe(failed[0]!.userHash);
    expect(own.logs.join('')).not.toContain(typed);
    expect(own.logs.join('').toLowerCase()).not.toContain(typed.toLowerCase());
    await own.app.close();
  });

  it('slows 10 concurrent wrong passwords like 10 in a row', async () => {
    const own = await startTestServer({ WOLKVOX_BASE_URL: fake.url });
    const from = '198.51.100.8';
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, attempt) =>
        signIn(own.app, 'alice', `wrong ${attempt}`, from),
      ),
    );
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
    // The right password too waits its turn.
    expect((await signIn(own.app, 'alice', PASSWORD, from)).statusCode).toBe(429);
    await own.app.close();
  });
});

describe('signed in', () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = cookieOf(await signIn(server.app), SESSION_COOKIE);
  });

  it('forwards the report call with the token and audits it in one JSON line', async () => {
    const response = await inject({ method: 'GET', url: REPORT, headers: { cookie } });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { data: unknown[]; msg: string };
    expect(body.data.length).toBeGreaterThan(0);
    const line = server.audit.at(-1)!;
    expect(line).toMatchObject({
      user: 'alice',
      api: 'chat_10',
      from: '20261101000000',
      to: '20261107235959',
      status: 200,
      rows: body.data.length,
    });
    expect(Object.keys(line).sort()).toEqual([
      'api',
      'calls',
      'from',
      'ms',
      'queuedMs',
      'rows',
      'source',
      'status',
      'time',
      'to',
      'user',
    ]);
    expect(Number.isNaN(Date.parse(line.time))).toBe(false);
  });

  it('refuses what the app never sends, even signed in, without calling wolkvox', async () => {
    const before = fake.stats.calls.length;
    for (const url of [
      '/wolkvox/api/v2/reports_manager.php?api=cdr_1&date_ini=20261101000000&date_end=20261107235959',
      `${REPORT}&api=chat_1`,
      `${REPORT}&extra=1`,
      '/wolkvox/api/v2/information.php?api=connectors&api=token_info',
    ]) {
      expect((await inject({ method: 'GET', url, headers: { cookie } })).statusCode, url).toBe(404);
    }
    expect((await inject({ method: 'POST', url: REPORT, headers: { cookie } })).statusCode).toBe(
      405,
    );
    expect(fake.stats.calls.length).toBe(before);
  });

  it('shows who is signed in and how to sign out', async () => {
    const response = await inject({
      method: 'GET',
      url: '/wolkvox-proxy/status',
      headers: { cookie },
    });
    expect(response.json()).toMatchObject({
      mode: 'live',
      server: fake.url,
      hasToken: true,
      user: 'alice',
      signOut: { method: 'POST', url: '/logout' },
    });
  });

  it('serves the app with its security headers, cache rules and compression', async () => {
    const page = await inject({
      method: 'GET',
      url: '/reports/interactions-and-chats/10',
      headers: { cookie, 'accept-encoding': 'gzip' },
    });
    expect(page.statusCode).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('same-origin');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-encoding']).toBe('gzip');

    const index = await inject({ method: 'GET', url: '/', headers: { cookie } });
    expect(index.headers['cache-control']).toBe('no-cache');
    const asset = await inject({
      method: 'GET',
      url: '/assets/app-1234.js',
      headers: { cookie, 'accept-encoding': 'br, gzip' },
    });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(
      (await inject({ method: 'GET', url: '/assets/missing.js', headers: { cookie } })).statusCode,
    ).toBe(404);
  });

  it('turns a failing wolkvox into a clear answer that carries no token', async () => {
    fake.setFaults([{ fault: { kind: 'reset' }, times: 1 }]);
    // A closed week, asked past the server's cache (the page's Refresh).
    const refresh = { cookie, 'cache-control': 'no-cache' };
    const reset = await inject({ method: 'GET', url: REPORT, headers: refresh });
    expect(reset.statusCode).toBe(502);
    fake.setFaults([
      { fault: { kind: 'status', status: 403, msg: 'PLEASE VALIDATE TOKEN' }, times: 1 },
    ]);
    const refused = await inject({ method: 'GET', url: REPORT, headers: refresh });
    expect(refused.statusCode).toBe(403);
    expect(server.audit.at(-1)).toMatchObject({ status: 403, rows: null });
    fake.setFaults([]);
  });

  it('never shows the token: not in any answer, page, log line, audit line or error', async () => {
    const everything = [
      ...seen.map((response) => JSON.stringify(response.headers) + response.body),
      ...server.logs,
      ...server.audit.map((line) => JSON.stringify(line)),
    ];
    expect(seen.length).toBeGreaterThan(20);
    expect(server.logs.length).toBeGreaterThan(0);
    for (const text of everything) expect(text).not.toContain(TOKEN);
    // And no phone number in the audit: its fields are the user, the api, the dates and counts.
    for (const line of server.audit)
      expect(JSON.stringify(line)).not.toMatch(/(?<!\d)\+?\d{7,13}(?!\d)/);
  });
});

describe('headers to and from wolkvox', () => {
  it('sends only the token and Accept; passes back no Set-Cookie, Location, Refresh or CORS header', async () => {
    let received: IncomingHttpHeaders = {};
    const upstream = createServer((request, response) => {
      received = request.headers;
      response.writeHead(200, {
        'content-type': 'application/json',
        'set-cookie': 'PHPSESSID=1; Path=/',
        refresh: '0;url=https://elsewhere.example',
        'access-control-allow-origin': '*',
        'x-powered-by': 'PHP/8',
      });
      response.end(
        JSON.stringify({ code: 200, error: null, msg: '0 records were found', data: [] }),
      );
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const own = await startTestServer({ WOLKVOX_BASE_URL: url });
    const cookie = cookieOf(await signIn(own.app), SESSION_COOKIE);
    const response = await own.app.inject({
      method: 'GET',
      url: REPORT,
      headers: {
        cookie,
        'x-forwarded-for': '203.0.113.5',
        authorization: 'Basic eA==',
        origin: 'http://localhost:80',
        host: 'localhost:80',
      },
    });
    expect(response.statusCode).toBe(200);
    expect(received['wolkvox-token']).toBe(TOKEN);
    for (const name of ['cookie', 'x-forwarded-for', 'authorization', 'origin'])
      expect(received[name], name).toBeUndefined();
    for (const name of ['set-cookie', 'refresh', 'access-control-allow-origin', 'x-powered-by'])
      expect(response.headers[name], name).toBeUndefined();
    await own.app.close();
    upstream.close();
  });
});

describe('AUTH_MODE=header', () => {
  it('believes AUTH_HEADER only from AUTH_TRUSTED_PROXIES', async () => {
    const own = await startTestServer({
      WOLKVOX_BASE_URL: fake.url,
      AUTH_MODE: 'header',
      AUTH_HEADER: 'X-Forwarded-Email',
      AUTH_TRUSTED_PROXIES: '10.1.2.3,192.168.0.0/16',
    });
    const before = fake.stats.calls.length;
    const ask = (remoteAddress: string, headers: Record<string, string>, url = REPORT) =>
      own.app.inject({ method: 'GET', url, remoteAddress, headers });
    // From an untrusted address the header is ignored, even with a forged X-Forwarded-For.
    const untrusted = await ask('203.0.113.9', {
      'x-forwarded-email': 'boss@example.com',
      'x-forwarded-for': '10.1.2.3',
    });
    expect(untrusted.statusCode).toBe(401);
    expect(
      (await ask('203.0.113.9', { 'x-forwarded-email': 'boss@example.com' }, '/')).statusCode,
    ).toBe(401);
    expect(fake.stats.calls.length).toBe(before);
    // From the proxy, without the header: refused; with it: served and audited under that name.
    expect((await ask('10.1.2.3', {})).statusCode).toBe(401);
    const trusted = await ask('192.168.4.5', { 'x-forwarded-email': 'boss@example.com' });
    expect(trusted.statusCode).toBe(200);
    expect(own.audit.at(-1)?.user).toBe('boss@example.com');
    const status = await ask(
      '10.1.2.3',
      { 'x-forwarded-email': 'boss@example.com' },
      '/wolkvox-proxy/status',
    );
    expect(status.json()).toMatchObject({
      user: 'boss@example.com',
      signOut: { method: 'GET', url: '/oauth2/sign_out' },
    });
    await own.app.close();
  });
});
