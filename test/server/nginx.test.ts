// @vitest-environment node
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SESSION_COOKIE } from '../../server/auth';
import { startFakeWolkvox, type FakeWolkvox } from '../fake-wolkvox/server';
import { server as msw } from '../msw-server';
import { PASSWORD, startTestServer, TOKEN, type TestServer } from './harness';

/**
 * The README's nginx recipe (deploy/nginx.conf), as shipped: `nginx -t` accepts it, and
 * probed through a running nginx (Debian's nginx-light, which .ci/run installs) in front
 * of the production server and the fake wolkvox. The test changes only what a machine
 * without root needs: ports, certificate paths, the upstream's port, no IPv6 listens.
 */
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
if (!NGINX)
  console.warn(
    'nginx is not installed: the nginx recipe test is skipped (apt-get install nginx-light; CI installs it)',
  );
const HOST = 'reports.example.com';
const RECIPE = readFileSync(resolve('deploy/nginx.conf'), 'utf8');
const NOV = { start: Date.UTC(2026, 10, 1), end: Date.UTC(2026, 10, 30, 23, 59, 59) };
const REPORT =
  '/wolkvox/api/v2/reports_manager.php?api=chat_10&date_ini=20261101000000&date_end=20261107235959';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

/** The recipe with this machine's ports and certificate; each replacement must match. */
function adapt(
  recipe: string,
  ports: { http: number; https: number; upstream: number },
  dir: string,
) {
  const replacements: [RegExp, string][] = [
    [/^\s*listen \[::\]:\d+.*$/gm, ''],
    [/listen 80 default_server;/g, `listen 127.0.0.1:${ports.http} default_server;`],
    [/listen 80;/g, `listen 127.0.0.1:${ports.http};`],
    [/listen 443 ssl default_server;/g, `listen 127.0.0.1:${ports.https} ssl default_server;`],
    [/listen 443 ssl http2;/g, `listen 127.0.0.1:${ports.https} ssl http2;`],
    [/server 127\.0\.0\.1:8080;/g, `server 127.0.0.1:${ports.upstream};`],
    [/\/etc\/letsencrypt\/live\/reports\.example\.com\/fullchain\.pem/g, join(dir, 'cert.pem')],
    [/\/etc\/letsencrypt\/live\/reports\.example\.com\/privkey\.pem/g, join(dir, 'key.pem')],
    [/\/var\/log\/nginx\/wolkvox-reports\.access\.log/g, join(dir, 'access.log')],
  ];
  let text = recipe;
  for (const [pattern, value] of replacements) {
    expect(pattern.test(text), `the recipe no longer has ${pattern}`).toBe(true);
    text = text.replace(pattern, value);
  }
  return text;
}

interface Nginx {
  http: number;
  https: number;
  /** The recipe's access log, moved into the test's directory. */
  accessLog: string;
  stop(): Promise<void>;
}

async function startNginx(upstream: number): Promise<Nginx> {
  const dir = mkdtempSync(join(tmpdir(), 'wv-nginx-'));
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${HOST}`,
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const ports = { http: await freePort(), https: await freePort(), upstream };
  writeFileSync(join(dir, 'site.conf'), adapt(RECIPE, ports, dir));
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`,
  );
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')];
  // nginx -t: the recipe as shipped is valid.
  execFileSync(NGINX!, ['-t', '-q', ...args], { stdio: 'pipe' });
  const child: ChildProcess = spawn(NGINX!, args, { stdio: 'ignore' });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  // Ready when it answers.
  for (let i = 0; ; i++) {
    const ok = await get('http', ports.http, '/', { host: HOST }).then(
      () => true,
      () => false,
    );
    if (ok) break;
    if (i > 50) throw new Error(readFileSync(join(dir, 'error.log'), 'utf8'));
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    http: ports.http,
    https: ports.https,
    accessLog: join(dir, 'access.log'),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(
  scheme: 'http' | 'https',
  port: number,
  path: string,
  headers: Record<string, string>,
  options: { method?: string; body?: string; servername?: string } = {},
): Promise<Answer> {
  return new Promise((done, fail) => {
    const request = (scheme === 'http' ? httpRequest : httpsRequest)(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers,
        servername: options.servername ?? HOST,
        rejectUnauthorized: false,
        agent: false,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          done({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    request.on('error', fail);
    request.end(options.body);
  });
}

describe.skipIf(!NGINX)('the nginx recipe (deploy/nginx.conf)', () => {
  let fake: FakeWolkvox;
  let users: TestServer;
  let nginx: Nginx;
  let cookie: string;
  const https = (path: string, headers: Record<string, string> = {}) =>
    get('https', nginx.https, path, { host: HOST, ...headers, ...(cookie ? { cookie } : {}) });

  beforeAll(async () => {
    msw.close();
    fake = await startFakeWolkvox({ token: TOKEN, range: NOV, rows: 2000, seed: 3 });
    users = await startTestServer({
      WOLKVOX_BASE_URL: fake.url,
      AUTH_TRUSTED_PROXIES: '127.0.0.1',
      PUBLIC_URL: `https://${HOST}`,
    });
    await users.app.listen({ host: '127.0.0.1', port: 0 });
    nginx = await startNginx((users.app.server.address() as AddressInfo).port);
  }, 30_000);
  afterAll(async () => {
    await nginx?.stop();
    await users?.app.close();
    await fake?.close();
  });

  it('answers no Host but ours: plain http closes, TLS refuses the handshake', async () => {
    await expect(get('http', nginx.http, '/', { host: 'evil.example' })).rejects.toThrow();
    await expect(
      get('https', nginx.https, '/login', { host: 'evil.example' }, { servername: 'evil.example' }),
    ).rejects.toThrow();
    // Our certificate's connection, another Host: still nothing.
    await expect(get('https', nginx.https, '/login', { host: 'evil.example' })).rejects.toThrow();
    const redirect = await get('http', nginx.http, '/reports?x=1', { host: HOST });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe(`https://${HOST}/reports?x=1`);
  });

  it('passes the server’s frame and security headers through, with HSTS', async () => {
    const login = await https('/login');
    expect(login.status).toBe(200);
    expect(login.headers['x-frame-options']).toBe('DENY');
    expect(String(login.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(login.headers['x-content-type-options']).toBe('nosniff');
    expect(login.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(login.headers.server).toBe('nginx');
  });

  it('signs in with a Secure cookie (the server trusts nginx’s X-Forwarded-Proto)', async () => {
    const answer = await https('/login', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(answer.status).toBe(200);
    const signIn = await get(
      'https',
      nginx.https,
      '/login',
      { host: HOST, 'content-type': 'application/x-www-form-urlencoded' },
      { method: 'POST', body: `user=alice&password=${encodeURIComponent(PASSWORD)}&next=/` },
    );
    expect(signIn.status).toBe(303);
    const setCookie = String(signIn.headers['set-cookie']);
    expect(setCookie).toMatch(/; Secure/);
    cookie = setCookie.split(';')[0]!;
    expect(cookie.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
  });

  it('forwards the app’s calls and refuses duplicated parameters and other apis, calling nothing', async () => {
    const ok = await https(REPORT);
    expect(ok.status).toBe(200);
    expect((JSON.parse(ok.body) as { data: unknown[] }).data.length).toBeGreaterThan(0);
    const before = fake.stats.calls.length;
    for (const path of [
      '/wolkvox/api/v2/information.php?api=connectors&api=token_info',
      '/wolkvox/api/v2/reports_manager.php?api=cdr_1&date_ini=20261101000000&date_end=20261107235959',
      `${REPORT}&api=cdr_1`,
      `${REPORT}&date_end=20261231235959`,
      '/wolkvox/api/v2/configuration.php?api=add_ip',
    ]) {
      expect((await https(path)).status, path).toBe(404);
    }
    expect(fake.stats.calls.length).toBe(before);
    expect(ok.body).not.toContain(TOKEN);
  });

  it('logs paths without their query strings (no phone, search or dates)', async () => {
    const path = '/reports/interactions-and-chats/10?phone=%2B573001234567&q=refund';
    await https(path);
    await https(REPORT);
    const log = readFileSync(nginx.accessLog, 'utf8');
    expect(log).toContain('"GET /reports/interactions-and-chats/10 HTTP/');
    expect(log).toContain('"GET /wolkvox/api/v2/reports_manager.php HTTP/');
    for (const secret of ['?', 'phone', '573001234567', 'refund', 'date_ini', 'chat_10'])
      expect(log, secret).not.toContain(secret);
  });

  it('drops identity headers a browser sends (header mode believes only the sign-in proxy)', async () => {
    const header = await startTestServer({
      WOLKVOX_BASE_URL: fake.url,
      AUTH_MODE: 'header',
      AUTH_HEADER: 'X-Forwarded-Email',
      AUTH_TRUSTED_PROXIES: '127.0.0.1',
    });
    await header.app.listen({ host: '127.0.0.1', port: 0 });
    const own = await startNginx((header.app.server.address() as AddressInfo).port);
    try {
      const before = fake.stats.calls.length;
      const answer = await get('https', own.https, REPORT, {
        host: HOST,
        'x-forwarded-email': 'boss@example.com',
      });
      expect(answer.status).toBe(401);
      expect(fake.stats.calls.length).toBe(before);
    } finally {
      await own.stop();
      await header.app.close();
    }
  });
});
