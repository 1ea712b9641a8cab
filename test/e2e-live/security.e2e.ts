import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page, Request, Response } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, expect, inject, it } from 'vitest';
import { openBrowser } from '../e2e/browser';
import { controlClient } from './control';
import { exportCsv, openApp, ROW_COUNT, rowCounts } from './page-helpers';
import { CHUNKS, REPORT_PATH } from './scenario';

/**
 * The token lives only in the proxy's process: not in the build, not in anything
 * the page sends, stores or exports. The proxy adds it to every wolkvox call, and
 * a rejected token stops the load at once, without a storm of retries.
 */

const control = controlClient(inject('controlUrl'));
const token = inject('token');
const badToken = inject('badToken');
const REPORTS = '/wolkvox/api/v2/reports_manager.php';
/** Three days of July: a quick load of real rows. */
const SHORT = '/reports/interactions-and-chats/10?from=2026-07-01&to=2026-07-03';

let context: BrowserContext;
let page: Page;
let errors: string[];
/** Everything the page sent and got back, headers included. */
let traffic: Promise<{
  url: string;
  method: string;
  sent: Record<string, string>;
  got?: Record<string, string>;
}>[];

beforeAll(async () => {
  await control.setFaults([]);
});
beforeEach(async () => {
  ({ context, page, errors } = await openBrowser());
  traffic = [];
  page.on('request', (request: Request) => {
    traffic.push(
      request.allHeaders().then((sent) => ({ url: request.url(), method: request.method(), sent })),
    );
  });
  page.on('response', (response: Response) => {
    const request = response.request();
    traffic.push(
      Promise.all([request.allHeaders(), response.allHeaders()]).then(([sent, got]) => ({
        url: request.url(),
        method: request.method(),
        sent,
        got,
      })),
    );
  });
});
afterEach(async () => {
  await context.close();
  expect(errors).toEqual([]);
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

it('keeps the token out of every file of the live build', async () => {
  const files = await filesUnder(inject('outDir'));
  expect(files.some((file) => file.endsWith('index.html'))).toBe(true);
  expect(files.filter((file) => file.endsWith('.js')).length).toBeGreaterThan(0);
  const encodings = [token, encodeURIComponent(token), Buffer.from(token).toString('base64')];
  for (const file of files) {
    const bytes = await readFile(file);
    for (const form of encodings)
      expect(bytes.includes(form), `${file} holds the token`).toBe(false);
  }
  // The build was made with WOLKVOX_TOKEN set: the test would catch it if it leaked.
  expect(files.length).toBeGreaterThan(2);
});

it('never sends, stores or exports the token; the proxy adds it to every wolkvox call', async () => {
  const since = (await control.stats()).fake.calls.length;
  const relaySince = (await control.stats()).relay.calls.length;
  // A cookie on the app's origin: the proxy must not pass it on to wolkvox.
  await context.addCookies([{ name: 'app_session', value: 'abc123', url: inject('baseUrl') }]);

  await openApp(page, `${inject('baseUrl')}${SHORT}`, inject('signIn'));
  await page.getByText(ROW_COUNT).waitFor({ timeout: 60_000 });
  expect((await rowCounts(page)).total).toBeGreaterThan(1_000);
  const csv = await exportCsv(page);
  expect(csv.records.length).toBeGreaterThan(1_000);
  expect(csv.text.includes(token)).toBe(false);

  await page.goto(`${inject('baseUrl')}/settings`);
  await page.getByText('A token is configured on the proxy.').waitFor();
  expect(await page.getByText(`Live: the proxy forwards to ${inject('relayUrl')}.`).count()).toBe(
    1,
  );

  // (a) Nothing the page sent or received carries the token; the page never sends the header.
  const seen = await Promise.all(traffic);
  const wolkvoxCalls = seen.filter((entry) => new URL(entry.url).pathname === REPORTS);
  expect(wolkvoxCalls.length).toBeGreaterThan(0);
  for (const entry of seen) {
    expect(entry.url).not.toContain(token);
    expect(Object.keys(entry.sent)).not.toContain('wolkvox-token');
    expect(JSON.stringify(entry.sent)).not.toContain(token);
    expect(JSON.stringify(entry.got ?? {})).not.toContain(token);
  }

  // …nor the page's storage, cookies, IndexedDB, caches or DOM.
  const stored = await page.evaluate(async () => ({
    local: Object.entries(localStorage),
    session: Object.entries(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((db) => db.name ?? ''),
    caches: await caches.keys(),
    cookie: document.cookie,
    html: document.documentElement.outerHTML,
  }));
  const cookies = await context.cookies();
  expect(JSON.stringify({ stored, cookies })).not.toContain(token);
  // Behind the production server, its session cookie too: HttpOnly, so no script reads it.
  const session = cookies.find((cookie) => cookie.name === 'wv_session');
  expect(cookies.map((cookie) => cookie.name).sort()).toEqual(
    inject('target') === 'server' ? ['app_session', 'wv_session'] : ['app_session'],
  );
  if (session) expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

  // (b) wolkvox saw the right token on every call (added by the proxy), and no cookie.
  const stats = await control.stats();
  const fakeCalls = stats.fake.calls.slice(since);
  expect(fakeCalls.length).toBeGreaterThan(0);
  expect(fakeCalls.every((call) => call.status === 200)).toBe(true);
  const relayCalls = stats.relay.calls.slice(relaySince);
  expect(relayCalls.map((call) => call.path)).toContain('/api/v2/information.php');
  for (const call of relayCalls) {
    expect(call, `${call.path}?api=${call.api}`).toMatchObject({
      tokenPresent: true,
      tokenMatches: true,
      cookie: false,
    });
  }
});

it('/wolkvox-proxy/status says a token is set, without the token', async () => {
  const signIn = inject('signIn');
  for (const base of [inject('baseUrl'), inject('badTokenBaseUrl')]) {
    const anonymous = await fetch(`${base}/wolkvox-proxy/status`);
    const text = await anonymous.text();
    expect(text).not.toContain(token);
    expect(text).not.toContain(badToken);
    if (!signIn) {
      expect(JSON.parse(text)).toEqual({
        mode: 'live',
        server: inject('relayUrl'),
        hasToken: true,
      });
      continue;
    }
    // Behind the production server: nothing without sign-in; signed in, who it is too.
    expect(anonymous.status).toBe(401);
    await openApp(page, `${base}/settings`, signIn);
    const signedIn = await page.request.get(`${base}/wolkvox-proxy/status`);
    const body = await signedIn.text();
    expect(JSON.parse(body)).toMatchObject({
      mode: 'live',
      server: inject('relayUrl'),
      hasToken: true,
      user: signIn.user,
      signOut: { method: 'POST', url: '/logout' },
      quota: { exhausted: false, timeZone: 'America/Bogota' },
      gate: { limit: 2 },
    });
    expect(body).not.toContain(token);
    expect(body).not.toContain(badToken);
  }
});

it('a rejected token shows the token message and stops: one call per chunk at most, no retries', async () => {
  const before = await control.stats();
  const since = before.fake.calls.length;
  const relaySince = before.relay.calls.length;

  await openApp(page, `${inject('badTokenBaseUrl')}${REPORT_PATH}`, inject('signIn'));
  const alert = page.getByRole('alert').filter({ hasText: 'rejected the token' });
  await alert.waitFor({ timeout: 30_000 });
  const text = (await alert.textContent()) ?? '';
  console.info(`[live] bad token alert: ${text}`);
  expect(text).toContain(
    'wolkvox rejected the token. Ask an administrator to check two things: WOLKVOX_TOKEN on the server, and that the server’s IP is on the operation’s allow-list in wolkvox Manager.',
  );
  expect(text).toMatch(/Invalid token|PLEASE VALIDATE TOKEN/); // wolkvox's own words
  expect(text).not.toContain(badToken);
  expect(await page.getByText(ROW_COUNT).count()).toBe(0);

  // Longer than any backoff (1 s, then 2 s): a retry would have happened by now.
  await page.waitForTimeout(4_000);
  const stats = await control.stats();
  const calls = stats.fake.calls.slice(since);
  console.info(
    `[live] bad token calls: ${calls.map((call) => `${call.dateIni}-${call.dateEnd} → ${call.status}`).join(', ')}`,
  );
  expect(calls.length).toBeGreaterThan(0);
  expect(calls.every((call) => call.status === 401 || call.status === 403)).toBe(true);
  // At most the two calls already in flight when the first 401 came back, each chunk once.
  expect(calls.length).toBeLessThanOrEqual(2);
  expect(calls.length).toBeLessThanOrEqual(CHUNKS.length);
  expect(new Set(calls.map((call) => call.dateIni)).size).toBe(calls.length);
  // The proxy sent its (wrong) token; the page sent none.
  for (const call of stats.relay.calls.slice(relaySince)) {
    expect(call).toMatchObject({ tokenPresent: true, tokenMatches: false });
  }
  const seen = await Promise.all(traffic);
  for (const entry of seen) {
    expect(Object.keys(entry.sent)).not.toContain('wolkvox-token');
    expect(JSON.stringify(entry)).not.toContain(badToken);
  }
  const sent = seen.filter((entry) => new URL(entry.url).pathname === REPORTS && !entry.got);
  expect(sent.length).toBeGreaterThanOrEqual(calls.length);
  expect(sent.length).toBeLessThanOrEqual(2);
});
