// @vitest-environment node
import { ConfigError, readConfig } from '../../server/config';

const base = { WOLKVOX_SERVER: '0015', WOLKVOX_TOKEN: 't' };
const problem = (env: Record<string, string>) => {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  return undefined;
};

describe('the server’s settings, checked before it listens', () => {
  it('reads the contract’s defaults', () => {
    const config = readConfig(base);
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      wolkvoxBaseUrl: 'https://wv0015.wolkvox.com',
      auth: { mode: 'users', usersFile: 'users.txt' },
      cache: { dir: undefined, maxMb: undefined, retentionDays: undefined },
    });
  });

  it.each([
    [{ WOLKVOX_TOKEN: 't' }, 'WOLKVOX_BASE_URL or WOLKVOX_SERVER'],
    [{ WOLKVOX_SERVER: '0015' }, 'WOLKVOX_TOKEN'],
    [{ ...base, WOLKVOX_BASE_URL: 'ftp://wv0015.wolkvox.com' }, 'WOLKVOX_BASE_URL'],
    [{ ...base, WOLKVOX_BASE_URL: 'wv0015.wolkvox.com' }, 'WOLKVOX_BASE_URL'],
    [{ ...base, PORT: 'eighty' }, 'PORT'],
    [{ ...base, AUTH_MODE: 'ldap' }, 'AUTH_MODE'],
    [{ ...base, AUTH_MODE: 'none', HOST: '0.0.0.0' }, 'AUTH_MODE'],
    [{ ...base, AUTH_MODE: 'header' }, 'AUTH_HEADER'],
    [{ ...base, AUTH_MODE: 'header', AUTH_HEADER: 'X-Forwarded-Email' }, 'AUTH_TRUSTED_PROXIES'],
    [
      {
        ...base,
        AUTH_MODE: 'header',
        AUTH_HEADER: 'X-Forwarded-Email',
        AUTH_TRUSTED_PROXIES: 'proxy.local',
      },
      'AUTH_TRUSTED_PROXIES',
    ],
    [{ ...base, AUTH_MODE: 'oidc' }, 'OIDC_ISSUER'],
    [
      {
        ...base,
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: 'https://id.example',
        OIDC_CLIENT_ID: 'c',
        OIDC_CLIENT_SECRET: 's',
      },
      'PUBLIC_URL',
    ],
    [
      {
        ...base,
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: 'https://id.example',
        OIDC_CLIENT_ID: 'c',
        OIDC_CLIENT_SECRET: 's',
        PUBLIC_URL: 'https://reports.example.com',
      },
      'OIDC_ALLOWED_EMAILS or OIDC_ALLOWED_DOMAINS',
    ],
    [
      {
        ...base,
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: 'https://id.example',
        OIDC_CLIENT_ID: 'c',
        OIDC_CLIENT_SECRET: 's',
        PUBLIC_URL: 'https://reports.example.com',
        OIDC_ALLOWED_EMAILS: 'ana',
      },
      'OIDC_ALLOWED_EMAILS',
    ],
    [{ ...base, SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ ...base, CACHE_MAX_MB: 'lots' }, 'CACHE_MAX_MB'],
  ])('refuses %j, naming %s with an example', (env, variable) => {
    const error = problem(env);
    expect(error?.variable).toBe(variable);
    expect(error?.message).toMatch(/Example: \S+=/);
  });

  it('allows no sign-in on a loopback address only', () => {
    expect(readConfig({ ...base, AUTH_MODE: 'none', HOST: '127.0.0.1' }).auth.mode).toBe('none');
    expect(readConfig({ ...base, AUTH_MODE: 'none', HOST: '::1' }).auth.mode).toBe('none');
    expect(problem({ ...base, AUTH_MODE: 'none', HOST: '192.168.1.10' })?.variable).toBe(
      'AUTH_MODE',
    );
  });

  it('reads who may sign in with OIDC, in lower case', () => {
    const config = readConfig({
      ...base,
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: 'https://id.example',
      OIDC_CLIENT_ID: 'c',
      OIDC_CLIENT_SECRET: 's',
      PUBLIC_URL: 'https://reports.example.com',
      OIDC_ALLOWED_EMAILS: ' Ana@Example.com , luis@partner.test',
      OIDC_ALLOWED_DOMAINS: 'Example.COM',
    });
    expect(config.auth).toMatchObject({
      mode: 'oidc',
      allowedEmails: ['ana@example.com', 'luis@partner.test'],
      allowedDomains: ['example.com'],
    });
  });
});
