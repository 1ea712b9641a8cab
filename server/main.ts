import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from './app';
import { ConfigError, readConfig } from './config';

/**
 * `npm start`: reads and checks the environment (exits 1 naming a wrong variable),
 * then serves the built app (dist/, or DIST_DIR) on HOST:PORT.
 */
async function main() {
  let config;
  try {
    config = readConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  for (const warning of config.warnings) process.stderr.write(`Warning: ${warning}\n`);
  if (config.auth.mode === 'users') {
    const { UsersFile } = await import('./users-file');
    const count = new UsersFile(config.auth.usersFile).current().size;
    if (count === 0) {
      process.stderr.write(
        `Configuration error: AUTH_USERS_FILE: ${resolve(config.auth.usersFile)} has no users. Example: npm run users -- add alice\n`,
      );
      process.exit(1);
    }
  }
  // The bundle runs from dist-server/: the app is beside it in dist/.
  const here = dirname(fileURLToPath(import.meta.url));
  const distDir = resolve(process.env.DIST_DIR?.trim() || resolve(here, '../dist'));
  const app = await buildServer(config, {
    distDir,
    logger: { level: process.env.LOG_LEVEL?.trim() || 'warn' },
  });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stderr.write(
    `wolkvox reports: http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port} (AUTH_MODE=${config.auth.mode}, wolkvox ${config.wolkvoxBaseUrl})\n`,
  );
  const stop = () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

await main();
