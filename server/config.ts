import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { isTimeZone } from './operation-clock';

/**
 * The server's settings, read once from the environment and checked before anything
 * listens: a deployment with a missing token or a mistyped URL stops at once with a
 * message naming the variable, instead of answering 401 to every supervisor later.
 * The names are the deployment contract (README, "Deploy").
 */
export type AuthConfig =
  | { mode: 'none' }
  | { mode: 'users'; usersFile: string }
  | { mode: 'header'; header: string; signOutUrl: string }
  | {
      mode: 'oidc';
      issuer: URL;
      clientId: string;
      clientSecret: string;
      /** Lower-case emails let in (OIDC_ALLOWED_EMAILS). */
      allowedEmails: string[];
      /** Lower-case domains whose emails are let in (OIDC_ALLOWED_DOMAINS). */
      allowedDomains: string[];
    };

export interface ServerConfig {
  host: string;
  port: number;
  wolkvoxBaseUrl: string;
  wolkvoxToken: string;
  auth: AuthConfig;
  /** Signs the session cookie (users, oidc). Random per start when not set (see `warnings`). */
  sessionSecret: string;
  sessionHours: number;
  /** Addresses whose X-Forwarded-* and AUTH_HEADER are believed (IPs or CIDRs). */
  trustedProxies: string[];
  /** Where supervisors reach the app (https → Secure cookies; the OIDC redirect). */
  publicUrl: URL | undefined;
  /**
   * The closed-period cache (server/report-cache.ts): on disk under `dir` (encrypted with a
   * key derived from `key`: CACHE_KEY, else SESSION_SECRET), in memory without it.
   */
  cache: {
    dir: string | undefined;
    maxMb: number | undefined;
    retentionDays: number | undefined;
    key: string;
  };
  /** The operation's zone: its day for the quota, "closed" for the cache (WOLKVOX_TIME_ZONE). */
  timeZone: string;
  warnings: string[];
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
    example: string,
  ) {
    super(`${variable}: ${problem}. Example: ${example}`);
    this.name = 'ConfigError';
  }
}

const AUTH_MODES = ['users', 'header', 'oidc', 'none'] as const;

export function readConfig(env: Record<string, string | undefined>): ServerConfig {
  const get = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const warnings: string[] = [];

  const host = get('HOST') ?? '127.0.0.1';
  const port = readInteger(get('PORT'), 'PORT', 8080, '8080', 0, 65535);

  const server = get('WOLKVOX_SERVER');
  const base = get('WOLKVOX_BASE_URL');
  if (!base && !server)
    throw new ConfigError(
      'WOLKVOX_BASE_URL or WOLKVOX_SERVER',
      'required (the operation’s wolkvox server)',
      'WOLKVOX_SERVER=0015 (→ https://wv0015.wolkvox.com) or WOLKVOX_BASE_URL=https://wv0015.wolkvox.com',
    );
  if (!base && server && !/^[0-9A-Za-z-]+$/.test(server))
    throw new ConfigError('WOLKVOX_SERVER', 'must be the server code only', 'WOLKVOX_SERVER=0015');
  const wolkvoxBaseUrl = (base ?? `https://wv${server}.wolkvox.com`).replace(/\/+$/, '');
  if (!isHttpUrl(wolkvoxBaseUrl))
    throw new ConfigError(
      'WOLKVOX_BASE_URL',
      `must be an http(s) URL, not "${wolkvoxBaseUrl}"`,
      'WOLKVOX_BASE_URL=https://wv0015.wolkvox.com',
    );

  const wolkvoxToken = get('WOLKVOX_TOKEN');
  if (!wolkvoxToken)
    throw new ConfigError(
      'WOLKVOX_TOKEN',
      'required (Manager > Configuration > Integrations > Tokens)',
      'WOLKVOX_TOKEN=<the token from wolkvox Manager>',
    );

  const publicUrlText = get('PUBLIC_URL');
  if (publicUrlText && !isHttpUrl(publicUrlText))
    throw new ConfigError(
      'PUBLIC_URL',
      'must be an http(s) URL',
      'PUBLIC_URL=https://reports.example.com',
    );
  const publicUrl = publicUrlText ? new URL(publicUrlText) : undefined;

  const trustedProxies = (get('AUTH_TRUSTED_PROXIES') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  for (const entry of trustedProxies) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (!family || !bitsOk || extra !== undefined)
      throw new ConfigError(
        'AUTH_TRUSTED_PROXIES',
        `"${entry}" is not an IP address or CIDR`,
        'AUTH_TRUSTED_PROXIES=127.0.0.1,10.0.0.0/8',
      );
  }

  const modeText = get('AUTH_MODE') ?? 'users';
  if (!(AUTH_MODES as readonly string[]).includes(modeText))
    throw new ConfigError(
      'AUTH_MODE',
      `must be one of ${AUTH_MODES.join(', ')}`,
      'AUTH_MODE=users',
    );
  const mode = modeText as (typeof AUTH_MODES)[number];

  let auth: AuthConfig;
  if (mode === 'none') {
    if (!isLoopback(host))
      throw new ConfigError(
        'AUTH_MODE',
        `"none" (no sign-in) is allowed only when HOST is a loopback address, not ${host}`,
        'AUTH_MODE=none HOST=127.0.0.1',
      );
    auth = { mode };
    warnings.push('AUTH_MODE=none: no sign-in; anyone on this machine can read the reports.');
  } else if (mode === 'users') {
    auth = { mode, usersFile: get('AUTH_USERS_FILE') ?? 'users.txt' };
  } else if (mode === 'header') {
    const header = get('AUTH_HEADER');
    if (!header || !/^[A-Za-z0-9-]+$/.test(header))
      throw new ConfigError(
        'AUTH_HEADER',
        'required in header mode (the header your sign-in proxy sets)',
        'AUTH_HEADER=X-Forwarded-Email',
      );
    if (trustedProxies.length === 0)
      throw new ConfigError(
        'AUTH_TRUSTED_PROXIES',
        'required in header mode (only these addresses may set AUTH_HEADER)',
        'AUTH_TRUSTED_PROXIES=127.0.0.1',
      );
    auth = {
      mode,
      header: header.toLowerCase(),
      signOutUrl: get('AUTH_SIGN_OUT_URL') ?? '/oauth2/sign_out',
    };
  } else {
    const issuer = get('OIDC_ISSUER');
    if (!issuer || !isHttpUrl(issuer))
      throw new ConfigError(
        'OIDC_ISSUER',
        'required in oidc mode (an http(s) URL)',
        'OIDC_ISSUER=https://accounts.google.com',
      );
    const clientId = get('OIDC_CLIENT_ID');
    if (!clientId)
      throw new ConfigError(
        'OIDC_CLIENT_ID',
        'required in oidc mode',
        'OIDC_CLIENT_ID=wolkvox-reports',
      );
    const clientSecret = get('OIDC_CLIENT_SECRET');
    if (!clientSecret)
      throw new ConfigError('OIDC_CLIENT_SECRET', 'required in oidc mode', 'OIDC_CLIENT_SECRET=…');
    if (!publicUrl)
      throw new ConfigError(
        'PUBLIC_URL',
        'required in oidc mode (the redirect URI is PUBLIC_URL/auth/callback)',
        'PUBLIC_URL=https://reports.example.com',
      );
    // The provider signs anyone it knows (a public Google or Microsoft tenant: everyone):
    // only the people or domains named here get in.
    const list = (name: string) =>
      (get(name) ?? '')
        .split(',')
        .map((part) => part.trim().toLowerCase().replace(/^@/, ''))
        .filter(Boolean);
    const allowedEmails = list('OIDC_ALLOWED_EMAILS');
    const allowedDomains = list('OIDC_ALLOWED_DOMAINS');
    if (allowedEmails.length === 0 && allowedDomains.length === 0)
      throw new ConfigError(
        'OIDC_ALLOWED_EMAILS or OIDC_ALLOWED_DOMAINS',
        'at least one is required in oidc mode (who may sign in)',
        'OIDC_ALLOWED_DOMAINS=example.com or OIDC_ALLOWED_EMAILS=ana@example.com,luis@example.com',
      );
    for (const email of allowedEmails)
      if (!/^[^\s@]+@[^\s@]+$/.test(email))
        throw new ConfigError(
          'OIDC_ALLOWED_EMAILS',
          `"${email}" is not an email address`,
          'OIDC_ALLOWED_EMAILS=ana@example.com,luis@example.com',
        );
    for (const domain of allowedDomains)
      if (!/^[a-z0-9.-]+\.[a-z0-9-]+$/.test(domain))
        throw new ConfigError(
          'OIDC_ALLOWED_DOMAINS',
          `"${domain}" is not a domain`,
          'OIDC_ALLOWED_DOMAINS=example.com',
        );
    auth = {
      mode,
      issuer: new URL(issuer),
      clientId,
      clientSecret,
      allowedEmails,
      allowedDomains,
    };
  }

  let sessionSecret = get('SESSION_SECRET');
  if (sessionSecret && sessionSecret.length < 32)
    throw new ConfigError(
      'SESSION_SECRET',
      'must be at least 32 characters',
      'SESSION_SECRET=$(openssl rand -hex 32)',
    );
  if (!sessionSecret) {
    sessionSecret = randomBytes(32).toString('hex');
    if (mode === 'users' || mode === 'oidc')
      warnings.push(
        'SESSION_SECRET is not set: a random one is used, so every sign-in ends when the server restarts.',
      );
  }
  const sessionHours = readInteger(get('SESSION_HOURS'), 'SESSION_HOURS', 12, '12', 1, 24 * 30);

  const cacheKey = get('CACHE_KEY');
  if (cacheKey && cacheKey.length < 32)
    throw new ConfigError(
      'CACHE_KEY',
      'must be at least 32 characters',
      'CACHE_KEY=$(openssl rand -hex 32)',
    );
  const cache = {
    dir: get('CACHE_DIR'),
    // 0 turns the cache off (an operation that keeps no customer data on the server).
    maxMb: optionalInteger(get('CACHE_MAX_MB'), 'CACHE_MAX_MB', '2048', 0),
    retentionDays: optionalInteger(get('CACHE_RETENTION_DAYS'), 'CACHE_RETENTION_DAYS', '400'),
    key: cacheKey ?? sessionSecret,
  };
  if (cache.dir && !cacheKey && !get('SESSION_SECRET'))
    warnings.push(
      'CACHE_DIR without CACHE_KEY or SESSION_SECRET: the cache is encrypted with a key made at start, so a restart empties it.',
    );
  const timeZone = get('WOLKVOX_TIME_ZONE') ?? 'America/Bogota';
  if (!isTimeZone(timeZone))
    throw new ConfigError(
      'WOLKVOX_TIME_ZONE',
      `"${timeZone}" is not a time zone`,
      'WOLKVOX_TIME_ZONE=America/Bogota',
    );

  return {
    host,
    port,
    wolkvoxBaseUrl,
    wolkvoxToken,
    auth,
    sessionSecret,
    sessionHours,
    trustedProxies,
    publicUrl,
    cache,
    timeZone,
    warnings,
  };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function readInteger(
  text: string | undefined,
  name: string,
  fallback: number,
  example: string,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw new ConfigError(
      name,
      `must be a whole number from ${min} to ${max}`,
      `${name}=${example}`,
    );
  return value;
}

function optionalInteger(text: string | undefined, name: string, example: string, min = 1) {
  return text === undefined
    ? undefined
    : readInteger(text, name, 0, example, min, Number.MAX_SAFE_INTEGER);
}
