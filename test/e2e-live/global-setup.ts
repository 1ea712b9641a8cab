import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { build, createLogger, preview, type Logger, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { startFakeWolkvox } from '../fake-wolkvox/server';
import { startControl } from './control';
import { startReport10Relay } from './report10-relay';
import { CAPPED_DAY, CAPPED_ROWS, RANGE, SEED, UNIFORM_ROWS, scenarioFaults } from './scenario';
import {
  buildServerBundle,
  startServerProcess,
  SUPERVISOR,
  usersFile,
  type RunningServer,
} from './start-server';

/**
 * Live mode end to end, with a fake wolkvox instead of a real one:
 *
 *   Chromium ──► vite preview --mode live (proxy adds wolkvox-token) ──► relay ──► fake wolkvox
 *
 * 1. Starts the fake (scenario.ts: 95 days, 250,000 rows of report 10, one day
 *    over the cap, one fault per month chunk) behind the report-10 relay.
 * 2. Builds the app in live mode into its own outDir, with WOLKVOX_TOKEN set in
 *    this process the whole time (the security test then proves it is not in
 *    the bundle).
 * 3. Serves that build twice with `vite preview --mode live`: once with the right
 *    token, once with a wrong one. Each preview's proxy reads the environment
 *    when it starts; the environment is restored afterwards.
 * 4. Opens the control endpoint (control.ts) for the tests.
 *
 * With LIVE_TARGET=server (`npm run test:e2e:server`), step 3 runs the production
 * server instead (`npm start`: server/, bundled as `npm run build` bundles it), twice
 * likewise, with AUTH_MODE=users: the tests sign in as a supervisor first.
 */
const TARGET = process.env.LIVE_TARGET === 'server' ? 'server' : 'preview';
export const OUT_DIR = 'node_modules/.tmp/live-dist';

export default async function setup(project: TestProject) {
  const root = project.config.root;
  const outDir = resolve(root, OUT_DIR);
  const token = `wvtk-${randomBytes(18).toString('hex')}`;
  const badToken = `wvtk-${randomBytes(18).toString('hex')}`;

  const fake = await startFakeWolkvox({
    token,
    seed: SEED,
    range: RANGE,
    rows: UNIFORM_ROWS,
    bursts: [{ range: CAPPED_DAY, rows: CAPPED_ROWS }],
    apis: ['chat_10'],
    faults: scenarioFaults(),
  });
  const relay = await startReport10Relay({ upstream: fake.url, token });

  const proxyErrors: string[] = [];
  const logger = quietProxyLogger(proxyErrors);
  // vitest copies the test mode's env files into process.env (VITE_API_MOCKING=true from .env),
  // and Vite lets process.env override env files for VITE_* keys: without clearing them the
  // "live" build would quietly run on mocks. Clear them, as `npm run preview:live` has them.
  const viteKeys = Object.keys(process.env).filter((key) => key.startsWith('VITE_'));
  const saved = pick(process.env, [
    'WOLKVOX_BASE_URL',
    'WOLKVOX_SERVER',
    'WOLKVOX_TOKEN',
    'NODE_ENV',
    ...viteKeys,
  ]);
  const servers: PreviewServer[] = [];
  const processes: RunningServer[] = [];
  try {
    for (const key of viteKeys) delete process.env[key];
    process.env.WOLKVOX_BASE_URL = relay.url;
    delete process.env.WOLKVOX_SERVER;
    process.env.WOLKVOX_TOKEN = token;
    // vitest sets NODE_ENV=test; the bundle under test must be the production one.
    process.env.NODE_ENV = 'production';
    const common = { root, configFile: resolve(root, 'vite.config.ts'), mode: 'live' } as const;
    await build({
      ...common,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });

    if (TARGET === 'server') {
      const main = await buildServerBundle(root);
      const env = {
        WOLKVOX_BASE_URL: relay.url,
        AUTH_MODE: 'users',
        AUTH_USERS_FILE: await usersFile(),
        SESSION_SECRET: randomBytes(32).toString('hex'),
        DIST_DIR: outDir,
        // The tests change what the fake answers for periods already loaded (faults, hostile
        // rows): the server's closed-period cache would answer them instead. It is tested in
        // test/server/team-token.test.ts.
        CACHE_MAX_MB: '0',
      };
      processes.push(await startServerProcess(main, { ...env, WOLKVOX_TOKEN: token }));
      processes.push(await startServerProcess(main, { ...env, WOLKVOX_TOKEN: badToken }));
      project.provide('baseUrl', processes[0]!.url);
      project.provide('badTokenBaseUrl', processes[1]!.url);
    } else {
      const serve = async () => {
        const server = await preview({
          ...common,
          customLogger: logger,
          build: { outDir },
          preview: { port: 0, host: '127.0.0.1', strictPort: false },
        });
        servers.push(server);
        const address = server.httpServer.address();
        if (!address || typeof address === 'string') throw new Error('preview server has no port');
        return `http://127.0.0.1:${address.port}`;
      };
      project.provide('baseUrl', await serve());
      process.env.WOLKVOX_TOKEN = badToken;
      project.provide('badTokenBaseUrl', await serve());
    }
  } finally {
    restore(process.env, saved);
  }

  const serverOutput = processes[0]?.output ?? [];
  const control = await startControl(fake, relay, proxyErrors, serverOutput);
  project.provide('target', TARGET);
  project.provide('signIn', TARGET === 'server' ? SUPERVISOR : null);
  project.provide('controlUrl', control.url);
  project.provide('token', token);
  project.provide('badToken', badToken);
  project.provide('relayUrl', relay.url);
  project.provide('outDir', outDir);

  return async () => {
    for (const server of servers) await server.close();
    for (const server of processes) await server.close();
    await control.close();
    await relay.close();
    await fake.close();
  };
}

/** Vite's logger, with the proxy's "http proxy error" stack traces kept for the tests instead. */
function quietProxyLogger(proxyErrors: string[]): Logger {
  const logger = createLogger('warn');
  const error = logger.error.bind(logger);
  logger.error = (message, options) => {
    if (message.includes('http proxy error')) {
      proxyErrors.push(message.split('\n').slice(0, 2).join(' | '));
      return;
    }
    error(message, options);
  };
  return logger;
}

function pick(env: NodeJS.ProcessEnv, keys: readonly string[]) {
  return Object.fromEntries(keys.map((key) => [key, env[key]]));
}

function restore(env: NodeJS.ProcessEnv, saved: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The live-mode preview whose proxy holds the right token. */
    baseUrl: string;
    /** The same build behind a proxy configured with a wrong token. */
    badTokenBaseUrl: string;
    controlUrl: string;
    token: string;
    badToken: string;
    /** Where the proxies forward to (the relay in front of the fake). */
    relayUrl: string;
    /** The live build, for scanning. */
    outDir: string;
    /** What serves the build: `vite preview --mode live`, or the production server (`npm start`). */
    target: 'preview' | 'server';
    /** The supervisor to sign in as (server), or null (preview: no sign-in). */
    signIn: { user: string; password: string } | null;
  }
}
