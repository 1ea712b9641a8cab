// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { SESSION_COOKIE } from '../../server/auth';
import { server as msw } from '../msw-server';
import { cookieOf, startTestServer, type TestServer } from './harness';

/**
 * AUTH_MODE=oidc against a real OpenID Provider (oidc-provider, started here with its
 * development sign-in pages): the whole authorization-code flow with PKCE, state and
 * nonce, as a browser would follow it, then the data open to that user; and a callback
 * that does not belong to a flow started here refused.
 */
const PUBLIC_URL = 'http://reports.test';
const CLIENT = { client_id: 'wolkvox-reports', client_secret: 'a-client-secret-for-tests' };

/** The provider's accounts; it signs them all, the app lets in only the allowed. */
const ACCOUNTS: Record<string, { email: string; email_verified: boolean }> = {
  carol: { email: 'Carol@Example.com', email_verified: true },
  erin: { email: 'erin@partner.test', email_verified: true },
  mallory: { email: 'mallory@elsewhere.test', email_verified: true },
  dave: { email: 'dave@example.com', email_verified: false },
};

let issuer: string;
let idp: Server;
let app: TestServer;

beforeAll(async () => {
  msw.close();
  idp = createServer();
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        ...CLIENT,
        redirect_uris: [`${PUBLIC_URL}/auth/callback`],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['preferred_username'],
    },
    findAccount: (_context: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, ...ACCOUNTS[sub], preferred_username: sub }),
    }),
    cookies: { keys: ['a-cookie-key-for-tests'] },
  });
  idp.on('request', provider.callback());
  app = await startTestServer({
    WOLKVOX_BASE_URL: 'http://127.0.0.1:9',
    AUTH_MODE: 'oidc',
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: CLIENT.client_id,
    OIDC_CLIENT_SECRET: CLIENT.client_secret,
    PUBLIC_URL,
    OIDC_ALLOWED_DOMAINS: 'example.com',
    OIDC_ALLOWED_EMAILS: 'erin@partner.test',
  });
});
afterAll(async () => {
  await app.app.close();
  idp.close();
});

/** A browser at the identity provider: follows redirects until they leave it, keeps its cookies. */
async function atProvider(start: string, jar: Map<string, string>, form?: Record<string, string>) {
  let url = start;
  let body = form ? new URLSearchParams(form).toString() : undefined;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    });
    body = undefined;
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      jar.set(name, value);
    }
    const location = response.headers.get('location');
    if (!location) return { url, page: await response.text() };
    url = new URL(location, url).href;
    if (!url.startsWith(issuer)) return { url, page: '' };
  }
  throw new Error('too many redirects');
}

/** The whole flow as a browser follows it: /login, the provider's pages, the callback. */
async function signInAs(login: string, next = '/settings') {
  const start = await app.app.inject({ method: 'GET', url: `/login?next=${next}` });
  expect(start.statusCode).toBe(302);
  const authorize = new URL(String(start.headers.location));
  expect(authorize.origin).toBe(issuer);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/auth/callback`);
  const flowCookie = cookieOf(start, 'wv_oidc');

  // The provider's sign-in page, then its consent page, as a person fills them.
  const jar = new Map<string, string>();
  const signInPage = await atProvider(authorize.href, jar);
  expect(signInPage.page).toContain('name="login"');
  const consent = await atProvider(signInPage.url, jar, {
    prompt: 'login',
    login,
    password: 'any',
  });
  const back = consent.url.startsWith(PUBLIC_URL)
    ? consent
    : await atProvider(consent.url, jar, { prompt: 'consent' });
  const callback = new URL(back.url);
  expect(callback.origin + callback.pathname).toBe(`${PUBLIC_URL}/auth/callback`);

  const done = await app.app.inject({
    method: 'GET',
    url: callback.pathname + callback.search,
    headers: { cookie: flowCookie },
  });
  return { done, callback, flowCookie };
}

describe('AUTH_MODE=oidc', () => {
  it('signs a user in through the provider and opens the data to them', async () => {
    const { done, callback, flowCookie } = await signInAs('carol');
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/settings');
    const session = cookieOf(done, SESSION_COOKIE);
    const status = await app.app.inject({
      method: 'GET',
      url: '/wolkvox-proxy/status',
      headers: { cookie: session },
    });
    expect(status.json()).toMatchObject({
      user: 'carol@example.com',
      signOut: { method: 'POST', url: '/logout' },
    });

    // The same code again (a replay), or a state that is not this flow's: refused.
    const replay = await app.app.inject({
      method: 'GET',
      url: callback.pathname + callback.search,
      headers: { cookie: flowCookie },
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.headers['set-cookie'] ?? '').not.toContain(`${SESSION_COOKIE}=`);
  });

  it('lets in an email named in OIDC_ALLOWED_EMAILS outside the allowed domains', async () => {
    const { done } = await signInAs('erin');
    expect(done.statusCode).toBe(303);
    const status = await app.app.inject({
      method: 'GET',
      url: '/wolkvox-proxy/status',
      headers: { cookie: cookieOf(done, SESSION_COOKIE) },
    });
    expect(status.json()).toMatchObject({ user: 'erin@partner.test' });
  });

  it.each([
    ['mallory', 'an email outside the allowed emails and domains'],
    ['dave', 'an allowed domain whose email is not verified'],
  ])('refuses %s (%s) with no session', async (login) => {
    const { done } = await signInAs(login);
    expect(done.statusCode).toBe(401);
    expect(done.headers['set-cookie'] ?? '').not.toContain(`${SESSION_COOKIE}=`);
  });

  it('refuses a callback with the flow’s cookie but no query', async () => {
    const login = await app.app.inject({ method: 'GET', url: '/login' });
    const done = await app.app.inject({
      method: 'GET',
      url: '/auth/callback',
      headers: { cookie: cookieOf(login, 'wv_oidc') },
    });
    expect(done.statusCode).toBe(401);
    expect(done.headers['set-cookie'] ?? '').not.toContain(`${SESSION_COOKIE}=`);
  });

  it('refuses a callback without the flow’s cookie, and pages without sign-in', async () => {
    const forged = await app.app.inject({ method: 'GET', url: '/auth/callback?code=x&state=y' });
    expect(forged.statusCode).toBe(302);
    expect(forged.headers.location).toBe('/login');
    expect(forged.headers['set-cookie'] ?? '').not.toContain(`${SESSION_COOKIE}=`);
    const page = await app.app.inject({ method: 'GET', url: '/reports/interactions-and-chats/10' });
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toMatch(/^\/login\?next=/);
    const data = await app.app.inject({
      method: 'GET',
      url: '/wolkvox/api/v2/information.php?api=connectors',
    });
    expect(data.statusCode).toBe(401);
  });
});
