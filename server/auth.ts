import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import proxyAddr from '@fastify/proxy-addr';
import type { ServerConfig } from './config';
import { LoginThrottle } from './login-throttle';
import { LOGIN_CSS, loginPage, safeNext } from './login-page';
import { UsersFile, verifyPassword } from './users-file';

/**
 * Who is asking. Every request gets an identity (or none) before any route runs; the
 * routes of the data (/wolkvox/*, /wolkvox-proxy/status) and the app itself answer only
 * a signed-in identity. Modes (AUTH_MODE):
 * - users:  a name and password from AUTH_USERS_FILE, then a signed session cookie;
 * - oidc:   the organisation's identity provider (openid-client), then the same cookie;
 * - header: a sign-in proxy in front (oauth2-proxy) names the user in AUTH_HEADER,
 *           believed only from AUTH_TRUSTED_PROXIES;
 * - none:   everyone is "local" (allowed only on a loopback HOST).
 */
declare module 'fastify' {
  interface FastifyRequest {
    user: string | null;
  }
}

export const SESSION_COOKIE = 'wv_session';
const OIDC_COOKIE = 'wv_oidc';
/** Reachable without sign-in. */
const PUBLIC_PATHS = new Set([
  '/healthz',
  '/login',
  '/login.css',
  '/favicon.svg',
  '/auth/callback',
]);

export interface AuthOptions {
  /** For tests: the clock of sessions and the sign-in throttle. */
  now?: () => number;
}

export function registerAuth(
  app: FastifyInstance,
  config: ServerConfig,
  options: AuthOptions = {},
) {
  const now = options.now ?? Date.now;
  const { auth } = config;
  const users = auth.mode === 'users' ? new UsersFile(auth.usersFile) : undefined;
  const throttle = new LoginThrottle(now);
  const trustedPeer = proxyAddr.compile(config.trustedProxies);
  const sessionMs = config.sessionHours * 3_600_000;
  const nameHash = (user: string) =>
    createHmac('sha256', config.sessionSecret).update(user).digest('hex').slice(0, 12);

  const secureCookie = (request: FastifyRequest) =>
    config.publicUrl?.protocol === 'https:' || request.protocol === 'https';

  const startSession = (request: FastifyRequest, reply: FastifyReply, user: string) => {
    const value = `${Buffer.from(user).toString('base64url')}.${now() + sessionMs}`;
    reply.setCookie(SESSION_COOKIE, value, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: secureCookie(request),
      signed: true,
      maxAge: sessionMs / 1000,
    });
  };

  const sessionUser = (request: FastifyRequest): string | null => {
    const raw = request.cookies[SESSION_COOKIE];
    if (!raw) return null;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return null;
    const [name, expires] = unsigned.value.split('.');
    if (!name || !expires || !(Number(expires) > now())) return null;
    const user = Buffer.from(name, 'base64url').toString();
    // A user removed from the file is signed out at once.
    if (users && !users.current().has(user)) return null;
    return user;
  };

  const identify = (request: FastifyRequest): string | null => {
    switch (auth.mode) {
      case 'none':
        return 'local';
      case 'header': {
        // The immediate peer, not X-Forwarded-For: a client cannot vouch for itself.
        const peer = request.raw.socket.remoteAddress ?? '';
        if (!trustedPeer(peer, 0)) return null;
        const value = request.headers[auth.header];
        const name = (Array.isArray(value) ? value[0] : value)?.trim();
        return name ? name.slice(0, 200) : null;
      }
      default:
        return sessionUser(request);
    }
  };

  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request, reply) => {
    request.user = identify(request);
    if (request.user) return;
    const path = request.url.split('?')[0] ?? '';
    if (PUBLIC_PATHS.has(path)) return;
    if (path.startsWith('/wolkvox/') || path.startsWith('/wolkvox-proxy/') || path === '/wolkvox') {
      return reply.code(401).send({ code: 401, error: 'Unauthorized', msg: 'Sign in first' });
    }
    if ((auth.mode === 'users' || auth.mode === 'oidc') && request.method === 'GET') {
      return reply.redirect(`/login?next=${encodeURIComponent(safeNext(request.url))}`, 302);
    }
    return reply
      .code(401)
      .type('text/plain; charset=utf-8')
      .send('Sign in first (through the organisation’s sign-in proxy).');
  });

  app.get('/login.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(LOGIN_CSS),
  );

  /** Who is signed in and how to sign out, for the settings page. */
  const signOut =
    auth.mode === 'header'
      ? { method: 'GET', url: auth.signOutUrl }
      : auth.mode === 'none'
        ? null
        : { method: 'POST', url: '/logout' };

  app.post('/logout', async (request, reply) => {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/login', 303);
  });

  if (auth.mode === 'users') {
    app.get('/login', async (request, reply) => {
      const next = safeNext((request.query as { next?: unknown }).next);
      if (request.user) return reply.redirect(next, 302);
      return reply.type('text/html; charset=utf-8').send(loginPage({ problem: 'none', next }));
    });

    app.post(
      '/login',
      { config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
      async (request, reply) => {
        const body = (request.body ?? {}) as Record<string, unknown>;
        const user = typeof body.user === 'string' ? body.user.trim().slice(0, 64) : '';
        const password = typeof body.password === 'string' ? body.password.slice(0, 1024) : '';
        const next = safeNext(body.next);
        const keys = [`user:${user.toLowerCase()}`, `ip:${request.ip}`];
        const html = reply.type('text/html; charset=utf-8');
        const wait = throttle.waitMs(keys);
        if (wait > 0) {
          const seconds = Math.ceil(wait / 1000);
          return html
            .code(429)
            .header('retry-after', String(seconds))
            .send(loginPage({ problem: 'slow', next, waitSeconds: seconds }));
        }
        // Counted before the (slow, async) check, so concurrent tries see it at once.
        throttle.fail(keys);
        const hash = users?.current().get(user);
        if (!user || !password || !(await verifyPassword(password, hash))) {
          // People type passwords into the name field: not the name, a keyed short hash
          // (the same name gives the same hash, to follow an attack, within one secret).
          request.log.warn({ event: 'sign-in-failed', userHash: nameHash(user) }, 'sign-in failed');
          return html.code(401).send(loginPage({ problem: 'wrong', next }));
        }
        throttle.succeed(keys);
        startSession(request, reply, user);
        return reply.redirect(next, 303);
      },
    );
  } else if (auth.mode === 'oidc') {
    registerOidc(app, config, auth, { startSession, secureCookie });
  } else {
    app.get('/login', async (_request, reply) => reply.redirect('/', 302));
  }

  return { signOut };
}

function registerOidc(
  app: FastifyInstance,
  config: ServerConfig,
  auth: Extract<ServerConfig['auth'], { mode: 'oidc' }>,
  session: {
    startSession: (request: FastifyRequest, reply: FastifyReply, user: string) => void;
    secureCookie: (request: FastifyRequest) => boolean;
  },
) {
  const redirectUri = new URL('/auth/callback', config.publicUrl).href;
  let discovered: Promise<oidc.Configuration> | undefined;
  // Discovered on first use, and again after a failure (the provider may start after us).
  const configuration = () => {
    discovered ??= oidc
      .discovery(
        auth.issuer,
        auth.clientId,
        undefined,
        oidc.ClientSecretPost(auth.clientSecret),
        auth.issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };

  app.get('/login', async (request, reply) => {
    const next = safeNext((request.query as { next?: unknown }).next);
    if (request.user) return reply.redirect(next, 302);
    const client = await configuration();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    reply.setCookie(OIDC_COOKIE, JSON.stringify({ verifier, state, nonce, next }), {
      path: '/auth/callback',
      httpOnly: true,
      // The provider redirects back cross-site: Lax, or the browser would not send it.
      sameSite: 'lax',
      secure: session.secureCookie(request),
      signed: true,
      maxAge: 600,
    });
    const url = oidc.buildAuthorizationUrl(client, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return reply.redirect(url.href, 302);
  });

  app.get('/auth/callback', async (request, reply) => {
    const raw = request.cookies[OIDC_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : undefined;
    reply.clearCookie(OIDC_COOKIE, { path: '/auth/callback' });
    if (!unsigned?.valid || !unsigned.value) return reply.redirect('/login', 302);
    const flow = JSON.parse(unsigned.value) as {
      verifier: string;
      state: string;
      nonce: string;
      next: string;
    };
    const client = await configuration();
    const question = request.url.indexOf('?');
    const query = question < 0 ? '' : request.url.slice(question);
    try {
      const tokens = await oidc.authorizationCodeGrant(client, new URL(query, redirectUri), {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      // Many providers put the email in userinfo only, not in the ID token.
      const info =
        typeof claims.email === 'string'
          ? claims
          : await oidc.fetchUserInfo(client, tokens.access_token, claims.sub);
      // The provider signs anyone it knows: only a verified email on the allowed lists
      // gets in (OIDC_ALLOWED_EMAILS / OIDC_ALLOWED_DOMAINS).
      if (typeof info.email !== 'string' || info.email === '')
        throw new Error('the provider names no email');
      if (info.email_verified !== true) throw new Error('the email is not verified');
      const user = info.email.toLowerCase();
      const at = user.lastIndexOf('@');
      const domain = at > 0 ? user.slice(at + 1) : '';
      if (!auth.allowedEmails.includes(user) && !auth.allowedDomains.includes(domain))
        throw new Error('the email is not on OIDC_ALLOWED_EMAILS or OIDC_ALLOWED_DOMAINS');
      session.startSession(request, reply, user);
      return reply.redirect(safeNext(flow.next), 303);
    } catch (error) {
      request.log.warn(
        { event: 'oidc-failed', reason: (error as Error).message },
        'OIDC sign-in failed',
      );
      return reply
        .code(401)
        .type('text/plain; charset=utf-8')
        .send('Sign-in failed. / Inicio de sesión fallido.');
    }
  });
}
