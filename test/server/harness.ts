import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer, type ServerDeps } from '../../server/app';
import { readConfig } from '../../server/config';
import type { AuditLine } from '../../server/forward';
import { formatUsers, hashPassword } from '../../server/users-file';

/**
 * A production server (server/app.ts) for tests, over a throw-away dist/ and users file,
 * with its audit lines and log lines kept, and a clock the test moves.
 */
export const PASSWORD = 'correct horse battery';
export const TOKEN = 'wvtk-0123456789abcdef-TEST-TOKEN';

export interface TestServer {
  app: FastifyInstance;
  audit: AuditLine[];
  logs: string[];
  clock: { now: number };
  dir: string;
}

export function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wv-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><title>app</title><script type="module" src="/assets/app-1234.js"></script></head><body><div id="root"></div>${' '.repeat(2000)}</body></html>`,
  );
  writeFileSync(join(dir, 'assets', 'app-1234.js'), `console.log("app");${'//'.repeat(2000)}`);
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

export async function startTestServer(
  env: Record<string, string>,
  options: { fetch?: typeof fetch; distDir?: string } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'wv-server-'));
  const usersFile = join(dir, 'users.txt');
  writeFileSync(usersFile, formatUsers(new Map([['alice', await hashPassword(PASSWORD)]])));
  const config = readConfig({
    WOLKVOX_TOKEN: TOKEN,
    AUTH_USERS_FILE: usersFile,
    SESSION_SECRET: 'x'.repeat(40),
    ...env,
  });
  const audit: AuditLine[] = [];
  const logs: string[] = [];
  const clock = { now: Date.parse('2026-11-29T01:00:00Z') };
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const app = await buildServer(config, {
    distDir: options.distDir ?? fakeDist(),
    audit: (line) => audit.push(line),
    logger: { level: 'info', stream },
    now: () => clock.now,
    fetch: options.fetch,
  });
  await app.ready();
  return { app, audit, logs, clock, dir };
}

export interface ListeningServer {
  app: FastifyInstance;
  /** `http://127.0.0.1:port`. */
  url: string;
  audit: AuditLine[];
  close(): Promise<void>;
}

/**
 * A production server in front of `wolkvox` (the fake's URL) on a loopback port, for tests
 * that talk HTTP as browsers do: the user is the `X-User` header (trusted from 127.0.0.1), so
 * two supervisors are two header values. `env` adds settings, `deps` replaces dependencies.
 */
export async function listenInFrontOf(
  wolkvox: { url: string },
  env: Record<string, string> = {},
  deps: Partial<ServerDeps> = {},
): Promise<ListeningServer> {
  const config = readConfig({
    WOLKVOX_BASE_URL: wolkvox.url,
    WOLKVOX_TOKEN: TOKEN,
    AUTH_MODE: 'header',
    AUTH_HEADER: 'X-User',
    AUTH_TRUSTED_PROXIES: '127.0.0.1',
    SESSION_SECRET: 's'.repeat(40),
    ...env,
  });
  const audit: AuditLine[] = [];
  const app = await buildServer(config, {
    distDir: fakeDist(),
    audit: (line) => audit.push(line),
    ...deps,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, audit, close: () => app.close() };
}

/** The `name=value` of a Set-Cookie, to send back. */
export function cookieOf(response: LightMyRequestResponse, name: string): string {
  const header = response.headers['set-cookie'];
  const all = Array.isArray(header) ? header : header ? [header] : [];
  const found = all.find((cookie) => cookie.startsWith(`${name}=`));
  if (!found) throw new Error(`no ${name} cookie in ${JSON.stringify(all)}`);
  return found.split(';')[0]!;
}

export async function signIn(
  app: FastifyInstance,
  user = 'alice',
  password = PASSWORD,
  remoteAddress = '127.0.0.1',
) {
  return app.inject({
    method: 'POST',
    url: '/login',
    remoteAddress,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      user,
      password,
      next: '/reports/interactions-and-chats/10',
    }).toString(),
  });
}
